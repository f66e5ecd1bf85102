package io.shegong.core.graphql;

/** What text the API accepts. */
public final class Text {
    private Text() {
    }

    /**
     * True when the text holds a character below U+0020 other than tab, line feed and carriage
     * return, or DEL. PostgreSQL refuses NUL in text outright; the others only ever arrive by
     * mistake or as an attack on whatever later prints the text.
     */
    public static boolean hasControlCharacter(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f) {
                return true;
            }
        }
        return false;
    }
}
