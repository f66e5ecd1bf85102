package io.shegong.core.idempotency;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import io.micronaut.data.annotation.NamingStrategy;
import io.shegong.core.db.ColumnNames;

import java.time.Instant;
import java.util.UUID;

/**
 * A key as first used: for which operation and input, and, once that request has run, what it
 * created. Keys are the bound tenant's (the column's default), so the same key in another tenant
 * is another key.
 */
@MappedEntity("idempotency_key")
@NamingStrategy(ColumnNames.class)
public record IdempotencyKey(
        @MappedProperty("key") @Id String key,
        @MappedProperty("operation") String operation,
        @MappedProperty("input_hash") String inputHash,
        @MappedProperty("payload_field") @Nullable String payloadField,
        @MappedProperty("node_type") @Nullable String nodeType,
        @MappedProperty("node_id") @Nullable UUID nodeId,
        @MappedProperty("created_at") Instant createdAt) {
}
