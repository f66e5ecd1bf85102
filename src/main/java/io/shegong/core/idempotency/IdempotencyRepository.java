package io.shegong.core.idempotency;

import io.shegong.core.db.Session;
import io.shegong.core.db.Sql;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** The tenant's idempotency keys and the results they stand for. */
@Singleton
public class IdempotencyRepository {

    /** A key as first used: for which operation and input, and what it created. */
    public record Stored(String operation, String inputHash, String payloadField, String nodeType, UUID nodeId) {
    }

    /**
     * Takes the key for this use, or finds that it is taken. A concurrent first use of the same
     * key holds the row until its transaction ends; this statement waits for it, so that of
     * parallel identical requests exactly one proceeds. A key older than its lifetime is taken
     * over.
     */
    public boolean claim(Session s, String key, String operation, String inputHash, Instant now, Duration lifetime) {
        return Sql.update(s, """
                INSERT INTO idempotency_key (tenant_id, key, operation, input_hash, created_at)
                VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (tenant_id, key) DO UPDATE
                   SET operation = EXCLUDED.operation, input_hash = EXCLUDED.input_hash,
                       created_at = EXCLUDED.created_at, payload_field = NULL, node_type = NULL, node_id = NULL
                 WHERE idempotency_key.created_at < ?""",
                s.tenantId(), key, operation, inputHash, now, now.minus(lifetime)) == 1;
    }

    public Optional<Stored> find(Session s, String key) {
        return Sql.one(s, """
                SELECT operation, input_hash, payload_field, node_type, node_id
                  FROM idempotency_key WHERE key = ?""",
                rs -> new Stored(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        Sql.uuid(rs, "node_id")), key);
    }

    public void complete(Session s, String key, String payloadField, String nodeType, UUID nodeId) {
        Sql.update(s, "UPDATE idempotency_key SET payload_field = ?, node_type = ?, node_id = ? WHERE key = ?",
                payloadField, nodeType, nodeId, key);
    }
}
