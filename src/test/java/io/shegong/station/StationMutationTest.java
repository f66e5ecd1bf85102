package io.shegong.station;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.shegong.support.Fixtures;
import io.shegong.support.GraphQLTestBase;
import io.shegong.support.Result;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static io.shegong.support.Fixtures.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
class StationMutationTest extends GraphQLTestBase {

    private Map<String, Object> specialisedInput(Consumer<Map<String, Object>> change) {
        Client admin = as("qingpu", "TENANT_ADMIN");
        Map<String, Object> in = new HashMap<>(Map.of(
                "code", unique("youth"),
                "name", "徐泾镇青少年社工站",
                "kind", "specialised",
                "domain", "youth",
                "parentId", Fixtures.stationId(admin, "xujing"),
                "divisionId", Fixtures.divisionId(admin, "xujing"),
                "operatingMode", "SELF_RUN",
                "rooms", List.of("case_room", "group_room")));
        change.accept(in);
        return in;
    }

    @Test
    void createStation_storesItWithItsParentKindAndFirstStatus() {
        Map<String, Object> in = specialisedInput(m -> {
        });
        Result r = as("qingpu", "TENANT_ADMIN").run("createStation", "input", in).assertOk();
        assertEquals(in.get("code"), r.string("createStation.station.code"));
        assertEquals("specialised", r.string("createStation.station.kind.code"));
        assertEquals(in.get("parentId"), r.string("createStation.station.parent.id"));
        assertEquals("PLANNED", r.string("createStation.station.status"));
        assertEquals(1, r.integer("createStation.station.version"));
        assertEquals(List.of("case_room", "group_room"), r.get("createStation.station.rooms"));
        assertEquals("PLANNED", r.string("createStation.station.statusHistory.0.status"));
    }

    @Test
    void createStation_sameCodeInAnotherTenantIsAllowed_sameTenantIsConflict() {
        String code = unique("dup");
        Client qingpu = as("qingpu", "TENANT_ADMIN");
        qingpu.run("createStation", "input", specialisedInput(m -> m.put("code", code))).assertOk();
        qingpu.run("createStation", "input", specialisedInput(m -> m.put("code", code)))
                .assertError("CONFLICT", "input.code");
        Client wuhan = as("wuhan", "TENANT_ADMIN");
        wuhan.run("createStation", "input", Map.of("code", code, "name", "测试街道社工站", "kind", "street_station",
                "divisionId", Fixtures.divisionId(wuhan, "dazhi"), "operatingMode", "PURCHASED")).assertOk();
    }

    @Test
    void createStation_badInputNamesTheFieldAndWritesNothing() {
        Client admin = as("qingpu", "TENANT_ADMIN");
        String foreignStation = Fixtures.stationId(as("wuhan", "VIEWER"), "dazhi");
        String specialised = Fixtures.stationId(admin, "xujing_migrant");
        Map<String, Consumer<Map<String, Object>>> cases = new HashMap<>();
        cases.put("input.name", m -> m.put("name", "   "));
        cases.put("input.name ", m -> m.put("name", "站".repeat(201)));
        cases.put("input.code", m -> m.put("code", "Bad Code!"));
        cases.put("input.kind", m -> m.put("kind", "no_such_kind"));
        cases.put("input.domain", m -> m.remove("domain"));
        cases.put("input.parentId", m -> m.put("parentId", "not-an-id"));
        cases.put("input.parentId ", m -> m.put("parentId", foreignStation));
        cases.put("input.parentId  ", m -> m.put("parentId", specialised));
        cases.put("input.divisionId", m -> m.put("divisionId", foreignStation));
        cases.put("input.statusSince", m -> m.put("statusSince", TODAY.plusDays(3).toString()));
        cases.put("input.status", m -> m.put("status", "CLOSED"));
        cases.put("input.latitude", m -> m.put("latitude", 123.0));
        cases.put("input.rooms", m -> m.put("rooms", List.of("Case Room")));
        int before = Fixtures.stationCount(admin);
        cases.forEach((field, change) -> admin.run("createStation", "input", specialisedInput(change))
                .assertError("BAD_USER_INPUT", field.strip()));
        assertEquals(before, Fixtures.stationCount(admin));
    }

    @Test
    void createStation_unknownEnumValueIsBadUserInput() {
        Result r = as("qingpu", "TENANT_ADMIN").run("createStation", "input",
                specialisedInput(m -> m.put("operatingMode", "OUTSOURCED")));
        r.assertError("BAD_USER_INPUT", null);
        assertTrue(r.errorMessage().contains("operatingMode") || r.errorMessage().contains("OperatingMode"), r.raw());
    }

    @Test
    void foreignParentId_getsTheSameAnswerAsAMissingOne() {
        Client admin = as("qingpu", "TENANT_ADMIN");
        String foreign = Fixtures.stationId(as("wuhan", "VIEWER"), "dazhi");
        String missing = io.shegong.core.graphql.GlobalId.encode("Station", java.util.UUID.randomUUID());
        Fixtures.assertSameError(
                admin.run("createStation", "input", specialisedInput(m -> m.put("parentId", foreign))),
                admin.run("createStation", "input", specialisedInput(m -> m.put("parentId", missing))));
    }

    @Test
    void updateStation_staleVersionIsConflictAndKeepsTheFirstChange() {
        Client admin = as("qingpu", "TENANT_ADMIN");
        Result created = admin.run("createStation", "input", specialisedInput(m -> {
        })).assertOk();
        String id = created.string("createStation.station.id");
        admin.run("updateStation", "input", Map.of("id", id, "version", 1, "address", "青浦区徐泾镇示例路1号")).assertOk();
        admin.run("updateStation", "input", Map.of("id", id, "version", 1, "address", "覆盖"))
                .assertError("CONFLICT", "input.version");
        Result now = admin.run("node", "id", id).assertOk();
        assertEquals("徐泾镇青少年社工站", now.string("node.name"));
        Result again = admin.run("updateStation", "input", Map.of("id", id, "version", 2, "name", "徐泾镇青少年社会工作站")).assertOk();
        assertEquals(3, again.integer("updateStation.station.version"));
        assertEquals("青浦区徐泾镇示例路1号", again.string("updateStation.station.address"));
    }

    @Test
    void changeStationStatus_followsTheLifeCycleWithDates() {
        Client admin = as("qingpu", "TENANT_ADMIN");
        Result created = admin.run("createStation", "input", specialisedInput(m -> m.put("statusSince", "2026-01-10"))).assertOk();
        String id = created.string("createStation.station.id");
        admin.run("changeStationStatus", "input", Map.of("id", id, "version", 1, "status", "OPERATING", "effectiveOn", "2026-02-01"))
                .assertError("BAD_USER_INPUT", "input.status");
        admin.run("changeStationStatus", "input", Map.of("id", id, "version", 1, "status", "SITE_SELECTED", "effectiveOn", "2026-01-01"))
                .assertError("BAD_USER_INPUT", "input.effectiveOn");
        Result r = admin.run("changeStationStatus", "input",
                Map.of("id", id, "version", 1, "status", "SITE_SELECTED", "effectiveOn", "2026-02-01", "note", "选址完成")).assertOk();
        assertEquals("SITE_SELECTED", r.string("changeStationStatus.station.status"));
        assertEquals("2026-02-01", r.string("changeStationStatus.station.statusSince"));
        List<?> history = r.get("changeStationStatus.station.statusHistory");
        assertEquals(2, history.size());
        assertEquals("qingpu:admin", r.string("changeStationStatus.station.statusHistory.1.recordedBy"));
    }

    @Test
    void closeStation_endsItsCurrentPosts() {
        Client admin = as("qingpu", "TENANT_ADMIN");
        String id = admin.run("createStation", "input", specialisedInput(m -> m.put("statusSince", "2026-01-10")))
                .assertOk().string("createStation.station.id");
        String worker = admin.run("registerWorker", "input", Map.of("name", "测试社工", "educationLevel", "BACHELOR"))
                .assertOk().string("registerWorker.worker.id");
        admin.run("assignWorker", "input", Map.of("workerId", worker, "stationId", id, "role", "HEAD", "startsOn", "2026-01-15")).assertOk();
        Result closed = admin.run("closeStation", "input", Map.of("id", id, "version", 1, "closedOn", "2026-03-01")).assertOk();
        assertEquals("CLOSED", closed.string("closeStation.station.status"));
        assertEquals(List.of(), closed.get("closeStation.station.assignments"));
        assertEquals("2026-03-01", closed.string("closeStation.station.allPosts.0.endsOn"));
        admin.run("assignWorker", "input", Map.of("workerId", worker, "stationId", id, "role", "HEAD", "startsOn", "2026-04-01"))
                .assertError("BAD_USER_INPUT", "input.stationId");
    }

    @Test
    void stations_filterByDivisionSubtreeKindStatusAndText() {
        Client viewer = as("wuhan", "VIEWER");
        String jiangan = Fixtures.divisionId(viewer, "jiangan");
        Result inDistrict = viewer.run("stationPage", "first", 100, "filter", Map.of("divisionId", jiangan)).assertOk();
        assertTrue(inDistrict.integer("stations.totalCount") >= 3, inDistrict.raw());
        Result kind = viewer.run("stationPage", "first", 100, "filter", Map.of("kind", "community_room")).assertOk();
        List<Map<String, Object>> edges = kind.get("stations.edges");
        assertTrue(!edges.isEmpty() && edges.stream().allMatch(e -> "community_room".equals(
                ((Map<?, ?>) Fixtures.node(e).get("kind")).get("code"))));
        Result text = viewer.run("stationPage", "first", 100, "filter", Map.of("text", "大智")).assertOk();
        assertTrue(text.integer("stations.totalCount") >= 1);
        // LIKE wildcards in the text are matched literally
        Result none = viewer.run("stationPage", "first", 100, "filter", Map.of("text", "%")).assertOk();
        assertEquals(0, none.integer("stations.totalCount"));
    }

    @Test
    void stations_pagesWithCursorsWithoutGapsOrRepeats() {
        Client viewer = as("weihai", "VIEWER");
        java.util.Set<String> seen = new java.util.HashSet<>();
        String after = null;
        int total = 0;
        do {
            Result page = viewer.run("stationPage", "first", 20, "after", after).assertOk();
            total = page.integer("stations.totalCount");
            List<Map<String, Object>> edges = page.get("stations.edges");
            edges.forEach(e -> assertTrue(seen.add((String) Fixtures.node(e).get("id"))));
            after = Boolean.TRUE.equals(page.get("stations.pageInfo.hasNextPage")) ? page.string("stations.pageInfo.endCursor") : null;
        } while (after != null);
        assertEquals(total, seen.size());
        assertTrue(total >= 72, "Weihai has a station in each of its 72 towns");
    }
}
