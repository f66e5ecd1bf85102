package io.shegong.core.idempotency;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** The bound tenant's idempotency keys and the results they stand for. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface IdempotencyRepository extends GenericRepository<IdempotencyKey, String> {

    /**
     * Takes the key for this use, or finds that it is taken: 1 when taken now, 0 when another use
     * holds it. A concurrent first use of the same key holds the row until its transaction ends;
     * this statement waits for it, so that of parallel identical requests exactly one proceeds. A
     * key first used before `staleBefore` is taken over.
     */
    @Query("""
            INSERT INTO idempotency_key (key, operation, input_hash, created_at)
            VALUES (:key, :operation, :inputHash, :now)
            ON CONFLICT (tenant_id, key) DO UPDATE
               SET operation = EXCLUDED.operation, input_hash = EXCLUDED.input_hash,
                   created_at = EXCLUDED.created_at, payload_field = NULL, node_type = NULL, node_id = NULL
             WHERE idempotency_key.created_at < :staleBefore""")
    int claim(String key, String operation, String inputHash, Instant now, Instant staleBefore);

    Optional<IdempotencyKey> findById(String key);

    /** Records what the key's request created, for the requests that repeat it. */
    void update(@Id String key, @Nullable String payloadField, @Nullable String nodeType, @Nullable UUID nodeId);
}
