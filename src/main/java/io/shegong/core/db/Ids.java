package io.shegong.core.db;

import java.util.Collection;
import java.util.UUID;

/** Id lists as repositories bind them: one text array, cast to uuid[] in SQL. */
public final class Ids {
    private Ids() {
    }

    public static String[] array(Collection<UUID> ids) {
        return ids.stream().map(UUID::toString).toArray(String[]::new);
    }
}
