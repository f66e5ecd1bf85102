package io.shegong.policy;

import io.shegong.core.error.ApiException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.regex.Pattern;

/**
 * Reads one object of a profile document and names the path of anything wrong in it
 * (`input.document.staffingRules[1].minimum.brackets[0].value`).
 */
final class DocumentReader {
    private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9_-]{0,63}");
    private final Map<String, Object> values;
    final String path;

    DocumentReader(Object value, String path) {
        if (!(value instanceof Map<?, ?> map)) {
            throw ApiException.badInput(path, path + " must be an object");
        }
        Map<String, Object> m = new LinkedHashMap<>();
        map.forEach((k, v) -> m.put(String.valueOf(k), v));
        this.values = m;
        this.path = path;
    }

    String at(String field) {
        return path + "." + field;
    }

    boolean has(String field) {
        return values.get(field) != null;
    }

    Object raw(String field) {
        return values.get(field);
    }

    String text(String field, boolean required) {
        Object v = values.get(field);
        if (v == null || v.toString().isBlank()) {
            if (required) {
                throw ApiException.badInput(at(field), field + " is required");
            }
            return null;
        }
        if (!(v instanceof String s)) {
            throw ApiException.badInput(at(field), field + " must be a string");
        }
        if (s.length() > 2000) {
            throw ApiException.badInput(at(field), field + " must be at most 2000 characters");
        }
        return s.strip();
    }

    String code(String field, boolean required) {
        String s = text(field, required);
        if (s != null && !CODE.matcher(s).matches()) {
            throw ApiException.badInput(at(field), field + " must be a lower-case code, not '" + s + "'");
        }
        return s;
    }

    <E extends Enum<E>> E enumValue(String field, Class<E> type, E fallback) {
        String s = text(field, false);
        if (s == null) {
            return fallback;
        }
        try {
            return Enum.valueOf(type, s);
        } catch (IllegalArgumentException e) {
            throw ApiException.badInput(at(field), field + " has an unknown value '" + s + "'");
        }
    }

    Integer integer(String field, int min) {
        Object v = values.get(field);
        if (v == null) {
            return null;
        }
        if (!(v instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) {
            throw ApiException.badInput(at(field), field + " must be a whole number");
        }
        if (n.intValue() < min) {
            throw ApiException.badInput(at(field), field + " must be at least " + min);
        }
        return n.intValue();
    }

    boolean bool(String field) {
        Object v = values.get(field);
        if (v != null && !(v instanceof Boolean)) {
            throw ApiException.badInput(at(field), field + " must be true or false");
        }
        return Boolean.TRUE.equals(v);
    }

    List<String> codes(String field) {
        List<String> out = new ArrayList<>();
        for (Object o : list(field)) {
            String s = String.valueOf(o);
            if (!CODE.matcher(s).matches()) {
                throw ApiException.badInput(at(field), field + " entries must be lower-case codes, not '" + s + "'");
            }
            out.add(s);
        }
        return out;
    }

    /** A list of short texts (keywords): each a non-blank string of at most 40 characters. */
    List<String> texts(String field) {
        List<String> out = new ArrayList<>();
        for (Object o : list(field)) {
            if (!(o instanceof String s) || s.isBlank() || s.length() > 40) {
                throw ApiException.badInput(at(field), field + " entries must be texts of 1 to 40 characters");
            }
            out.add(s.strip());
        }
        return out;
    }

    List<?> list(String field) {
        Object v = values.get(field);
        if (v == null) {
            return List.of();
        }
        if (!(v instanceof List<?> l)) {
            throw ApiException.badInput(at(field), field + " must be a list");
        }
        return l;
    }

    /** Reads every element of a list of objects. */
    <T> List<T> objects(String field, BiFunction<DocumentReader, Integer, T> read) {
        List<?> items = list(field);
        List<T> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            out.add(read.apply(new DocumentReader(items.get(i), at(field) + "[" + i + "]"), i));
        }
        return out;
    }

    DocumentReader object(String field) {
        return has(field) ? new DocumentReader(values.get(field), at(field)) : null;
    }

    Map<String, Object> values() {
        return values;
    }
}
