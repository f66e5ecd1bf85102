package io.shegong.support;

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

    @SuppressWarnings("unchecked")
    public String errorCode() {
        assertFalse(errors().isEmpty(), "expected an error, got " + raw);
        return (String) ((Map<String, Object>) errors().getFirst().get("extensions")).get("code");
    }

    @SuppressWarnings("unchecked")
    public String errorField() {
        assertFalse(errors().isEmpty(), "expected an error, got " + raw);
        return (String) ((Map<String, Object>) errors().getFirst().get("extensions")).get("field");
    }

    public String errorMessage() {
        return (String) errors().getFirst().get("message");
    }

    @SuppressWarnings("unchecked")
    public int sqlStatements() {
        return ((Number) ((Map<String, Object>) body.get("extensions")).get("sqlStatements")).intValue();
    }

    public Result assertOk() {
        assertTrue(errors().isEmpty(), "unexpected errors: " + raw);
        return this;
    }

    /** Asserts the first error's code and field (`null` field: no field expected). */
    public Result assertError(String code, String field) {
        assertEquals(code, errorCode(), raw);
        if (field != null) {
            assertEquals(field, errorField(), raw);
        }
        String errors = errors().toString();
        assertTrue(!errors.contains("org.") && !errors.contains("java.") && !errors.toLowerCase().contains("sql")
                && !errors.contains("Exception") && !errors.contains("constraint"), "internals leaked: " + errors);
        return this;
    }

    public void assertNullAt(String path) {
        assertNull(get(path), raw);
    }
}
