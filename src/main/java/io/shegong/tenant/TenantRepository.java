package io.shegong.tenant;

import io.shegong.core.db.Session;
import io.shegong.core.db.Sql;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@Singleton
public class TenantRepository {
    private static final String COLUMNS = "id, code, name_zh, name_en, level, region, active, created_at";

    public Optional<Tenant> byId(Session s, UUID id) {
        return Sql.one(s, "SELECT " + COLUMNS + " FROM tenant WHERE id = ?", TenantRepository::map, id);
    }

    public Optional<Tenant> byCode(Session s, String code) {
        return Sql.one(s, "SELECT " + COLUMNS + " FROM tenant WHERE code = ?", TenantRepository::map, code);
    }

    public List<Tenant> page(Session s, String afterCode, int limit) {
        return Sql.list(s, "SELECT " + COLUMNS + " FROM tenant WHERE code > coalesce(?, '') ORDER BY code LIMIT ?",
                TenantRepository::map, afterCode, limit + 1);
    }

    public int count(Session s) {
        return Sql.one(s, "SELECT count(*) FROM tenant", rs -> rs.getInt(1)).orElse(0);
    }

    public void insert(Session s, UUID id, String code, String nameZh, String nameEn, String level, String region) {
        Sql.update(s, "INSERT INTO tenant (id, code, name_zh, name_en, level, region) VALUES (?, ?, ?, ?, ?, ?)",
                id, code, nameZh, nameEn, level, region);
    }

    public boolean setActive(Session s, UUID id, boolean active) {
        return Sql.update(s, "UPDATE tenant SET active = ?, version = version + 1, updated_at = now() WHERE id = ?",
                active, id) == 1;
    }

    private static Tenant map(ResultSet rs) throws SQLException {
        return new Tenant(Sql.uuid(rs, "id"), rs.getString("code"), rs.getString("name_zh"), rs.getString("name_en"),
                rs.getString("level"), rs.getString("region"), rs.getBoolean("active"), Sql.instant(rs, "created_at"));
    }
}
