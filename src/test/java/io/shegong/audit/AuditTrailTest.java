package io.shegong.audit;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.shegong.support.Fixtures;
import io.shegong.support.GraphQLTestBase;
import io.shegong.support.Result;
import io.shegong.support.TestDatabase;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every mutation leaves exactly one audit entry: committed with what changed, or refused. */
@MicronautTest(transactional = false)
class AuditTrailTest extends GraphQLTestBase {

    private static int entries(String actor) throws SQLException {
        try (Connection c = TestDatabase.admin(); PreparedStatement ps = c.prepareStatement(
                "SELECT count(*) FROM audit_entry WHERE actor = ?")) {
            ps.setString(1, actor);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private String newStation(Client admin, String kind, String division) {
        String code = Fixtures.unique("audit").replace("_", "-");
        return admin.run("createStation", "input", Map.of("code", code, "name", "审计测试站", "kind", kind,
                "divisionId", Fixtures.divisionId(admin, division), "operatingMode", "SELF_RUN")).assertOk()
                .string("createStation.station.id");
    }

    @Test
    void everyCommittedMutation_hasExactlyOneEntry_withTheFieldsItChanged() throws Exception {
        String subject = "yangpu:" + Fixtures.unique("auditor");
        Client admin = withToken(token(subject, "yangpu", "TENANT_ADMIN"));
        int before = entries(subject);
        String station = newStation(admin, "guidance_centre", "yangpu");
        admin.run("updateStation", "input", Map.of("id", station, "version", 1, "name", "审计测试站（更名）")).assertOk();
        String worker = admin.run("registerWorker", "input", Map.of("name", "周审计", "educationLevel", "COLLEGE"))
                .assertOk().string("registerWorker.worker.id");
        admin.run("assignWorker", "input", Map.of("workerId", worker, "stationId", station, "role", "SOCIAL_WORKER",
                "startsOn", "2026-01-05")).assertOk();
        assertEquals(before + 4, entries(subject));

        Result trail = admin.run("auditTrail", "filter", Map.of("targetId", station)).assertOk();
        assertEquals(2, trail.integer("auditLog.totalCount"), trail.raw());
        assertEquals("updateStation", trail.string("auditLog.edges.0.node.action"));
        assertEquals(Map.of("name", "审计测试站"), trail.get("auditLog.edges.0.node.before"));
        assertEquals(Map.of("name", "审计测试站（更名）"), trail.get("auditLog.edges.0.node.after"));
        assertEquals("COMMITTED", trail.string("auditLog.edges.0.node.outcome"));
        assertEquals(subject, trail.string("auditLog.edges.0.node.actor"));
        assertTrue(trail.string("auditLog.edges.0.node.requestId").length() > 8);
        assertEquals("createStation", trail.string("auditLog.edges.1.node.action"));
        assertNull(trail.get("auditLog.edges.1.node.before"));
        assertEquals("审计测试站", ((Map<?, ?>) trail.get("auditLog.edges.1.node.after")).get("name"));
    }

    @Test
    void aFailedMutation_leavesNoEntry_andRefusedOnesLeaveOneEach() throws Exception {
        String subject = "yangpu:" + Fixtures.unique("clerk");
        Client admin = withToken(token(subject, "yangpu", "TENANT_ADMIN"));
        String station = newStation(admin, "guidance_centre", "yangpu");
        int before = entries(subject);
        admin.run("updateStation", "input", Map.of("id", station, "version", 1, "name", " ")).assertError("BAD_USER_INPUT", "input.name");
        assertEquals(before, entries(subject), "bad input writes nothing, not even an entry");

        admin.run("updateStation", "input", Map.of("id", station, "version", 7, "name", "过期版本")).assertError("CONFLICT", "input.version");
        String viewer = "yangpu:" + Fixtures.unique("viewer");
        withToken(token(viewer, "yangpu", "VIEWER")).run("updateStation", "input", Map.of("id", station, "version", 1, "name", "越权"))
                .assertError("FORBIDDEN", null);
        Result refused = admin.run("auditTrail", "filter", Map.of("targetId", station, "outcome", "REFUSED")).assertOk();
        assertEquals(2, refused.integer("auditLog.totalCount"), refused.raw());
        assertEquals(viewer, refused.string("auditLog.edges.0.node.actor"));
        assertEquals("FORBIDDEN", refused.string("auditLog.edges.0.node.errorCode"));
        assertEquals("CONFLICT", refused.string("auditLog.edges.1.node.errorCode"));
        assertNull(refused.get("auditLog.edges.1.node.after"));
        // nothing of the refused attempts reached the station
        Result now = admin.query("query($id: ID!) { node(id: $id) { ... on Station { name version } } }", Map.of("id", station)).assertOk();
        assertEquals(1, now.integer("node.version"));
        assertEquals("审计测试站", now.string("node.name"));
    }

    @Test
    void auditLog_filtersByActorAndByTheBureausDays() {
        String subject = "yangpu:" + Fixtures.unique("dated");
        Client admin = withToken(token(subject, "yangpu", "TENANT_ADMIN"));
        newStation(admin, "guidance_centre", "yangpu");
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        Result mine = admin.run("auditTrail", "filter", Map.of("actor", subject, "from", today.toString(), "to", today.toString())).assertOk();
        assertEquals(1, mine.integer("auditLog.totalCount"), mine.raw());
        Result yesterday = admin.run("auditTrail", "filter", Map.of("actor", subject, "to", today.minusDays(1).toString())).assertOk();
        assertEquals(0, yesterday.integer("auditLog.totalCount"));
        as("yangpu", "VIEWER").run("auditTrail", "filter", Map.of("actor", subject)).assertError("FORBIDDEN", null);
    }

    @Test
    void auditLog_withAnotherTenantsRecord_findsNothing() {
        Client wuhan = as("wuhan", "TENANT_ADMIN");
        String wuhanStation = newStation(wuhan, "district_centre", "jiangan");
        assertEquals(1, wuhan.run("auditTrail", "filter", Map.of("targetId", wuhanStation)).assertOk().integer("auditLog.totalCount"));
        assertEquals(0, as("yangpu", "TENANT_ADMIN").run("auditTrail", "filter", Map.of("targetId", wuhanStation))
                .assertOk().integer("auditLog.totalCount"));
    }

    @Test
    void tenantChanges_areAuditedOnThePlatform() throws Exception {
        String code = Fixtures.unique("t").replace("_", "-");
        String id = platformAdmin().run("createTenant", "input", Map.of("code", code, "nameZh", "审计市民政局",
                "nameEn", "Audit Bureau", "level", "CITY", "region", "测试省")).assertOk().string("createTenant.tenant.id");
        platformAdmin().run("deactivateTenant", "input", Map.of("id", id)).assertOk();
        try (Connection c = TestDatabase.admin(); PreparedStatement ps = c.prepareStatement("""
                SELECT action, after->>'active' FROM platform_audit_entry
                 WHERE entity = 'Tenant' AND (after->>'code' = ? OR entity_id IN (SELECT id FROM tenant WHERE code = ?))
                 ORDER BY at""")) {
            ps.setString(1, code);
            ps.setString(2, code);
            try (ResultSet rs = ps.executeQuery()) {
                List<String> actions = new java.util.ArrayList<>();
                while (rs.next()) {
                    actions.add(rs.getString(1) + ":" + rs.getString(2));
                }
                assertEquals(List.of("createTenant:true", "deactivateTenant:false"), actions);
            }
        }
    }
}
