package io.shegong.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A GraphQL response, with paths like `stations.edges.0.node.name`. */
public record Result(int status, Map<String, Object> body, String raw) {

    @SuppressWarnings("unchecked")
    public <T> T get(String path) {
        Object cur = body.get("data");
        for (String part : path.split("\\.")) {
            if (cur == null) {
                return null;
            }
            cur = cur instanceof List<?> l ? l.get(Integer.parseInt(part)) : ((Map<String, Object>) cur).get(part);
        }
        return (T) cur;
    }

    public String string(String path) {
        return get(path);
    }

    public int integer(String path) {
        return ((Number) get(path)).intValue();
    }

    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> errors() {
        Object e = body.get("errors");
        return e == null ? List.of() : (List<Map<String, Object>>) e;
    }

    /** Every mutation's `userErrors`, in the order of the response. */
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> userErrors() {
        List<Map<String, Object>> all = new ArrayList<>();
        if (body.get("data") instanceof Map<?, ?> data) {
            for (Object payload : data.values()) {
                if (payload instanceof Map<?, ?> p && p.get("userErrors") instanceof List<?> errors) {
                    errors.forEach(e -> all.add((Map<String, Object>) e));
                }
            }
        }
        return all;
    }

    /** The first failure: a top-level error, or else a mutation's user error. */
    private Map<String, Object> firstFailure() {
        if (!errors().isEmpty()) {
            return errors().getFirst();
        }
        List<Map<String, Object>> user = userErrors();
        assertFalse(user.isEmpty(), "expected an error, got " + raw);
        return user.getFirst();
    }

    @SuppressWarnings("unchecked")
    public String errorCode() {
        Map<String, Object> f = firstFailure();
        return f.containsKey("extensions") ? (String) ((Map<String, Object>) f.get("extensions")).get("code") : (String) f.get("code");
    }

    @SuppressWarnings("unchecked")
    public String errorField() {
        Map<String, Object> f = firstFailure();
        if (f.containsKey("extensions")) {
            return (String) ((Map<String, Object>) f.get("extensions")).get("field");
        }
        List<String> path = (List<String>) f.get("field");
        return path == null ? null : String.join(".", path);
    }

    public String errorMessage() {
        return (String) firstFailure().get("message");
    }

    @SuppressWarnings("unchecked")
    public int sqlStatements() {
        return ((Number) ((Map<String, Object>) body.get("extensions")).get("sqlStatements")).intValue();
    }

    public Result assertOk() {
        assertTrue(errors().isEmpty() && userErrors().isEmpty(), "unexpected errors: " + raw);
        return this;
    }

    /** Asserts the first error's code and field (`null` field: no field expected). */
    public Result assertError(String code, String field) {
        assertEquals(code, errorCode(), raw);
        if (field != null) {
            assertEquals(field, errorField(), raw);
        }
        String errors = errors().toString() + userErrors();
        assertTrue(!errors.contains("org.") && !errors.contains("java.") && !errors.toLowerCase().contains("sql")
                && !errors.contains("Exception") && !errors.contains("constraint"), "internals leaked: " + errors);
        return this;
    }

    public void assertNullAt(String path) {
        assertNull(get(path), raw);
    }
}
