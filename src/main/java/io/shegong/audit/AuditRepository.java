package io.shegong.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.DataType;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The audit tables: the tenant's own entries, and the platform's for changes to tenants. The
 * service role may insert and read them, never change them.
 */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface AuditRepository extends GenericRepository<AuditEntry, UUID> {

    /** Which entries to list; null fields do not filter. `from` is inclusive, `until` exclusive. */
    record Filter(String entity, UUID entityId, String actor, String outcome, Instant from, Instant until) {
    }

    String FILTER = """
             WHERE (CAST(:entity AS text) IS NULL OR entity = :entity)
               AND (CAST(:entityId AS uuid) IS NULL OR entity_id = CAST(:entityId AS uuid))
               AND (CAST(:actor AS text) IS NULL OR actor = :actor)
               AND (CAST(:outcome AS text) IS NULL OR outcome = :outcome)
               AND (CAST(:from AS timestamptz) IS NULL OR at >= CAST(:from AS timestamptz))
               AND (CAST(:until AS timestamptz) IS NULL OR at < CAST(:until AS timestamptz))
            """;

    /** Files an entry under the bound tenant. */
    AuditEntry save(AuditEntry entry);

    /** Files an entry made with no tenant bound: a platform administrator's change to tenants. */
    @Query("""
            INSERT INTO platform_audit_entry (id, actor, action, outcome, error_code, entity, entity_id, before, after,
                                              request_id)
            VALUES (:id, :actor, :action, :outcome, :errorCode, :entity, :entityId, CAST(:before AS jsonb),
                    CAST(:after AS jsonb), :requestId)""")
    void saveOnPlatform(AuditEntry entry);

    /** Newest first; the page after an entry starts below its (at, id). */
    @Query("SELECT * FROM audit_entry" + FILTER + """
               AND (CAST(:afterId AS uuid) IS NULL OR (at, id) < (CAST(:afterAt AS timestamptz), CAST(:afterId AS uuid)))
             ORDER BY at DESC, id DESC LIMIT :limit""")
    List<AuditEntry> page(@Nullable String entity, @Nullable UUID entityId, @Nullable String actor,
                          @Nullable String outcome, @Nullable Instant from, @Nullable Instant until,
                          @Nullable Instant afterAt, @Nullable UUID afterId, int limit);

    @Query("SELECT count(*) FROM audit_entry" + FILTER)
    int count(@Nullable String entity, @Nullable UUID entityId, @Nullable String actor, @Nullable String outcome,
              @Nullable Instant from, @Nullable Instant until);

    @Query("SELECT * FROM audit_entry WHERE id = ANY(CAST(:ids AS uuid[]))")
    List<AuditEntry> byIds(@TypeDef(type = DataType.STRING_ARRAY) String[] ids);
}
