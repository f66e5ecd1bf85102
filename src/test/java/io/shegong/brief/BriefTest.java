package io.shegong.brief;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.shegong.support.Fixtures;
import io.shegong.support.GraphQLTestBase;
import io.shegong.support.Result;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.shegong.support.Fixtures.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The monthly brief against records each test writes in a bureau of its own, so every figure is
 * known. Today is 2026-11-25 (the tests' clock): November is the current month, October has ended.
 */
@MicronautTest(transactional = false)
@SuppressWarnings("unchecked")
class BriefTest extends GraphQLTestBase {

    /** A new bureau on Weihai's profile, in force since 2025. */
    private Client bureau() {
        return newBureau("weihai", "2025-01-01");
    }

    private static String tenantOf(Client admin) {
        return admin.run("viewer").assertOk().string("viewer.tenant.code");
    }

    private static String station(Client admin, String division, String status, String since) {
        return admin.run("createStation", "input", Map.of("code", unique("s"), "name", "测试镇社工站", "kind", "town_station",
                        "divisionId", division, "operatingMode", "SELF_RUN", "status", status, "statusSince", since))
                .assertOk().string("createStation.station.id");
    }

    private static void activity(Client admin, String station, String heldOn, double hours, int volunteers,
                                 double volunteerHours, List<Map<String, Object>> served) {
        admin.run("recordActivity", "input", Map.of("stationId", station, "kind", "group_work", "title", "小组活动",
                "heldOn", heldOn, "hours", hours, "volunteers", volunteers, "volunteerHours", volunteerHours,
                "beneficiaries", served)).assertOk();
    }

    private static boolean hasItem(List<Map<String, Object>> items, String milestone, String dueOn) {
        return items.stream().anyMatch(i -> milestone.equals(i.get("milestone")) && dueOn.equals(i.get("dueOn")));
    }

    private static Map<String, Object> item(List<Map<String, Object>> items, String milestone, String dueOn) {
        return items.stream().filter(i -> milestone.equals(i.get("milestone")) && dueOn.equals(i.get("dueOn"))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + milestone + " due " + dueOn + " in " + items));
    }

    private static Set<Object> ids(List<Map<String, Object>> stations) {
        Set<Object> out = new HashSet<>();
        stations.forEach(s -> out.add(s.get("id")));
        return out;
    }

    private static double number(Result r, String path) {
        return ((Number) r.get(path)).doubleValue();
    }

    @Test
    void tenantBrief_figuresFollowTheRecords_monthAgainstTheMonthBefore() {
        Client admin = bureau();
        String county = Fixtures.division(admin, "DISTRICT", null);
        String street = Fixtures.division(admin, "STREET", county);
        // signed on 20 September: trained workers are due on post by 20 October (003 四、(四))
        String late = station(admin, street, "SIGNED", "2026-09-20");
        activity(admin, late, "2026-10-12", 2.5, 3, 6, List.of(Map.of("category", "elderly", "count", 12)));
        activity(admin, late, "2026-11-01", 4, 0, 0, List.of(Map.of("category", "elderly", "count", 30),
                Map.of("category", "children", "count", 20)));
        activity(admin, late, "2026-11-03", 1.5, 2, 3, List.of(Map.of("category", "children", "count", 5)));
        String caseId = admin.run("submitFeaturedCase", "input", Map.of("stationId", late, "year", 2026, "kind", "elderly",
                "title", "独居老人支持", "summary", "摘要", "body", "正文")).assertOk().string("submitFeaturedCase.featuredCase.id");
        admin.run("reviewFeaturedCase", "input", Map.of("id", caseId, "version", 1, "decision", "ACCEPTED")).assertOk();
        String visit = admin.run("recordSupervisionVisit", "input", Map.of("stationId", late, "visitedOn", "2026-10-10",
                "supervisor", "张督导", "findings", "台账不全")).assertOk().string("recordSupervisionVisit.visit.id");
        Map<String, Object> finding = admin.run("addSupervisionFinding", "input", Map.of("visitId", visit,
                "description", "服务台账缺失", "rectifyBy", "2026-10-25")).assertOk().get("addSupervisionFinding.finding");
        admin.run("addSupervisionFinding", "input", Map.of("visitId", visit, "description", "仅记录", "rule", "x")).assertOk();
        int version = admin.run("reportRectification", "input", Map.of("id", finding.get("id"), "version", finding.get("version"),
                "report", "已补齐台账")).assertOk().integer("reportRectification.finding.version");
        admin.run("reinspectRectification", "input", Map.of("id", finding.get("id"), "version", version, "closed", true,
                "on", "2026-11-25")).assertOk();
        // done on 5 November: still overdue at the end of October
        admin.run("completeDueItem", "input", Map.of("milestone", "workers_on_post", "year", 2026, "stationId", late,
                "doneOn", "2026-11-05", "evidence", "到岗名单")).assertOk();

        Result october = admin.run("monthlyBrief", "month", "2026-10").assertOk();
        assertEquals("2026-10-31", october.string("monthlyBrief.asOf"));
        assertFalse((Boolean) october.get("monthlyBrief.current"));
        List<Map<String, Object>> overdue = october.get("monthlyBrief.overdue");
        assertEquals("OVERDUE", item(overdue, "workers_on_post", "2026-10-20").get("status"),
                "done only on 5 November: overdue at October's end");
        assertTrue(hasItem(october.get("monthlyBrief.dueThisMonth"), "workers_on_post", "2026-10-20"));
        assertTrue(hasItem(overdue, "annual_plan_filed", "2026-03-31"), "the district's plan was never filed");
        List<Map<String, Object>> lateParties = october.get("monthlyBrief.late");
        assertTrue(lateParties.stream().anyMatch(p -> "STATION".equals(p.get("responsible"))
                && late.equals(((Map<String, Object>) p.get("station")).get("id"))), lateParties.toString());
        assertTrue(lateParties.stream().anyMatch(p -> "DIVISION".equals(p.get("responsible"))
                && county.equals(((Map<String, Object>) p.get("division")).get("id"))), lateParties.toString());
        assertEquals(1, october.integer("monthlyBrief.activity.records"));
        assertEquals(12, october.integer("monthlyBrief.activity.served"));
        assertEquals(1, october.integer("monthlyBrief.supervision.opened"), "the finding with no deadline is no rectification");
        assertEquals(1, october.integer("monthlyBrief.supervision.overdue"), "due 25 October, reported only in November");
        assertEquals(0, october.integer("monthlyBrief.supervision.rectified"));
        assertEquals(0, october.integer("monthlyBrief.featuredCases.submitted"));

        Result november = admin.run("monthlyBrief").assertOk();
        assertEquals("2026-11", november.string("monthlyBrief.month"), "the bureau's current month when omitted");
        assertEquals("2026-11-25", november.string("monthlyBrief.asOf"));
        assertTrue((Boolean) november.get("monthlyBrief.current"));
        assertFalse(hasItem(november.get("monthlyBrief.overdue"), "workers_on_post", "2026-10-20"), "done by now");
        assertEquals("DUE", item(november.get("monthlyBrief.dueThisMonth"), "county_report_to_city", "2026-11-30").get("status"));
        assertEquals(2, november.integer("monthlyBrief.activity.records"));
        assertEquals(5.5, number(november, "monthlyBrief.activity.hours"));
        assertEquals(55, november.integer("monthlyBrief.activity.served"));
        assertEquals(2, november.integer("monthlyBrief.activity.volunteers"));
        assertEquals(3.0, number(november, "monthlyBrief.activity.volunteerHours"));
        assertEquals(List.of(Map.of("code", "elderly", "count", 30), Map.of("code", "children", "count", 25)),
                november.get("monthlyBrief.activity.beneficiaries"), "most served first");
        assertEquals("2026-10", november.string("monthlyBrief.previousActivity.month"));
        assertEquals(1, november.integer("monthlyBrief.previousActivity.records"));
        assertEquals(2.5, number(november, "monthlyBrief.previousActivity.hours"));
        assertEquals(3, november.integer("monthlyBrief.previousActivity.volunteers"));
        List<Map<String, Object>> byDivision = november.get("monthlyBrief.activityByDivision");
        assertEquals(1, byDivision.size());
        assertEquals(street, ((Map<String, Object>) byDivision.getFirst().get("division")).get("id"));
        assertEquals(Map.of("submitted", 1, "accepted", 1, "returned", 0), november.get("monthlyBrief.featuredCases"));
        assertEquals(Map.of("opened", 0, "rectified", 1, "overdue", 0), november.get("monthlyBrief.supervision"));
    }

    @Test
    void complianceChange_countsAsTheReportDoesOnBothDays_andNamesTheStationsThatMoved() {
        Client admin = bureau();
        String street = Fixtures.division(admin, "STREET", Fixtures.division(admin, "DISTRICT", null));
        String older = station(admin, street, "OPERATING", "2026-03-01");
        String newer = station(admin, street, "SIGNED", "2026-11-10");
        Result brief = admin.run("monthlyBrief", "month", "2026-11").assertOk();
        assertEquals("2026-10-31", brief.string("monthlyBrief.compliance.previousOn"));
        assertEquals("2026-11-25", brief.string("monthlyBrief.compliance.on"));
        for (String[] day : List.of(new String[]{"before", "2026-10-31"}, new String[]{"after", "2026-11-25"})) {
            Result report = admin.run("complianceReport", "on", day[1], "first", 10).assertOk();
            Map<String, Object> counts = brief.get("monthlyBrief.compliance." + day[0]);
            assertEquals(report.integer("complianceReport.totals.stations"), counts.get("stations"), day[1]);
            assertEquals(report.integer("complianceReport.totals.compliant"), counts.get("compliant"), day[1]);
            assertEquals(report.integer("complianceReport.totals.advisories"), counts.get("advisories"), day[1]);
        }
        assertEquals(1, brief.integer("monthlyBrief.compliance.before.stations"), "signed on 10 November: not checked before");
        assertEquals(2, brief.integer("monthlyBrief.compliance.after.stations"));
        boolean newerFails = !"COMPLIANT".equals(admin.run("stationStanding", "id", newer, "on", "2026-11-25").assertOk()
                .string("node.compliance.standing"));
        assertEquals(newerFails, ids(brief.get("monthlyBrief.compliance.becameNonCompliant")).contains(newer),
                "a station checked for the first time and failing became non-compliant");
        assertFalse(ids(brief.get("monthlyBrief.compliance.becameCompliant")).contains(older), "nothing changed for it");

        // the two days' evaluations are kept until the bureau's next change, and that change shows
        assertEquals(2, admin.run("monthlyBrief", "month", "2026-11").assertOk().integer("monthlyBrief.compliance.after.stations"));
        station(admin, street, "OPERATING", "2026-10-01");
        Result changed = admin.run("monthlyBrief", "month", "2026-11").assertOk();
        assertEquals(2, changed.integer("monthlyBrief.compliance.before.stations"), "a station operating since October");
        assertEquals(3, changed.integer("monthlyBrief.compliance.after.stations"));
    }

    @Test
    void stationBrief_isTheStationsAlone_andAnOperatorReadsOnlyItsOwn() {
        Client admin = bureau();
        String street = Fixtures.division(admin, "STREET", Fixtures.division(admin, "DISTRICT", null));
        String mine = station(admin, street, "SIGNED", "2026-09-20");
        String other = station(admin, street, "OPERATING", "2026-01-05");
        activity(admin, mine, "2026-11-02", 3, 1, 2, List.of(Map.of("category", "elderly", "count", 7)));
        activity(admin, other, "2026-11-02", 8, 0, 0, List.of(Map.of("category", "children", "count", 40)));
        String subject = tenantOf(admin) + ":" + unique("op");
        admin.run("grantStation", "input", Map.of("subject", subject, "stationId", mine)).assertOk();
        Client operator = withToken(token(subject, tenantOf(admin), "STATION_OPERATOR"));

        Result own = operator.run("stationMonthlyBrief", "id", mine, "month", "2026-11").assertOk();
        assertEquals(mine, own.string("node.monthlyBrief.station.id"));
        assertEquals(1, own.integer("node.monthlyBrief.activity.records"));
        assertEquals(7, own.integer("node.monthlyBrief.activity.served"));
        assertEquals(List.of(), own.get("node.monthlyBrief.activityByDivision"));
        assertEquals(1, own.integer("node.monthlyBrief.compliance.after.stations"));
        List<Map<String, Object>> overdue = own.get("node.monthlyBrief.overdue");
        assertTrue(hasItem(overdue, "workers_on_post", "2026-10-20"), overdue.toString());
        assertTrue(overdue.stream().allMatch(i -> "OVERDUE".equals(i.get("status"))));
        // the station's own due items, as the calendar lists them
        List<Map<String, Object>> calendar = admin.run("dueItems", "from", "2025-11-25", "to", "2026-11-24",
                "filter", Map.of("stationId", mine, "status", "OVERDUE")).assertOk().get("dueItems");
        assertEquals(calendar.stream().map(i -> i.get("milestone") + "@" + i.get("dueOn")).toList(),
                overdue.stream().map(i -> i.get("milestone") + "@" + i.get("dueOn")).toList());

        operator.run("stationMonthlyBrief", "id", other, "month", "2026-11").assertError("FORBIDDEN", null);
        operator.run("monthlyBrief").assertError("FORBIDDEN", null);
        Result viewer = as(tenantOf(admin), "VIEWER").run("stationMonthlyBrief", "id", other).assertOk();
        assertEquals(40, viewer.integer("node.monthlyBrief.activity.served"), "every reading role reads any station's");
        assertEquals(2, as(tenantOf(admin), "SUPERVISOR").run("monthlyBrief").assertOk().integer("monthlyBrief.activity.records"));
    }

    @Test
    void divisionBrief_coversItsSubtreeOnly() {
        Client admin = bureau();
        String county = Fixtures.division(admin, "DISTRICT", null);
        String inside = station(admin, Fixtures.division(admin, "STREET", county), "OPERATING", "2026-01-05");
        String outside = station(admin, Fixtures.division(admin, "STREET", Fixtures.division(admin, "DISTRICT", null)), "OPERATING", "2026-01-05");
        activity(admin, inside, "2026-11-02", 2, 0, 0, List.of(Map.of("category", "elderly", "count", 4)));
        activity(admin, outside, "2026-11-02", 2, 0, 0, List.of(Map.of("category", "elderly", "count", 9)));
        admin.run("submitFeaturedCase", "input", Map.of("stationId", outside, "year", 2026, "kind", "elderly",
                "title", "区外案例", "summary", "摘要", "body", "正文")).assertOk();
        Result r = admin.run("monthlyBrief", "divisionId", county).assertOk();
        assertEquals(county, r.string("monthlyBrief.division.id"));
        assertEquals(4, r.integer("monthlyBrief.activity.served"));
        assertEquals(List.of(Map.of("code", "elderly", "count", 4)), r.get("monthlyBrief.activity.beneficiaries"));
        assertEquals(0, r.integer("monthlyBrief.featuredCases.submitted"));
        assertEquals(1, r.integer("monthlyBrief.compliance.after.stations"));
        assertEquals(13, admin.run("monthlyBrief").assertOk().integer("monthlyBrief.activity.served"));
    }

    @Test
    void month_malformedOrMoreThanAYearAhead_isBadInputNamingMonth() {
        Client viewer = as("weihai", "VIEWER");
        for (String bad : List.of("2026-13", "2026/11", "2026-1", "november", "2027-12", "1999-12")) {
            Result r = viewer.run("monthlyBrief", "month", bad);
            r.assertError("BAD_USER_INPUT", "month");
        }
        String station = viewer.run("stationPage", "first", 1).assertOk().string("stations.edges.0.node.id");
        viewer.run("stationMonthlyBrief", "id", station, "month", "26-11").assertError("BAD_USER_INPUT", "month");
        Result ahead = viewer.run("monthlyBrief", "month", "2027-11").assertOk();
        assertEquals("2026-11-25", ahead.string("monthlyBrief.asOf"), "a month to come stands as of today");
        assertEquals(0, ahead.integer("monthlyBrief.activity.records"));
        viewer.run("monthlyBrief", "divisionId", "not-an-id").assertError("BAD_USER_INPUT", "divisionId");
    }

    @Test
    void tenantBrief_costsTheSameStatementsForFewAndManyStations() {
        Client admin = bureau();
        String street = Fixtures.division(admin, "STREET", Fixtures.division(admin, "DISTRICT", null));
        for (int i = 0; i < 2; i++) {
            activity(admin, station(admin, street, "SIGNED", "2026-09-20"), "2026-10-12", 1, 0, 0,
                    List.of(Map.of("category", "elderly", "count", 1)));
        }
        Result few = admin.run("monthlyBrief", "month", "2026-10").assertOk();
        String other = Fixtures.division(admin, "STREET", Fixtures.division(admin, "DISTRICT", null));
        for (int i = 0; i < 30; i++) {
            String s = station(admin, i % 2 == 0 ? street : other, i % 2 == 0 ? "SIGNED" : "OPERATING", "2026-09-20");
            activity(admin, s, "2026-10-0" + (1 + i % 9), 1, 1, 1, List.of(Map.of("category", "children", "count", 2)));
        }
        Result many = admin.run("monthlyBrief", "month", "2026-10").assertOk();
        assertEquals(2, few.integer("monthlyBrief.compliance.after.stations"));
        assertEquals(32, many.integer("monthlyBrief.compliance.after.stations"));
        assertEquals(32, many.integer("monthlyBrief.activity.records"));
        assertTrue(((List<?>) many.get("monthlyBrief.overdue")).size() > ((List<?>) few.get("monthlyBrief.overdue")).size());
        assertEquals(few.sqlStatements(), many.sqlStatements(), "a statement per station");
        // the calendar's (three of them the contracts' reports), twice compliance's own report, the
        // activity summary and the brief's own sums
        assertTrue(many.sqlStatements() <= 43, "statements: " + many.sqlStatements());
        Result weihai = as("weihai", "VIEWER").run("monthlyBrief", "month", "2026-10").assertOk();
        assertTrue(weihai.integer("monthlyBrief.compliance.after.stations") >= 60);
        assertTrue(weihai.sqlStatements() <= many.sqlStatements(), "a demo bureau of 60-odd stations: " + weihai.sqlStatements());
    }

    @Test
    void dueItems_overdueAndDueInTheNext30Days_inOneCall() {
        Client viewer = as("weihai", "VIEWER");
        List<Map<String, Object>> both = viewer.run("dueItems", "filter", Map.of("statuses", List.of("OVERDUE", "DUE")))
                .assertOk().get("dueItems");
        List<Map<String, Object>> overdue = viewer.run("dueItems", "filter", Map.of("status", "OVERDUE")).assertOk().get("dueItems");
        List<Map<String, Object>> due = viewer.run("dueItems", "filter", Map.of("status", "DUE")).assertOk().get("dueItems");
        assertFalse(both.isEmpty());
        assertEquals(overdue.size() + due.size(), both.size());
        assertTrue(both.stream().noneMatch(i -> "DONE".equals(i.get("status"))));
        assertTrue(both.stream().allMatch(i -> i.get("dueOn").toString().compareTo("2026-12-25") <= 0), "30 days ahead at most");
    }
}
