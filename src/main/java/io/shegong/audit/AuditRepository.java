package io.shegong.audit;

import io.shegong.core.db.Json;
import io.shegong.core.db.Session;
import io.shegong.core.db.Sql;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** The audit tables: the tenant's own entries, and the platform's for changes to tenants. */
@Singleton
public class AuditRepository {
    private static final String COLUMNS = """
            id, at, actor, action, outcome, error_code, entity, entity_id, before::text AS before,
            after::text AS after, request_id""";
    private static final String FILTER = """
             WHERE (CAST(? AS text) IS NULL OR entity = ?)
               AND (CAST(? AS uuid) IS NULL OR entity_id = ?)
               AND (CAST(? AS text) IS NULL OR actor = ?)
               AND (CAST(? AS text) IS NULL OR outcome = ?)
               AND (CAST(? AS timestamptz) IS NULL OR at >= ?)
               AND (CAST(? AS timestamptz) IS NULL OR at < ?)""";

    private final Json json;

    public AuditRepository(Json json) {
        this.json = json;
    }

    /** Which entries to list; null fields do not filter. */
    public record Filter(String entity, UUID entityId, String actor, String outcome, Instant from, Instant until) {
        Object[] params() {
            Timestamp f = from == null ? null : Timestamp.from(from);
            Timestamp u = until == null ? null : Timestamp.from(until);
            return new Object[]{entity, entity, entityId, entityId, actor, actor, outcome, outcome, f, f, u, u};
        }
    }

    public void insert(Session s, AuditEntry e) {
        if (s.isPlatform()) {
            Sql.update(s, """
                    INSERT INTO platform_audit_entry (id, actor, action, outcome, error_code, entity, entity_id,
                                                      before, after, request_id)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?)""",
                    e.id(), e.actor(), e.action(), e.outcome(), e.errorCode(), e.entity(), e.entityId(),
                    json.write(e.before()), json.write(e.after()), e.requestId());
            return;
        }
        Sql.update(s, """
                INSERT INTO audit_entry (tenant_id, id, actor, action, outcome, error_code, entity, entity_id,
                                         before, after, request_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?)""",
                s.tenantId(), e.id(), e.actor(), e.action(), e.outcome(), e.errorCode(), e.entity(), e.entityId(),
                json.write(e.before()), json.write(e.after()), e.requestId());
    }

    public List<AuditEntry> page(Session s, Filter f, Instant afterAt, UUID afterId, int limit) {
        Object[] filter = f.params();
        Object[] params = new Object[filter.length + 4];
        System.arraycopy(filter, 0, params, 0, filter.length);
        Timestamp at = afterAt == null ? null : Timestamp.from(afterAt);
        params[filter.length] = afterId;
        params[filter.length + 1] = at;
        params[filter.length + 2] = afterId;
        params[filter.length + 3] = limit;
        return Sql.list(s, "SELECT " + COLUMNS + " FROM audit_entry\n" + FILTER + """

                   AND (CAST(? AS uuid) IS NULL OR (at, id) < (CAST(? AS timestamptz), CAST(? AS uuid)))
                 ORDER BY at DESC, id DESC LIMIT ?""", this::map, params);
    }

    public int count(Session s, Filter f) {
        return Sql.one(s, "SELECT count(*) FROM audit_entry\n" + FILTER, rs -> rs.getInt(1), f.params()).orElse(0);
    }

    public List<AuditEntry> byIds(Session s, Collection<UUID> ids) {
        return Sql.list(s, "SELECT " + COLUMNS + " FROM audit_entry WHERE id = ANY(?::uuid[])", this::map, ids);
    }

    private AuditEntry map(ResultSet rs) throws SQLException {
        return new AuditEntry(Sql.uuid(rs, "id"), Sql.instant(rs, "at"), rs.getString("actor"), rs.getString("action"),
                rs.getString("outcome"), rs.getString("error_code"), rs.getString("entity"), Sql.uuid(rs, "entity_id"),
                json.read(rs.getString("before")), json.read(rs.getString("after")), rs.getString("request_id"));
    }
}
