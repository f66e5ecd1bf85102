package io.shegong.catalogue;

import io.shegong.core.db.Json;
import io.shegong.core.db.Session;
import io.shegong.core.db.Sql;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

@Singleton
public class ServicePlanRepository {
    private static final String COLUMNS = "id, station_id, year, projects::text AS projects, version, created_by, updated_at";
    private final Json json;

    public ServicePlanRepository(Json json) {
        this.json = json;
    }

    public List<ServicePlan> ofStations(Session s, Collection<UUID> stationIds) {
        return Sql.list(s, "SELECT " + COLUMNS + " FROM service_plan WHERE station_id = ANY(?::uuid[]) ORDER BY year DESC",
                this::map, stationIds);
    }

    public List<ServicePlan> byIds(Session s, Collection<UUID> ids) {
        return Sql.list(s, "SELECT " + COLUMNS + " FROM service_plan WHERE id = ANY(?::uuid[])", this::map, ids);
    }

    public Optional<ServicePlan> of(Session s, UUID stationId, int year) {
        return Sql.one(s, "SELECT " + COLUMNS + " FROM service_plan WHERE station_id = ? AND year = ?", this::map, stationId, year);
    }

    public void insert(Session s, ServicePlan p) {
        Sql.update(s, """
                INSERT INTO service_plan (tenant_id, id, station_id, year, projects, created_by)
                VALUES (?, ?, ?, ?, ?::jsonb, ?)""", s.tenantId(), p.id(), p.stationId(), p.year(), json.write(plain(p.projects())), p.createdBy());
    }

    public boolean update(Session s, UUID id, List<ServicePlan.Project> projects, int expectedVersion) {
        return Sql.update(s, """
                UPDATE service_plan SET projects = ?::jsonb, version = version + 1, updated_at = now()
                 WHERE id = ? AND version = ?""", json.write(plain(projects)), id, expectedVersion) == 1;
    }

    /** Projects as plain maps for the jsonb column, leaving out empty fields. */
    private static List<Map<String, Object>> plain(List<ServicePlan.Project> projects) {
        return projects.stream().map(p -> {
            Map<String, Object> m = new java.util.LinkedHashMap<>();
            m.put("name", p.name());
            m.put("slot", p.slot());
            if (p.item() != null) {
                m.put("item", p.item());
            }
            if (p.description() != null) {
                m.put("description", p.description());
            }
            return m;
        }).toList();
    }

    @SuppressWarnings("unchecked")
    private ServicePlan map(ResultSet rs) throws SQLException {
        Map<String, Object> wrapper = json.read("{\"p\":" + rs.getString("projects") + "}");
        List<ServicePlan.Project> projects = ((List<Map<String, Object>>) wrapper.get("p")).stream()
                .map(p -> new ServicePlan.Project((String) p.get("name"), (String) p.get("slot"), (String) p.get("item"),
                        (String) p.get("description"))).toList();
        return new ServicePlan(Sql.uuid(rs, "id"), Sql.uuid(rs, "station_id"), rs.getInt("year"), projects,
                rs.getInt("version"), rs.getString("created_by"), Sql.instant(rs, "updated_at"));
    }
}
