package io.shegong.core.graphql;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.micronaut.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Map;

/**
 * Writes a GraphQL result as UTF-8 JSON bytes, streaming the tree graphql-java built (maps,
 * lists, strings, numbers, booleans and nulls) onto Jackson's generator. A general serializer
 * looks up a serializer for the runtime type of each of a page's thousands of values, a twentieth
 * of the page's CPU, where these few types need none. A value of another type (which only a
 * `JSON` scalar could hold) goes to the general one.
 */
final class ResultWriter {
    private static final JsonFactory FACTORY = new JsonFactory();

    private final JsonMapper general;

    ResultWriter(JsonMapper general) {
        this.general = general;
    }

    byte[] write(Map<String, Object> result) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            value(g, result);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a GraphQL result", e);
        }
        return out.toByteArray();
    }

    private void value(JsonGenerator g, Object v) throws IOException {
        switch (v) {
            case null -> g.writeNull();
            case String s -> g.writeString(s);
            case Map<?, ?> m -> {
                g.writeStartObject();
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    g.writeFieldName(String.valueOf(e.getKey()));
                    value(g, e.getValue());
                }
                g.writeEndObject();
            }
            case Collection<?> c -> {
                g.writeStartArray();
                for (Object o : c) {
                    value(g, o);
                }
                g.writeEndArray();
            }
            case Boolean b -> g.writeBoolean(b);
            case Integer i -> g.writeNumber(i);
            case Long l -> g.writeNumber(l);
            case Double d -> g.writeNumber(d);
            case Float f -> g.writeNumber(f);
            case BigDecimal d -> g.writeNumber(d);
            case BigInteger i -> g.writeNumber(i);
            default -> g.writeRawValue(new String(general.writeValueAsBytes(v), StandardCharsets.UTF_8));
        }
    }
}
