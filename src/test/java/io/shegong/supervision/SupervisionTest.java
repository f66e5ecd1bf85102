package io.shegong.supervision;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.shegong.support.Fixtures;
import io.shegong.support.GraphQLTestBase;
import io.shegong.support.Result;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.shegong.support.Fixtures.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Recording supervision visits and reading them back from their station. */
@MicronautTest
class SupervisionTest extends GraphQLTestBase {

    private static String record(Client client, String station, String visitedOn, String findings) {
        return client.run("recordSupervisionVisit", "input", Map.of("stationId", station, "visitedOn", visitedOn,
                "supervisor", "李督导", "findings", findings)).assertOk().string("recordSupervisionVisit.visit.id");
    }

    @Test
    void station_listsItsVisitsLatestFirst_withWhoRecordedThem() {
        Client admin = as("yangpu", "TENANT_ADMIN");
        String station = Fixtures.stationId(admin, "yangpu_centre");
        String findings = unique("findings");
        String earlier = record(as("yangpu", "SUPERVISOR"), station, "2025-03-01", findings);
        String later = record(admin, station, "2025-04-01", findings);

        Result r = as("yangpu", "VIEWER").run("stationSupervisionVisits", "id", station).assertOk();
        List<Map<String, Object>> mine = r.<List<Map<String, Object>>>get("node.supervisionVisits").stream()
                .filter(v -> findings.equals(v.get("findings"))).toList();
        assertEquals(List.of(later, earlier), mine.stream().map(v -> v.get("id")).toList(), r.raw());
        assertEquals(List.of("yangpu:admin", "yangpu:supervisor"), mine.stream().map(v -> v.get("recordedBy")).toList());
        assertTrue(mine.stream().allMatch(v -> station.equals(((Map<?, ?>) v.get("station")).get("id"))), r.raw());
        assertNotNull(mine.getFirst().get("recordedAt"));
        assertEquals(findings, as("yangpu", "VIEWER").run("node", "id", earlier).assertOk().string("node.findings"));
    }

    @Test
    void recordSupervisionVisit_byAnOperator_isForbidden_andAnUnknownStationIsBadInput() {
        Client admin = as("yangpu", "TENANT_ADMIN");
        String station = Fixtures.stationId(admin, "yangpu_centre");
        as("yangpu", "STATION_OPERATOR").run("recordSupervisionVisit", "input", Map.of("stationId", station,
                "visitedOn", "2025-03-01", "supervisor", "x", "findings", "x")).assertError("FORBIDDEN", null);
        String wuhanStation = Fixtures.stationId(as("wuhan", "VIEWER"), "dazhi");
        admin.run("recordSupervisionVisit", "input", Map.of("stationId", wuhanStation, "visitedOn", "2025-03-01",
                "supervisor", "x", "findings", "x")).assertError("BAD_USER_INPUT", "input.stationId");
    }
}
