package io.shegong.core.graphql;

import graphql.schema.DataFetchingEnvironment;
import io.shegong.core.error.ApiException;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * Binds a mutation's `input` to a command record and validates it by its annotations, so that
 * services receive typed values (enums, dates, ids) that already keep their field rules.
 * GraphQL has checked the shape and the types; what is left is what a record cannot say alone:
 * a global id of the right Node type, and the Bean Validation rules on its components. A
 * component named `sent` receives the names of the fields the client sent, for partial updates.
 * A list of records binds each element as a command of its own, so that a fault inside one is
 * named with its index, e.g. `input.projects[0].slot`; so does a record inside the input
 * (`input.administrator.username`) and a list of global ids (`input.stationIds[1]`). Any failure
 * names the field as its input path, e.g. `input.parentId`.
 */
@Singleton
public class Commands {
    public static final String SENT = "sent";

    private final Validator validator;

    public Commands(Validator validator) {
        this.validator = validator;
    }

    public <C extends Record> C bind(DataFetchingEnvironment env, Class<C> type) {
        return bind(env.getArgument("input"), "input", type);
    }

    public <C extends Record> C bind(Map<String, Object> values, String path, Class<C> type) {
        Map<String, Object> in = values == null ? Map.of() : values;
        RecordComponent[] components = type.getRecordComponents();
        Object[] args = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            RecordComponent c = components[i];
            args[i] = c.getName().equals(SENT) ? Set.copyOf(in.keySet())
                    : value(c, in.get(c.getName()), path + "." + c.getName());
        }
        C command = construct(type, components, args);
        Set<ConstraintViolation<C>> violations = validator.validate(command);
        if (!violations.isEmpty()) {
            // the first field in the record's order; of several faults of one field, the same one every time
            ConstraintViolation<C> first = violations.stream()
                    .min(Comparator.<ConstraintViolation<C>>comparingInt(v -> order(components, v.getPropertyPath().toString()))
                            .thenComparing(v -> v.getPropertyPath().toString())
                            .thenComparing(ConstraintViolation::getMessage)).orElseThrow();
            // a list element's fault is reported on the list: `rooms`, not `rooms[0].<list element>`
            String field = first.getPropertyPath().toString().split("[\\[<]")[0];
            throw ApiException.badInput(path + "." + field, field + " " + first.getMessage());
        }
        return command;
    }

    private Object value(RecordComponent c, Object raw, String path) {
        if (raw == null) {
            return c.getType().isPrimitive() ? primitiveDefault(c.getType()) : null;
        }
        NodeId node = c.getAnnotation(NodeId.class);
        if (node != null && raw instanceof List<?> ids) {
            // repeats dropped, order kept: granting a station twice is granting it once
            return IntStream.range(0, ids.size()).mapToObj(i -> nodeId(c, node, ids.get(i), path + "[" + i + "]"))
                    .distinct().toList();
        }
        if (node != null) {
            return nodeId(c, node, raw, path);
        }
        Class<?> t = c.getType();
        if (t.isRecord() && raw instanceof Map<?, ?>) {
            return element(raw, path, t);
        }
        if (t.isEnum()) {
            return enumValue(t, raw.toString());
        }
        if (t == String.class) {
            return raw.toString().strip();
        }
        if (t == Integer.class || t == int.class) {
            return ((Number) raw).intValue();
        }
        if (t == Double.class || t == double.class) {
            return ((Number) raw).doubleValue();
        }
        if (t == UUID.class) {
            return UUID.fromString(raw.toString());
        }
        if (t == Map.class && !(raw instanceof Map<?, ?>)) {
            // a JSON scalar takes any value; worded as the policy parser words an object it cannot read
            throw ApiException.badInput(path, path + " must be an object");
        }
        if (t == List.class && raw instanceof List<?> list && elementType(c) instanceof Class<?> e && e.isRecord()) {
            // repeats are kept: two equal entries (two projects of one name) are two entries
            return IntStream.range(0, list.size()).mapToObj(i -> element(list.get(i), path + "[" + i + "]", e)).toList();
        }
        if (t == List.class && raw instanceof List<?> list) {
            // lists of text: trimmed, repeats dropped, order kept
            return list.stream().map(v -> v instanceof String s ? s.strip() : v).collect(java.util.stream.Collectors
                    .toCollection(LinkedHashSet::new)).stream().toList();
        }
        return raw;
    }

    private static UUID nodeId(RecordComponent c, NodeId node, Object raw, String path) {
        return GlobalId.decode(String.valueOf(raw)).filter(g -> g.type().equals(node.value())).map(GlobalId::id)
                .orElseThrow(() -> ApiException.badInput(path, c.getName() + " is not a valid " + node.value() + " id"));
    }

    @SuppressWarnings("unchecked")
    private <E extends Record> E element(Object raw, String path, Class<?> type) {
        return bind((Map<String, Object>) raw, path, (Class<E>) type);
    }

    private static Type elementType(RecordComponent c) {
        return c.getGenericType() instanceof ParameterizedType p ? p.getActualTypeArguments()[0] : null;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object enumValue(Class<?> type, String name) {
        return Enum.valueOf((Class<? extends Enum>) type, name);
    }

    private static Object primitiveDefault(Class<?> t) {
        if (t == boolean.class) {
            return false;
        }
        if (t == double.class) {
            return 0.0;
        }
        return 0;
    }

    private static int order(RecordComponent[] components, String property) {
        String head = property.split("[.\\[]")[0];
        for (int i = 0; i < components.length; i++) {
            if (components[i].getName().equals(head)) {
                return i;
            }
        }
        return components.length;
    }

    private static <C> C construct(Class<C> type, RecordComponent[] components, Object[] args) {
        try {
            Constructor<C> canonical = type.getDeclaredConstructor(
                    Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
            canonical.setAccessible(true);
            return canonical.newInstance(args);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build " + type.getSimpleName(), e);
        }
    }
}
