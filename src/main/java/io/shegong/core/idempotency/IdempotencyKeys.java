package io.shegong.core.idempotency;

import io.shegong.core.error.ApiException;
import io.shegong.core.graphql.RequestContext;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Lets a client retry a create safely: the same `idempotencyKey` from the same tenant within
 * 24 hours answers the first result and writes nothing. The key is the client's promise that
 * the request is the same one; the same key with another operation or another input is a
 * CONFLICT, not a replay.
 */
@Singleton
public class IdempotencyKeys {
    public static final String FIELD = "idempotencyKey";
    static final Duration LIFETIME = Duration.ofHours(24);
    private static final int MAX_KEY = 200;

    private final IdempotencyRepository keys;
    private final Clock clock;

    public IdempotencyKeys(IdempotencyRepository keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    /** What a created record is: the payload field that holds it, its Node type and id. */
    public record Created(String payloadField, String nodeType, UUID nodeId) {
    }

    /**
     * Takes the key for this request; empty when the request is the first with it and should
     * run, else what the first created.
     */
    public Optional<Created> claim(RequestContext ctx, String operation, Map<String, Object> input) {
        String key = key(input);
        String hash = hash(input);
        Instant now = clock.instant();
        if (keys.claim(key, operation, hash, now, now.minus(LIFETIME)) == 1) {
            return Optional.empty();
        }
        IdempotencyKey first = keys.findById(key).orElseThrow();
        if (!first.operation().equals(operation) || !first.inputHash().equals(hash)) {
            throw ApiException.conflict("input." + FIELD,
                    "This idempotencyKey was used in the last 24 hours for another request; use a new key for a new request");
        }
        return Optional.of(new Created(first.payloadField(), first.nodeType(), first.nodeId()));
    }

    public void complete(RequestContext ctx, Map<String, Object> input, Created created) {
        keys.update(key(input), created.payloadField(), created.nodeType(), created.nodeId());
    }

    public static boolean sent(Map<String, Object> input) {
        return input != null && input.get(FIELD) != null;
    }

    private static String key(Map<String, Object> input) {
        String key = input.get(FIELD).toString();
        if (key.isBlank() || key.length() > MAX_KEY) {
            throw ApiException.badInput("input." + FIELD, FIELD + " must be 1 to " + MAX_KEY + " characters");
        }
        return key;
    }

    /** A digest of the input as sent, apart from the key, independent of the order of fields. */
    private static String hash(Map<String, Object> input) {
        Map<String, Object> rest = new TreeMap<>(input);
        rest.remove(FIELD);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical(rest).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String canonical(Object value) {
        if (value instanceof Map<?, ?> m) {
            StringBuilder b = new StringBuilder("{");
            new TreeMap<>(m).forEach((k, v) -> b.append(k).append('=').append(canonical(v)).append(';'));
            return b.append('}').toString();
        }
        if (value instanceof List<?> l) {
            return l.stream().map(IdempotencyKeys::canonical).toList().toString();
        }
        return String.valueOf(value);
    }
}
