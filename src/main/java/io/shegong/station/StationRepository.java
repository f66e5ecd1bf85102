package io.shegong.station;

import io.shegong.core.db.Like;
import io.shegong.core.db.Session;
import io.shegong.core.db.Sql;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@Singleton
public class StationRepository {
    private static final String COLUMNS = """
            id, code, name, kind_code, domain, parent_id, division_id, host_facility, operating_mode, status,
            status_since, address, latitude, longitude, rooms, rules, version, created_at, updated_at""";

    /** Filter fields, each optional. */
    public record Filter(UUID divisionId, String kind, String status, String operatingMode, UUID parentId, String text) {
    }

    // The division filter takes the whole subtree: a district's stations include its streets'.
    private static final String WHERE = """
             WHERE (CAST(? AS uuid) IS NULL OR division_id IN (
                       WITH RECURSIVE sub AS (
                           SELECT id FROM division WHERE id = ?
                           UNION ALL
                           SELECT d.id FROM division d JOIN sub ON d.parent_id = sub.id)
                       SELECT id FROM sub))
               AND (CAST(? AS text) IS NULL OR kind_code = ?)
               AND (CAST(? AS text) IS NULL OR status = ?)
               AND (CAST(? AS text) IS NULL OR operating_mode = ?)
               AND (CAST(? AS uuid) IS NULL OR parent_id = ?)
               AND (CAST(? AS text) IS NULL OR name ILIKE ? OR code ILIKE ? OR address ILIKE ?)""";

    public List<Station> byIds(Session s, Collection<UUID> ids) {
        return Sql.list(s, "SELECT " + COLUMNS + " FROM station WHERE id = ANY(?::uuid[])", StationRepository::map, ids);
    }

    /** Every station of the tenant that is signed, operating or suspended: the ones checked for compliance. */
    public List<Station> active(Session s) {
        return Sql.list(s, "SELECT " + COLUMNS + " FROM station WHERE status IN ('SIGNED', 'OPERATING', 'SUSPENDED')"
                + " ORDER BY code", StationRepository::map);
    }

    public Optional<Station> byId(Session s, UUID id) {
        return Sql.one(s, "SELECT " + COLUMNS + " FROM station WHERE id = ?", StationRepository::map, id);
    }

    public boolean codeTaken(Session s, String code) {
        return Sql.one(s, "SELECT 1 FROM station WHERE code = ?", rs -> true, code).isPresent();
    }

    public List<Station> childrenOf(Session s, Collection<UUID> parentIds) {
        return Sql.list(s, "SELECT " + COLUMNS + " FROM station WHERE parent_id = ANY(?::uuid[]) ORDER BY code",
                StationRepository::map, parentIds);
    }

    public List<Station> inDivisions(Session s, Collection<UUID> divisionIds) {
        return Sql.list(s, "SELECT " + COLUMNS + " FROM station WHERE division_id = ANY(?::uuid[]) ORDER BY code",
                StationRepository::map, divisionIds);
    }

    public List<Station> page(Session s, Filter f, String afterCode, int limit) {
        return Sql.list(s, "SELECT " + COLUMNS + " FROM station " + WHERE
                + " AND code > coalesce(?, '') ORDER BY code LIMIT ?", StationRepository::map,
                params(f, afterCode, limit + 1));
    }

    public int count(Session s, Filter f) {
        return Sql.one(s, "SELECT count(*) FROM station " + WHERE, rs -> rs.getInt(1), params(f)).orElse(0);
    }

    private static Object[] params(Filter f, Object... tail) {
        String like = Like.contains(f.text());
        Object[] head = {f.divisionId(), f.divisionId(), f.kind(), f.kind(), f.status(), f.status(),
                f.operatingMode(), f.operatingMode(), f.parentId(), f.parentId(), like, like, like, like};
        Object[] all = new Object[head.length + tail.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(tail, 0, all, head.length, tail.length);
        return all;
    }

    public void insert(Session s, Station st) {
        Sql.update(s, """
                INSERT INTO station (tenant_id, id, code, name, kind_code, domain, parent_id, division_id, host_facility,
                                     operating_mode, status, status_since, address, latitude, longitude, rooms, rules)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::text[], ?::text[])""",
                s.tenantId(), st.id(), st.code(), st.name(), st.kindCode(), st.domain(), st.parentId(), st.divisionId(),
                st.hostFacility(), st.operatingMode(), st.status(), st.statusSince(), st.address(), st.latitude(),
                st.longitude(), st.rooms(), st.rules());
    }

    /** Writes every mutable field; false when the version is stale. */
    public boolean update(Session s, Station st, int expectedVersion) {
        return Sql.update(s, """
                UPDATE station SET name = ?, domain = ?, parent_id = ?, division_id = ?, host_facility = ?,
                       operating_mode = ?, status = ?, status_since = ?, address = ?, latitude = ?, longitude = ?,
                       rooms = ?::text[], rules = ?::text[], version = version + 1, updated_at = now()
                 WHERE id = ? AND version = ?""",
                st.name(), st.domain(), st.parentId(), st.divisionId(), st.hostFacility(), st.operatingMode(),
                st.status(), st.statusSince(), st.address(), st.latitude(), st.longitude(), st.rooms(), st.rules(),
                st.id(), expectedVersion) == 1;
    }

    public List<StationKind> kinds(Session s) {
        return Sql.list(s, """
                SELECT code, label_zh, label_en, level, parent_kinds, requires_domain
                  FROM station_kind ORDER BY sort_order, code""",
                rs -> new StationKind(rs.getString("code"), rs.getString("label_zh"), rs.getString("label_en"),
                        rs.getString("level"), Sql.strings(rs, "parent_kinds"), rs.getBoolean("requires_domain")));
    }

    public void recordStatus(Session s, UUID stationId, String status, LocalDate on, String note, String by) {
        Sql.update(s, """
                INSERT INTO station_status_change (tenant_id, id, station_id, status, effective_on, note, recorded_by)
                VALUES (?, ?, ?, ?, ?, ?, ?)""", s.tenantId(), UUID.randomUUID(), stationId, status, on, note, by);
    }

    public List<StationStatusChange> history(Session s, Collection<UUID> stationIds) {
        return Sql.list(s, """
                SELECT station_id, status, effective_on, note, recorded_by, recorded_at FROM station_status_change
                 WHERE station_id = ANY(?::uuid[]) ORDER BY effective_on, recorded_at""",
                rs -> new StationStatusChange(Sql.uuid(rs, "station_id"), rs.getString("status"),
                        Sql.date(rs, "effective_on"), rs.getString("note"), rs.getString("recorded_by"),
                        Sql.instant(rs, "recorded_at")), stationIds);
    }

    /** Whether an operator (by token subject) has been granted this station. */
    public boolean operates(Session s, String subject, UUID stationId) {
        return Sql.one(s, "SELECT 1 FROM operator_station WHERE subject = ? AND station_id = ?",
                rs -> true, subject, stationId).isPresent();
    }

    public void grant(Session s, String subject, UUID stationId) {
        Sql.update(s, """
                INSERT INTO operator_station (tenant_id, subject, station_id) VALUES (?, ?, ?)
                ON CONFLICT DO NOTHING""", s.tenantId(), subject, stationId);
    }

    private static Station map(ResultSet rs) throws SQLException {
        return new Station(Sql.uuid(rs, "id"), rs.getString("code"), rs.getString("name"), rs.getString("kind_code"),
                rs.getString("domain"), Sql.uuid(rs, "parent_id"), Sql.uuid(rs, "division_id"),
                rs.getString("host_facility"), rs.getString("operating_mode"), rs.getString("status"),
                Sql.date(rs, "status_since"), rs.getString("address"), Sql.decimal(rs, "latitude"),
                Sql.decimal(rs, "longitude"), Sql.strings(rs, "rooms"), Sql.strings(rs, "rules"),
                rs.getInt("version"), Sql.instant(rs, "created_at"), Sql.instant(rs, "updated_at"));
    }
}
