package io.shegong.division;

import io.shegong.core.db.Like;
import io.shegong.core.db.Session;
import io.shegong.core.db.Sql;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@Singleton
public class DivisionRepository {
    private static final String COLUMNS =
            "id, code, level, name_zh, name_en, parent_id, community_count, zone, version";

    /** Filter fields, each optional. */
    public record Filter(String level, UUID parentId, Boolean roots, String text, String zone) {
    }

    private static final String WHERE = """
             WHERE (CAST(? AS text) IS NULL OR level = ?)
               AND (CAST(? AS uuid) IS NULL OR parent_id = ?)
               AND (CAST(? AS boolean) IS NULL OR (parent_id IS NULL) = ?)
               AND (CAST(? AS text) IS NULL OR name_zh ILIKE ? OR name_en ILIKE ? OR code ILIKE ?)
               AND (CAST(? AS text) IS NULL OR zone = ?)""";

    public List<Division> byIds(Session s, Collection<UUID> ids) {
        return Sql.list(s, "SELECT " + COLUMNS + " FROM division WHERE id = ANY(?::uuid[])", DivisionRepository::map, ids);
    }

    public Optional<Division> byId(Session s, UUID id) {
        return Sql.one(s, "SELECT " + COLUMNS + " FROM division WHERE id = ?", DivisionRepository::map, id);
    }

    public Optional<Division> byCode(Session s, String code) {
        return Sql.one(s, "SELECT " + COLUMNS + " FROM division WHERE code = ?", DivisionRepository::map, code);
    }

    public List<Division> childrenOf(Session s, Collection<UUID> parentIds) {
        return Sql.list(s, "SELECT " + COLUMNS + " FROM division WHERE parent_id = ANY(?::uuid[]) ORDER BY code",
                DivisionRepository::map, parentIds);
    }

    public List<Division> page(Session s, Filter f, String afterCode, int limit) {
        String like = Like.contains(f.text());
        return Sql.list(s, "SELECT " + COLUMNS + " FROM division " + WHERE
                        + " AND code > coalesce(?, '') ORDER BY code LIMIT ?", DivisionRepository::map,
                f.level(), f.level(), f.parentId(), f.parentId(), f.roots(), f.roots(), like, like, like, like,
                f.zone(), f.zone(), afterCode, limit + 1);
    }

    public int count(Session s, Filter f) {
        String like = Like.contains(f.text());
        return Sql.one(s, "SELECT count(*) FROM division " + WHERE, rs -> rs.getInt(1),
                f.level(), f.level(), f.parentId(), f.parentId(), f.roots(), f.roots(), like, like, like, like,
                f.zone(), f.zone()).orElse(0);
    }

    public void insert(Session s, Division d) {
        Sql.update(s, """
                INSERT INTO division (tenant_id, id, code, level, name_zh, name_en, parent_id, community_count, zone)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                s.tenantId(), d.id(), d.code(), d.level(), d.nameZh(), d.nameEn(), d.parentId(), d.communityCount(), d.zone());
    }

    /** False when the version is stale. */
    public boolean update(Session s, Division d, int expectedVersion) {
        return Sql.update(s, """
                UPDATE division SET name_zh = ?, name_en = ?, community_count = ?, zone = ?,
                       version = version + 1, updated_at = now()
                 WHERE id = ? AND version = ?""",
                d.nameZh(), d.nameEn(), d.communityCount(), d.zone(), d.id(), expectedVersion) == 1;
    }

    private static Division map(ResultSet rs) throws SQLException {
        return new Division(Sql.uuid(rs, "id"), rs.getString("code"), rs.getString("level"), rs.getString("name_zh"),
                rs.getString("name_en"), Sql.uuid(rs, "parent_id"), Sql.integer(rs, "community_count"),
                rs.getString("zone"), rs.getInt("version"));
    }
}
