package io.shegong.core.graphql;

import io.shegong.core.error.ApiException;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Reads and checks a query's arguments (filters, ids). Every failure names the field as a path
 * (`filter.divisionId`). Mutations' inputs are bound to command records by {@link Commands}.
 */
public final class Input {
    public static final int MAX_TEXT = 200;
    public static final int MAX_LONG_TEXT = 4000;
    private static final Pattern CODE = Pattern.compile(Codes.CODE);

    private final Map<String, Object> values;
    private final String path;

    public Input(Map<String, Object> values, String path) {
        this.values = values == null ? Map.of() : values;
        this.path = path;
    }

    public String path(String field) {
        return path + "." + field;
    }

    /** True when the client sent the field, even as null. */
    public boolean has(String field) {
        return values.containsKey(field);
    }

    public String text(String field, int max) {
        Object v = values.get(field);
        if (v == null) {
            return null;
        }
        String s = v.toString().strip();
        if (s.isEmpty()) {
            throw ApiException.badInput(path(field), field + " must not be blank");
        }
        if (s.length() > max) {
            throw ApiException.badInput(path(field), field + " must be at most " + max + " characters");
        }
        return s;
    }

    public String requiredText(String field, int max) {
        return required(field, text(field, max));
    }

    /** A bureau's code for something: lower-case letters, digits, `_` or `-`. */
    public String code(String field) {
        String s = text(field, 64);
        if (s != null && !CODE.matcher(s).matches()) {
            throw ApiException.badInput(path(field),
                    field + " must be lower-case letters, digits, '_' or '-', starting with a letter");
        }
        return s;
    }

    public List<String> codes(String field, int maxItems) {
        Object v = values.get(field);
        if (v == null) {
            return null;
        }
        List<?> raw = (List<?>) v;
        if (raw.size() > maxItems) {
            throw ApiException.badInput(path(field), field + " may hold at most " + maxItems + " entries");
        }
        List<String> out = new ArrayList<>();
        for (Object item : raw) {
            String s = String.valueOf(item).strip();
            if (!CODE.matcher(s).matches()) {
                throw ApiException.badInput(path(field), field + " entries must be lower-case codes; '" + s + "' is not");
            }
            if (!out.contains(s)) {
                out.add(s);
            }
        }
        return out;
    }

    /** A global id of the given type; a malformed id or one of another type is bad input. */
    public UUID id(String field, String type) {
        Object v = values.get(field);
        if (v == null) {
            return null;
        }
        return GlobalId.decode(v.toString())
                .filter(g -> g.type().equals(type))
                .map(GlobalId::id)
                .orElseThrow(() -> ApiException.badInput(path(field), field + " is not a valid " + type + " id"));
    }

    public UUID requiredId(String field, String type) {
        return required(field, id(field, type));
    }

    public LocalDate date(String field) {
        return (LocalDate) values.get(field);
    }

    public LocalDate requiredDate(String field) {
        return required(field, date(field));
    }

    public <E extends Enum<E>> E enumValue(String field, Class<E> type) {
        Object v = values.get(field);
        if (v == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, v.toString());
        } catch (IllegalArgumentException e) {
            throw ApiException.badInput(path(field), field + " has an unknown value '" + v + "'");
        }
    }

    public Integer integer(String field, int min, int max) {
        Object v = values.get(field);
        if (v == null) {
            return null;
        }
        int i = ((Number) v).intValue();
        if (i < min || i > max) {
            throw ApiException.badInput(path(field), field + " must be between " + min + " and " + max);
        }
        return i;
    }

    public int requiredInteger(String field) {
        return required(field, integer(field, Integer.MIN_VALUE, Integer.MAX_VALUE));
    }

    public Double number(String field, double min, double max) {
        Object v = values.get(field);
        if (v == null) {
            return null;
        }
        double d = ((Number) v).doubleValue();
        if (Double.isNaN(d) || d < min || d > max) {
            throw ApiException.badInput(path(field), field + " must be between " + min + " and " + max);
        }
        return d;
    }

    /** The field's value as the client sent it (for JSON documents). */
    public Object raw(String field) {
        return values.get(field);
    }

    public Boolean bool(String field) {
        return (Boolean) values.get(field);
    }

    private <T> T required(String field, T value) {
        if (value == null) {
            throw ApiException.badInput(path(field), field + " is required");
        }
        return value;
    }
}
