package io.shegong.core.idempotency;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/**
 * A key as first used: for which operation and input, and, once that request has run, what it
 * created. Keys are the bound tenant's (the column's default), so the same key in another tenant
 * is another key.
 */
@MappedEntity("idempotency_key")
public record IdempotencyKey(@Id String key, String operation, String inputHash, @Nullable String payloadField,
                             @Nullable String nodeType, @Nullable UUID nodeId, Instant createdAt) {
}
