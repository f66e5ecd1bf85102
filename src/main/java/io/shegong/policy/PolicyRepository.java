package io.shegong.policy;

import io.shegong.core.db.Json;
import io.shegong.core.db.Session;
import io.shegong.core.db.Sql;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

@Singleton
public class PolicyRepository {
    private static final String COLUMNS = """
            id, revision, status, effective_from, based_on, document::text AS document, version, created_by,
            created_at, published_at""";
    private final Json json;

    public PolicyRepository(Json json) {
        this.json = json;
    }

    public List<PolicyProfile> byIds(Session s, Collection<UUID> ids) {
        return Sql.list(s, "SELECT " + COLUMNS + " FROM policy_profile WHERE id = ANY(?::uuid[])", this::map, ids);
    }

    public Optional<PolicyProfile> byId(Session s, UUID id) {
        return byIds(s, List.of(id)).stream().findFirst();
    }

    public List<PolicyProfile> all(Session s) {
        return Sql.list(s, "SELECT " + COLUMNS + " FROM policy_profile ORDER BY revision DESC", this::map);
    }

    /** The published revision in force on a date: the latest effective on or before it. */
    public Optional<PolicyProfile> inForce(Session s, LocalDate on) {
        return Sql.one(s, "SELECT " + COLUMNS + " FROM policy_profile WHERE status = 'PUBLISHED' AND effective_from <= ?"
                + " ORDER BY effective_from DESC, revision DESC LIMIT 1", this::map, on);
    }

    public Optional<PolicyProfile> draft(Session s) {
        return Sql.one(s, "SELECT " + COLUMNS + " FROM policy_profile WHERE status = 'DRAFT'", this::map);
    }

    public Optional<LocalDate> latestEffective(Session s) {
        return Sql.one(s, "SELECT max(effective_from) FROM policy_profile WHERE status = 'PUBLISHED'",
                rs -> Sql.date(rs, "max"));
    }

    public int nextRevision(Session s) {
        return Sql.one(s, "SELECT coalesce(max(revision), 0) + 1 FROM policy_profile", rs -> rs.getInt(1)).orElse(1);
    }

    public void insert(Session s, PolicyProfile p) {
        Sql.update(s, """
                INSERT INTO policy_profile (tenant_id, id, revision, status, effective_from, based_on, document, created_by)
                VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, ?)""",
                s.tenantId(), p.id(), p.revision(), p.status(), p.effectiveFrom(), p.basedOn(), json.write(p.document()),
                p.createdBy());
    }

    public boolean updateDraft(Session s, UUID id, Map<String, Object> document, int expectedVersion) {
        return Sql.update(s, """
                UPDATE policy_profile SET document = ?::jsonb, version = version + 1, updated_at = now()
                 WHERE id = ? AND version = ? AND status = 'DRAFT'""", json.write(document), id, expectedVersion) == 1;
    }

    public boolean publish(Session s, UUID id, LocalDate effectiveFrom, int expectedVersion) {
        return Sql.update(s, """
                UPDATE policy_profile SET status = 'PUBLISHED', effective_from = ?, published_at = now(),
                       version = version + 1, updated_at = now()
                 WHERE id = ? AND version = ? AND status = 'DRAFT'""", effectiveFrom, id, expectedVersion) == 1;
    }

    private PolicyProfile map(ResultSet rs) throws SQLException {
        return new PolicyProfile(Sql.uuid(rs, "id"), rs.getInt("revision"), rs.getString("status"),
                Sql.date(rs, "effective_from"), Sql.integer(rs, "based_on"), json.read(rs.getString("document")),
                rs.getInt("version"), rs.getString("created_by"), Sql.instant(rs, "created_at"),
                Sql.instant(rs, "published_at"));
    }
}
