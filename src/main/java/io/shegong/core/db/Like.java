package io.shegong.core.db;

/** Turns user text into a safe ILIKE substring pattern. */
public final class Like {
    private Like() {
    }

    public static String contains(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String escaped = text.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + escaped + "%";
    }
}
