package io.shegong.tenant;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.shegong.support.Fixtures;
import io.shegong.support.GraphQLTestBase;
import io.shegong.support.Result;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.shegong.support.Fixtures.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What each role may and may not do. */
@MicronautTest(transactional = false)
class TenantAndRoleTest extends GraphQLTestBase {

    @Test
    void platformAdmin_createsListsAndDeactivatesTenants_andTheirTokensThenGetForbidden() {
        String code = unique("t").replace("_", "-");
        Result created = platformAdmin().run("createTenant", "input", Map.of("code", code, "nameZh", "测试市民政局",
                "nameEn", "Test Bureau", "level", "CITY", "region", "测试省测试市")).assertOk();
        String id = created.string("createTenant.tenant.id");
        Result list = platformAdmin().run("tenants").assertOk();
        List<Map<String, Object>> edges = list.get("tenants.edges");
        assertTrue(edges.stream().anyMatch(e -> code.equals(Fixtures.node(e).get("code"))));
        as(code, "VIEWER").run("stationPage", "first", 5).assertOk();

        platformAdmin().run("deactivateTenant", "input", Map.of("id", id)).assertOk();
        as(code, "VIEWER").run("stationPage", "first", 5).assertError("FORBIDDEN", null);
        // A query whose first field is nullable still gets one FORBIDDEN for the whole request.
        Result refused = as(code, "VIEWER").query("{ policyProfile { id } stations(first: 1) { totalCount } }", Map.of());
        refused.assertError("FORBIDDEN", null);
        assertEquals(1, refused.errors().size(), refused.raw());
        assertEquals(null, refused.body().get("data"), refused.raw());
        platformAdmin().run("reactivateTenant", "input", Map.of("id", id)).assertOk();
        assertEquals(0, as(code, "VIEWER").run("stationPage", "first", 5).assertOk().integer("stations.totalCount"));
    }

    @Test
    void createTenant_badCodeOrDuplicate_isRefused() {
        platformAdmin().run("createTenant", "input", Map.of("code", "Bad Code", "nameZh", "x", "nameEn", "x",
                "level", "CITY", "region", "x")).assertError("BAD_USER_INPUT", "input.code");
        platformAdmin().run("createTenant", "input", Map.of("code", "wuhan", "nameZh", "x", "nameEn", "x",
                "level", "CITY", "region", "x")).assertError("CONFLICT", "input.code");
    }

    @Test
    void platformAdmin_readsNothingInsideATenant() {
        platformAdmin().run("stationPage", "first", 5).assertError("FORBIDDEN", null);
        String station = Fixtures.stationId(as("wuhan", "VIEWER"), "dazhi");
        platformAdmin().run("node", "id", station).assertError("FORBIDDEN", null);
    }

    @Test
    void tenantRoles_cannotManageTenants() {
        as("wuhan", "TENANT_ADMIN").run("tenants").assertError("FORBIDDEN", null);
        as("wuhan", "TENANT_ADMIN").run("createTenant", "input", Map.of("code", "zz", "nameZh", "x", "nameEn", "x",
                "level", "CITY", "region", "x")).assertError("FORBIDDEN", null);
    }

    @Test
    void viewer_readsButCannotWrite() {
        Client viewer = as("wuhan", "VIEWER");
        String station = Fixtures.stationId(viewer, "dazhi");
        int version = ((Number) Fixtures.station(viewer, "dazhi").get("version")).intValue();
        viewer.run("updateStation", "input", Map.of("id", station, "version", version, "address", "x"))
                .assertError("FORBIDDEN", null);
        viewer.run("registerWorker", "input", Map.of("name", "某", "educationLevel", "COLLEGE"))
                .assertError("FORBIDDEN", null);
        viewer.run("recordSupervisionVisit", "input", Map.of("stationId", station, "visitedOn", "2026-11-01",
                "supervisor", "x", "findings", "x")).assertError("FORBIDDEN", null);
    }

    @Test
    void operator_editsItsOwnStationsOnly() {
        Client operator = as("wuhan", "STATION_OPERATOR");
        Map<String, Object> own = Fixtures.station(operator, "dazhi");
        Result ok = operator.run("updateStation", "input", Map.of("id", own.get("id"), "version", own.get("version"),
                "rooms", List.of("office", "case_room", "group_room", "multi_function_room", "signage"))).assertOk();
        assertEquals(5, ((List<?>) ok.get("updateStation.station.rooms")).size());
        Map<String, Object> other = Fixtures.station(operator, "yiyuan");
        operator.run("updateStation", "input", Map.of("id", other.get("id"), "version", other.get("version"), "address", "x"))
                .assertError("FORBIDDEN", null);
        operator.run("createStation", "input", Map.of("code", unique("op"), "name", "x", "kind", "street_station",
                "divisionId", ((Map<?, ?>) own.get("division")).get("id"), "operatingMode", "PURCHASED"))
                .assertError("FORBIDDEN", null);
    }

    @Test
    void admin_grantsAStationToAnOperator() {
        Client admin = as("wuhan", "TENANT_ADMIN");
        Map<String, Object> station = Fixtures.station(admin, "yiyuan");
        String subject = unique("wuhan:op");
        Client operator = withToken(token(subject, "wuhan", "STATION_OPERATOR"));
        operator.run("updateStation", "input", Map.of("id", station.get("id"), "version", station.get("version"), "address", "x"))
                .assertError("FORBIDDEN", null);
        admin.run("grantStation", "input", Map.of("subject", subject, "stationId", station.get("id"))).assertOk();
        operator.run("updateStation", "input", Map.of("id", station.get("id"), "version", station.get("version"),
                "address", "江岸区一元街道示例路2号")).assertOk();
    }

    @Test
    void supervisor_recordsAVisit() {
        Client supervisor = as("shangcheng", "SUPERVISOR");
        String station = Fixtures.stationId(supervisor, "xiaoying");
        Result r = supervisor.run("recordSupervisionVisit", "input", Map.of("stationId", station, "visitedOn", "2026-11-02",
                "supervisor", "王督导", "findings", "个案档案齐全；小组工作记录需补充。")).assertOk();
        assertEquals("2026-11-02", r.string("recordSupervisionVisit.visit.visitedOn"));
        assertFalse(((List<?>) r.get("recordSupervisionVisit.visit.station.supervisionVisits")).isEmpty());
        supervisor.run("recordSupervisionVisit", "input", Map.of("stationId", station, "visitedOn", "2099-01-01",
                "supervisor", "王督导", "findings", "x")).assertError("BAD_USER_INPUT", "input.visitedOn");
    }
}
