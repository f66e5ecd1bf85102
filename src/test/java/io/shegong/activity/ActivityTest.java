package io.shegong.activity;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.shegong.support.Fixtures;
import io.shegong.support.GraphQLTestBase;
import io.shegong.support.Result;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.shegong.support.Fixtures.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A station's year: featured cases against the bureau's yearly minimums, and activity records
 * with their totals. Today is 2026-11-25 (the tests' clock).
 */
@MicronautTest(transactional = false)
@SuppressWarnings("unchecked")
class ActivityTest extends GraphQLTestBase {

    private static String station(Client admin, String kind, String division, String name) {
        return admin.run("createStation", "input", Map.of("code", unique("st"), "name", name, "kind", kind,
                "divisionId", division, "operatingMode", "SELF_RUN", "status", "OPERATING", "statusSince", "2026-01-05"))
                .assertOk().string("createStation.station.id");
    }

    private static Result submit(Client c, String station, String kind, String title) {
        return c.run("submitFeaturedCase", "input", Map.of("stationId", station, "year", 2026, "kind", kind,
                "title", title, "summary", "摘要", "body", "正文"));
    }

    private static Map<String, Object> finding(Client c, String station, String on, String rule) {
        List<Map<String, Object>> all = c.run("stationStanding", "id", station, "on", on).assertOk().get("node.compliance.findings");
        return all.stream().filter(f -> rule.equals(f.get("rule"))).findFirst().orElse(null);
    }

    @Test
    void shangcheng_streetStation_writesTwoFeaturedCasesAYear_judgedOnTheYearsLastDay() {
        Client admin = as("shangcheng", "TENANT_ADMIN");
        String station = station(admin, "street_station", Fixtures.divisionId(admin, "hubin"), "杭州市上城区湖滨街道社会工作站");
        submit(admin, station, "elderly", "独居老人的社区支持网络").assertOk();
        assertNull(finding(admin, station, "2026-12-30", "shangcheng_street_featured_cases"), "the year is still open");
        Map<String, Object> shortfall = finding(admin, station, "2026-12-31", "shangcheng_street_featured_cases");
        assertEquals("ADVISORY", shortfall.get("severity"), "不少于 is stated without a requirement word");
        assertEquals("needs 2 featured cases for 2026 (due 2026-12-31); has 1", shortfall.get("messageEn"));
        submit(admin, station, "youth", "青少年成长小组").assertOk();
        assertNull(finding(admin, station, "2026-12-31", "shangcheng_street_featured_cases"));
    }

    @Test
    void qingpu_yearEndCases_oneOfEachKind_byTheTenthOfDecember() {
        Client admin = as("qingpu", "TENANT_ADMIN");
        String station = station(admin, "comprehensive", Fixtures.divisionId(admin, "xiayang"), "夏阳街道社工站");
        for (String kind : List.of("individual", "group", "community")) {
            submit(admin, station, kind, "案例 " + kind).assertOk();
        }
        Map<String, Object> shortfall = finding(admin, station, "2026-12-10", "qingpu_year_end_cases");
        assertTrue(shortfall.get("messageZh").toString().endsWith("不足：儿童案例"), shortfall.toString());
        assertTrue(shortfall.get("messageEn").toString().endsWith("short of: Children's case"), shortfall.toString());
        assertNull(finding(admin, station, "2026-12-09", "qingpu_year_end_cases"), "due in early December");
        submit(admin, station, "children", "困境儿童个案").assertOk();
        assertNull(finding(admin, station, "2026-12-10", "qingpu_year_end_cases"));
    }

    @Test
    void featuredCase_ofAKindTheProfileDoesNotDeclare_isRefusedNamingTheKinds() {
        Client admin = as("qingpu", "TENANT_ADMIN");
        String station = station(admin, "comprehensive", Fixtures.divisionId(admin, "xiayang"), "夏阳街道社工站");
        Result r = submit(admin, station, "essay", "随笔");
        r.assertError("BAD_USER_INPUT", "input.kind");
        assertTrue(r.errorMessage().contains("children (儿童案例)"), r.errorMessage());
        admin.run("submitFeaturedCase", "input", Map.of("stationId", station, "year", 2027, "kind", "group",
                "title", "明年", "summary", "摘要", "body", "正文")).assertError("BAD_USER_INPUT", "input.year");
    }

    @Test
    void returnedCase_needsAComment_stopsCounting_andOnlyTheBureauReviews() {
        Client admin = as("shangcheng", "TENANT_ADMIN");
        String station = station(admin, "street_station", Fixtures.divisionId(admin, "hubin"), "杭州市上城区湖滨街道社会工作站");
        Map<String, Object> c = submit(admin, station, "elderly", "一").assertOk().get("submitFeaturedCase.featuredCase");
        submit(admin, station, "elderly", "二").assertOk();
        String id = (String) c.get("id");
        as("shangcheng", "VIEWER").run("reviewFeaturedCase", "input", Map.of("id", id, "version", 1, "decision", "ACCEPTED"))
                .assertError("FORBIDDEN", null);
        admin.run("reviewFeaturedCase", "input", Map.of("id", id, "version", 1, "decision", "RETURNED"))
                .assertError("BAD_USER_INPUT", "input.comment");
        Result returned = admin.run("reviewFeaturedCase", "input", Map.of("id", id, "version", 1, "decision", "RETURNED",
                "comment", "请补充服务成效")).assertOk();
        assertEquals("RETURNED", returned.string("reviewFeaturedCase.featuredCase.status"));
        admin.run("reviewFeaturedCase", "input", Map.of("id", id, "version", 2, "decision", "ACCEPTED"))
                .assertError("BAD_USER_INPUT", "input.id");
        assertTrue(finding(admin, station, "2026-12-31", "shangcheng_street_featured_cases").get("messageEn").toString()
                .endsWith("has 1"), "a returned case no longer counts");
    }

    /** A street of its own under the demo district, so that its totals are this test's alone. */
    private static String freshStreet(Client admin) {
        String district = Fixtures.divisionId(admin, "shangcheng");
        return admin.run("createDivision", "input", Map.of("code", unique("jd"), "level", "STREET", "nameZh", "测试街道",
                "parentId", district, "communityCount", 5)).assertOk().string("createDivision.division.id");
    }

    @Test
    void recordActivity_totalsAPeriod_andRefusesBadInputWithItsField() {
        Client admin = as("shangcheng", "TENANT_ADMIN");
        String street = freshStreet(admin);
        String station = station(admin, "street_station", street, "杭州市上城区测试街道社会工作站");
        String worker = admin.run("registerWorker", "input", Map.of("name", "陈社工", "educationLevel", "BACHELOR"))
                .assertOk().string("registerWorker.worker.id");
        Map<String, Object> group = new HashMap<>(Map.of("stationId", station, "kind", "group_work", "title", "长者健康小组",
                "heldOn", "2026-10-12", "hours", 2.5, "workerIds", List.of(worker), "volunteers", 3, "volunteerHours", 6,
                "beneficiaries", List.of(Map.of("category", "elderly", "count", 12))));
        admin.run("recordActivity", "input", group).assertOk();
        admin.run("recordActivity", "input", Map.of("stationId", station, "kind", "community_activity", "title", "邻里节",
                "heldOn", "2026-11-01", "hours", 4, "beneficiaries", List.of(Map.of("category", "elderly", "count", 30),
                        Map.of("category", "children", "count", 20)))).assertOk();
        Result year = admin.run("stationYear", "id", station, "from", "2026-01-01", "to", "2026-12-31").assertOk();
        assertEquals(6.5, ((Number) year.get("node.activities.hours")).doubleValue());
        assertEquals(3, year.integer("node.activities.volunteers"));
        assertEquals(List.of(Map.of("code", "elderly", "count", 42), Map.of("code", "children", "count", 20)),
                (List<?>) year.get("node.activities.beneficiaries"));
        assertEquals(1, ((List<?>) admin.run("stationYear", "id", station, "from", "2026-10-01", "to", "2026-10-31").assertOk()
                .get("node.activities.records")).size());

        List<Map<String, Object>> months = admin.run("activitySummary", "from", "2026-01-01", "to", "2026-12-31",
                "divisionId", street).assertOk().get("activitySummary");
        assertEquals(List.of("2026-10", "2026-11"), months.stream().map(m -> m.get("month")).toList());
        assertEquals(12, ((Number) months.get(0).get("served")).intValue());
        assertEquals(50, ((Number) months.get(1).get("served")).intValue());
        assertEquals(4.0, ((Number) months.get(1).get("hours")).doubleValue());
        // days at a period's edges are read record by record, the months between from the monthly totals
        List<Map<String, Object>> edges = admin.run("activitySummary", "from", "2026-10-13", "to", "2026-11-01",
                "divisionId", street).assertOk().get("activitySummary");
        assertEquals(List.of("2026-11"), edges.stream().map(m -> m.get("month")).toList(), "the 12 October group is before it");
        assertEquals(50, ((Number) edges.getFirst().get("served")).intValue());
        assertEquals(List.of(), (List<?>) admin.run("activitySummary", "from", "2026-10-13", "to", "2026-10-31",
                "divisionId", street).assertOk().get("activitySummary"));
        assertEquals(List.of(), (List<?>) as("wuhan", "VIEWER").run("activitySummary", "from", "2026-01-01", "to", "2026-12-31",
                "divisionId", street).assertOk().get("activitySummary"), "another bureau's division holds nothing here");

        Map<String, Object> negative = new HashMap<>(group);
        negative.put("hours", -1);
        admin.run("recordActivity", "input", negative).assertError("BAD_USER_INPUT", "input.hours");
        Map<String, Object> future = new HashMap<>(group);
        future.put("heldOn", "2026-11-26");
        admin.run("recordActivity", "input", future).assertError("BAD_USER_INPUT", "input.heldOn");
        Map<String, Object> twice = new HashMap<>(group);
        twice.put("beneficiaries", List.of(Map.of("category", "elderly", "count", 1), Map.of("category", "elderly", "count", 2)));
        admin.run("recordActivity", "input", twice).assertError("BAD_USER_INPUT", "input.beneficiaries[1].category");
        admin.run("stationYear", "id", station, "from", "2025-01-01", "to", "2026-12-31").assertError("BAD_USER_INPUT", null);
        as("shangcheng", "VIEWER").run("recordActivity", "input", group).assertError("FORBIDDEN", null);
    }

    @Test
    void shangchengProject_sitsInItsPlan_andMovesThroughTheCycleInOrder() {
        Client admin = as("shangcheng", "TENANT_ADMIN");
        String station = station(admin, "street_station", Fixtures.divisionId(admin, "hubin"), "杭州市上城区湖滨街道社会工作站");
        Map<String, Object> start = new HashMap<>(Map.of("stationId", station, "year", 2026, "name", "党建引领社工服务",
                "slot", "core", "startsOn", "2026-03-01"));
        admin.run("startStationProject", "input", start).assertError("BAD_USER_INPUT", "input.year");
        admin.run("saveServicePlan", "input", Map.of("stationId", station, "year", 2026, "projects",
                List.of(Map.of("name", "党建引领社工服务", "slot", "core")))).assertOk();
        Map<String, Object> unplanned = new HashMap<>(start);
        unplanned.put("slot", "cluster");
        Result refused = admin.run("startStationProject", "input", unplanned);
        refused.assertError("BAD_USER_INPUT", "input.slot");
        assertTrue(refused.errorMessage().contains("saveServicePlan"), refused.errorMessage());

        Result started = admin.run("startStationProject", "input", start).assertOk();
        String project = started.string("startStationProject.project.id");
        assertEquals("RESEARCH", started.string("startStationProject.project.stage"));
        admin.run("advanceStationProject", "input", Map.of("id", project, "version", 1, "stage", "PLANNING", "on", "2026-02-01"))
                .assertError("BAD_USER_INPUT", "input.on");
        admin.run("advanceStationProject", "input", Map.of("id", project, "version", 1, "stage", "RESEARCH", "on", "2026-04-01"))
                .assertError("BAD_USER_INPUT", "input.stage");
        Result planned = admin.run("advanceStationProject", "input", Map.of("id", project, "version", 1, "stage", "PLANNING",
                "on", "2026-04-01")).assertOk();
        assertEquals(List.of(Map.of("stage", "RESEARCH", "on", "2026-03-01"), Map.of("stage", "PLANNING", "on", "2026-04-01")),
                (List<?>) planned.get("advanceStationProject.project.stages"));

        Map<String, Object> early = Map.of("stationId", station, "projectId", project, "kind", "group_work", "title", "需求调研访谈",
                "heldOn", "2026-02-15", "hours", 2);
        admin.run("recordActivity", "input", early).assertError("BAD_USER_INPUT", "input.heldOn");
        Map<String, Object> onTime = new HashMap<>(early);
        onTime.put("heldOn", "2026-03-15");
        admin.run("recordActivity", "input", onTime).assertOk();
        Client wuhan = as("wuhan", "TENANT_ADMIN");
        wuhan.run("advanceStationProject", "input", Map.of("id", project, "version", 2, "stage", "IMPLEMENTATION",
                "on", "2026-05-01")).assertError("NOT_FOUND", "input.id");
        Map<String, Object> foreign = new HashMap<>(onTime);
        foreign.put("stationId", Fixtures.stationId(wuhan, "dazhi"));
        wuhan.run("recordActivity", "input", foreign).assertError("BAD_USER_INPUT", "input.projectId");
    }

    @Test
    void activitySummary_costsTheSameStatementsForFewAndManyRecords() {
        Result many = as("shangcheng", "VIEWER").warm().run("activitySummary", "from", "2026-01-01", "to", "2026-12-31").assertOk();
        Result few = as("qingpu", "VIEWER").warm().run("activitySummary", "from", "2026-01-01", "to", "2026-12-31").assertOk();
        assertTrue(((List<?>) many.get("activitySummary")).size() > ((List<?>) few.get("activitySummary")).size());
        assertEquals(few.sqlStatements(), many.sqlStatements());
        assertTrue(many.sqlStatements() <= 3, "binding, the sums, the divisions: " + many.sqlStatements());
    }

    @Test
    void anotherBureausStationWorkerOrCase_isUnknownHere() {
        Client wuhan = as("wuhan", "TENANT_ADMIN");
        Client shangcheng = as("shangcheng", "TENANT_ADMIN");
        String theirs = station(shangcheng, "street_station", Fixtures.divisionId(shangcheng, "hubin"), "杭州市上城区湖滨街道社会工作站");
        String theirCase = submit(shangcheng, theirs, "elderly", "他们的案例").assertOk().string("submitFeaturedCase.featuredCase.id");
        String theirWorker = shangcheng.run("registerWorker", "input", Map.of("name", "外局社工", "educationLevel", "BACHELOR"))
                .assertOk().string("registerWorker.worker.id");
        String mine = Fixtures.stationId(wuhan, "dazhi");

        submit(wuhan, theirs, "elderly", "越界").assertError("BAD_USER_INPUT", "input.stationId");
        wuhan.run("submitFeaturedCase", "input", Map.of("stationId", mine, "year", 2026, "kind", "elderly", "workerId", theirWorker,
                "title", "t", "summary", "s", "body", "b")).assertError("BAD_USER_INPUT", "input.workerId");
        wuhan.run("recordActivity", "input", Map.of("stationId", mine, "kind", "group_work", "title", "t", "heldOn", "2026-11-01",
                "hours", 1, "workerIds", List.of(theirWorker))).assertError("BAD_USER_INPUT", "input.workerIds[0]");
        wuhan.run("reviewFeaturedCase", "input", Map.of("id", theirCase, "version", 1, "decision", "ACCEPTED"))
                .assertError("NOT_FOUND", "input.id");
        wuhan.run("node", "id", theirCase).assertOk().assertNullAt("node");
        assertEquals("FeaturedCase", shangcheng.run("node", "id", theirCase).assertOk().string("node.__typename"));
    }
}
