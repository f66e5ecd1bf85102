package io.shegong.supervision;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.shegong.support.Fixtures;
import io.shegong.support.GraphQLTestBase;
import io.shegong.support.Result;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Supervision as a loop: a finding with a deadline is a rectification the station owes; once
 * overdue it is an ADVISORY finding of the station's compliance, until the station reports it
 * done; a re-inspection closes it or reopens it. Today is 2026-11-25.
 */
@MicronautTest(transactional = false)
@SuppressWarnings("unchecked")
class SupervisionLoopTest extends GraphQLTestBase {

    private static boolean owes(Client c, String station, String on) {
        List<Map<String, Object>> all = c.run("stationStanding", "id", station, "on", on).assertOk().get("node.compliance.findings");
        return all.stream().anyMatch(f -> "supervision_rectification".equals(f.get("rule")) && "ADVISORY".equals(f.get("severity")));
    }

    @Test
    void rectification_overdueUntilReported_reopenedByReinspection_closedByIt() {
        Client supervisor = as("shangcheng", "SUPERVISOR");
        Client operator = as("shangcheng", "STATION_OPERATOR");
        String station = Fixtures.stationId(supervisor, "xiaoying");
        String visit = supervisor.run("recordSupervisionVisit", "input", Map.of("stationId", station, "visitedOn", "2026-11-01",
                "kind", "MONITORING_EVALUATION", "supervisor", "王督导", "findings", "台账不全")).assertOk()
                .string("recordSupervisionVisit.visit.id");
        supervisor.run("addSupervisionFinding", "input", Map.of("visitId", visit, "description", "个案台账缺失",
                "rectifyBy", "2026-10-31")).assertError("BAD_USER_INPUT", "input.rectifyBy");
        Result added = supervisor.run("addSupervisionFinding", "input", Map.of("visitId", visit, "description", "个案台账缺失",
                "rectifyBy", "2026-11-20")).assertOk();
        String finding = added.string("addSupervisionFinding.finding.id");
        assertEquals("OPEN", added.string("addSupervisionFinding.finding.status"));
        assertEquals("MONITORING_EVALUATION", added.string("addSupervisionFinding.finding.visit.kind"));
        assertTrue(owes(supervisor, station, "2026-11-25"), "overdue since the 20th");
        assertTrue(!owes(supervisor, station, "2026-11-20"), "due that day, not yet overdue");

        as("shangcheng", "VIEWER").run("reportRectification", "input", Map.of("id", finding, "version", 1, "report", "已补齐"))
                .assertError("FORBIDDEN", null);
        operator.run("reportRectification", "input", Map.of("id", finding, "version", 1, "report", "已补齐个案台账")).assertOk();
        assertTrue(!owes(supervisor, station, "2026-11-25"), "reported today");
        assertTrue(owes(supervisor, station, "2026-11-22"), "the past as it stood: still owed on the 22nd");

        supervisor.run("reinspectRectification", "input", Map.of("id", finding, "version", 2, "closed", false, "on", "2026-11-25"))
                .assertError("BAD_USER_INPUT", "input.note");
        Result reopened = supervisor.run("reinspectRectification", "input", Map.of("id", finding, "version", 2, "closed", false,
                "on", "2026-11-25", "note", "台账仍缺服务对象签字")).assertOk();
        assertEquals("OPEN", reopened.string("reinspectRectification.finding.status"));
        assertTrue(owes(supervisor, station, "2026-11-25"), "reopened: owed again");
        operator.run("reportRectification", "input", Map.of("id", finding, "version", 3, "report", "签字已补")).assertOk();
        Result closed = supervisor.run("reinspectRectification", "input", Map.of("id", finding, "version", 4, "closed", true,
                "on", "2026-11-25")).assertOk();
        assertEquals("CLOSED", closed.string("reinspectRectification.finding.status"));
        assertTrue(!owes(supervisor, station, "2026-11-25"));
    }

    @Test
    void findingsAndCounts_byRoleAndKind() {
        Client supervisor = as("yangpu", "SUPERVISOR");
        String station = Fixtures.stationId(supervisor, Fixtures.node(((List<Map<String, Object>>) supervisor
                .run("stationPage", "first", 1).assertOk().get("stations.edges")).getFirst()).get("code").toString());
        Map<String, Integer> before = counts(supervisor);
        String visit = supervisor.run("recordSupervisionVisit", "input", Map.of("stationId", station, "visitedOn", "2026-06-01",
                "kind", "CONSULTATION", "supervisor", "李督导", "findings", "咨询")).assertOk().string("recordSupervisionVisit.visit.id");
        supervisor.run("recordSupervisionVisit", "input", Map.of("stationId", station, "visitedOn", "2026-06-02",
                "supervisor", "李督导", "findings", "实地")).assertOk();
        Map<String, Integer> after = counts(supervisor);
        assertEquals(before.getOrDefault("CONSULTATION", 0) + 1, after.get("CONSULTATION"));
        assertEquals(before.getOrDefault("ON_SITE", 0) + 1, after.get("ON_SITE"), "ON_SITE when the kind is omitted");
        as("yangpu", "VIEWER").run("addSupervisionFinding", "input", Map.of("visitId", visit, "description", "x"))
                .assertError("FORBIDDEN", null);
        Result noted = supervisor.run("addSupervisionFinding", "input", Map.of("visitId", visit, "description", "建议加强宣传")).assertOk();
        assertEquals("NOTED", noted.string("addSupervisionFinding.finding.status"));
        as("wuhan", "SUPERVISOR").run("addSupervisionFinding", "input", Map.of("visitId", visit, "description", "x"))
                .assertError("BAD_USER_INPUT", "input.visitId");
        as("wuhan", "TENANT_ADMIN").run("reportRectification", "input", Map.of("id",
                noted.string("addSupervisionFinding.finding.id"), "version", 1, "report", "x")).assertError("NOT_FOUND", "input.id");
    }

    private static Map<String, Integer> counts(Client c) {
        List<Map<String, Object>> rows = c.run("supervisionCounts", "from", "2026-01-01", "to", "2026-12-31").assertOk()
                .get("supervisionCounts");
        return rows.stream().collect(java.util.stream.Collectors.toMap(r -> (String) r.get("kind"), r -> ((Number) r.get("n")).intValue()));
    }
}
