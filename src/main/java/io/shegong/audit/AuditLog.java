package io.shegong.audit;

import io.shegong.core.db.Json;
import io.shegong.core.db.Sql;
import io.shegong.core.graphql.Connection;
import io.shegong.core.graphql.RequestContext;
import io.shegong.core.security.Role;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Who changed what and when, written in the same transaction as the change so that a change
 * without its audit entry cannot be committed. The service role may insert and read entries,
 * never update or delete them.
 */
@Singleton
public class AuditLog {
    private final Json json;

    public AuditLog(Json json) {
        this.json = json;
    }

    public void record(RequestContext ctx, String action, String entity, UUID entityId, Object before, Object after) {
        Sql.update(ctx.session(), """
                INSERT INTO audit_entry (tenant_id, id, actor, action, entity, entity_id, before, after)
                VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb)""",
                ctx.session().tenantId(), UUID.randomUUID(), ctx.caller().subject(), action, entity, entityId,
                json.write(before), json.write(after));
    }

    public Connection<AuditEntry> page(RequestContext ctx, String entity, Connection.Window w) {
        ctx.caller().requireTenantAdmin();
        List<AuditEntry> rows = Sql.list(ctx.session(), """
                SELECT id, at, actor, action, entity, entity_id, before::text AS before, after::text AS after
                  FROM audit_entry
                 WHERE (CAST(? AS text) IS NULL OR entity = ?)
                   AND (CAST(? AS uuid) IS NULL OR (at, id) < (CAST(? AS timestamptz), CAST(? AS uuid)))
                 ORDER BY at DESC, id DESC LIMIT ?""", this::map, entity, entity,
                w.afterId(), w.afterKey(), w.afterId(), w.limit() + 1);
        return Connection.of(rows, w, e -> e.at().toString(), AuditEntry::id, () -> Sql.one(ctx.session(),
                "SELECT count(*) FROM audit_entry WHERE (CAST(? AS text) IS NULL OR entity = ?)",
                rs -> rs.getInt(1), entity, entity).orElse(0));
    }

    /** Entries by id; only a TENANT_ADMIN sees any. */
    public List<AuditEntry> byIds(RequestContext ctx, Collection<UUID> ids) {
        if (!ctx.caller().has(Role.TENANT_ADMIN)) {
            return List.of();
        }
        return Sql.list(ctx.session(), """
                SELECT id, at, actor, action, entity, entity_id, before::text AS before, after::text AS after
                  FROM audit_entry WHERE id = ANY(?::uuid[])""", this::map, ids);
    }

    private AuditEntry map(ResultSet rs) throws SQLException {
        return new AuditEntry(Sql.uuid(rs, "id"), Sql.instant(rs, "at"), rs.getString("actor"), rs.getString("action"),
                rs.getString("entity"), Sql.uuid(rs, "entity_id"), json.read(rs.getString("before")),
                json.read(rs.getString("after")));
    }
}
