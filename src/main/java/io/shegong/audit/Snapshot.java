package io.shegong.audit;

import java.lang.reflect.RecordComponent;
import java.time.temporal.Temporal;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/** A record as JSON-ready values, and what changed between two of them. */
final class Snapshot {
    /** Bookkeeping that changes with every write and says nothing about the change. */
    private static final Set<String> BOOKKEEPING = Set.of("version", "createdAt", "updatedAt");

    private Snapshot() {
    }

    static Map<String, Object> of(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put(String.valueOf(k), plain(v)));
            return out;
        }
        if (!value.getClass().isRecord()) {
            return Map.of("value", String.valueOf(value));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (RecordComponent c : value.getClass().getRecordComponents()) {
            if (BOOKKEEPING.contains(c.getName())) {
                continue;
            }
            try {
                out.put(c.getName(), plain(c.getAccessor().invoke(value)));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read " + c.getName(), e);
            }
        }
        return out;
    }

    private static Object plain(Object v) {
        if (v == null || v instanceof String || v instanceof Number || v instanceof Boolean) {
            return v;
        }
        if (v instanceof UUID || v instanceof Temporal || v instanceof Enum<?>) {
            return v.toString();
        }
        if (v instanceof Collection<?> c) {
            return c.stream().map(Snapshot::plain).toList();
        }
        if (v instanceof Map<?, ?> || v.getClass().isRecord()) {
            return of(v);
        }
        return v.toString();
    }

    /** The fields whose values differ, as `[before, after]`; all of `after` when there was no before. */
    static Map<String, Object>[] diff(Map<String, Object> before, Map<String, Object> after) {
        if (before == null || after == null) {
            @SuppressWarnings("unchecked")
            Map<String, Object>[] whole = new Map[]{before, after};
            return whole;
        }
        Map<String, Object> was = new LinkedHashMap<>();
        Map<String, Object> is = new LinkedHashMap<>();
        for (String key : union(before.keySet(), after.keySet())) {
            if (!Objects.equals(before.get(key), after.get(key))) {
                was.put(key, before.get(key));
                is.put(key, after.get(key));
            }
        }
        @SuppressWarnings("unchecked")
        Map<String, Object>[] changed = new Map[]{was, is};
        return changed;
    }

    private static List<String> union(Set<String> a, Set<String> b) {
        List<String> keys = new java.util.ArrayList<>(a);
        b.stream().filter(k -> !a.contains(k)).forEach(keys::add);
        return keys;
    }
}
