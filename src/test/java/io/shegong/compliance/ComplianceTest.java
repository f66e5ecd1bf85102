package io.shegong.compliance;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.shegong.support.Fixtures;
import io.shegong.support.GraphQLTestBase;
import io.shegong.support.Result;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.shegong.support.Fixtures.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The messages bureaus read, the tenant report, and results that follow the data. */
@MicronautTest(transactional = false)
class ComplianceTest extends GraphQLTestBase {

    private String certified(Client admin, String name) {
        return admin.run("registerWorker", "input", new HashMap<>(Map.of("name", name, "educationLevel", "BACHELOR",
                "educationMajor", "社会工作", "certificateLevel", "ASSISTANT", "certificateDate", "2020-06-01",
                "birthDate", "1990-01-01", "socialWorkYears", 5, "communityWorkYears", 4,
                "lastRecordCheckOn", TODAY.minusMonths(2).toString())))
                .assertOk().string("registerWorker.worker.id");
    }

    private void post(Client admin, String worker, String station, String role) {
        admin.run("assignWorker", "input", Map.of("workerId", worker, "stationId", station, "role", role,
                "startsOn", "2025-01-01")).assertOk();
    }

    private List<Map<String, Object>> findings(Client admin, String station) {
        return admin.run("stationCompliance", "id", station).assertOk().get("node.compliance.findings");
    }

    @Test
    void shangchengStreetStation_needsFourCertifiedFullTimeWorkersForFifteenCommunities() {
        Client admin = as("shangcheng", "TENANT_ADMIN");
        String code = unique("street");
        String parent = Fixtures.divisionId(admin, "shangcheng");
        String street = admin.run("createDivision", "input", Map.of("code", code, "level", "STREET", "nameZh", "示例街道",
                "parentId", parent, "communityCount", 15)).assertOk().string("createDivision.division.id");
        String station = admin.run("createStation", "input", Map.of("code", code, "name", "杭州市上城区示例街道社会工作站",
                "kind", "street_station", "divisionId", street, "operatingMode", "SELF_RUN", "status", "OPERATING",
                "statusSince", "2024-01-01")).assertOk().string("createStation.station.id");
        post(admin, certified(admin, "陈一"), station, "HEAD");
        post(admin, certified(admin, "陈二"), station, "SOCIAL_WORKER");
        post(admin, certified(admin, "陈三"), station, "SOCIAL_WORKER");
        Map<String, Object> f = findings(admin, station).stream()
                .filter(x -> "shangcheng_street_staffing".equals(x.get("rule"))).findFirst().orElseThrow();
        assertEquals("needs 4 full-time certified social workers for 15 communities; has 3", f.get("messageEn"));
        assertEquals("需要4名专职持证社工（覆盖15个社区），现有3名", f.get("messageZh"));
        // 配备专职持证社工3至5人 carries no requirement word: advice, with the document's words
        assertEquals("ADVISORY", f.get("severity"));
        assertTrue(f.get("wording").toString().startsWith("根据街道所辖社区数量实际配备专职持证社工3至5人"), f.toString());
        assertTrue(f.get("source").toString().startsWith("001"), f.toString());
        assertEquals(3, ((List<?>) f.get("workers")).size());

        post(admin, certified(admin, "陈四"), station, "SOCIAL_WORKER");
        assertTrue(findings(admin, station).stream().noneMatch(x -> "shangcheng_street_staffing".equals(x.get("rule"))),
                "the next read follows the new post");
    }

    @Test
    void shangchengReportForTheDistrict_coversItsStreets() {
        Client admin = as("shangcheng", "TENANT_ADMIN");
        String code = unique("sub");
        String district = Fixtures.divisionId(admin, "shangcheng");
        String street = admin.run("createDivision", "input", Map.of("code", code, "level", "STREET", "nameZh", "下属街道",
                "parentId", district, "communityCount", 4)).assertOk().string("createDivision.division.id");
        admin.run("createStation", "input", Map.of("code", code, "name", "杭州市上城区下属街道社会工作站",
                "kind", "street_station", "divisionId", street, "operatingMode", "SELF_RUN", "status", "OPERATING",
                "statusSince", "2024-01-01")).assertOk();
        Result ofDistrict = admin.run("complianceReport", "filter", Map.of("divisionId", district), "first", 100).assertOk();
        Result ofStreet = admin.run("complianceReport", "filter", Map.of("divisionId", street), "first", 100).assertOk();
        assertEquals(1, ofStreet.integer("complianceReport.totals.stations"));
        assertTrue(ofDistrict.get("complianceReport.stations.edges").toString().contains("code=" + code),
                "the district's report holds the station of the street below it");
        int checked = Fixtures.checkedStationsUnder(admin, district);
        assertEquals(checked, ofDistrict.integer("complianceReport.totals.stations"),
                "the same stations as the station list's filter");
    }

    @Test
    void shangchengCommunityRoom_needsOneFullTimeSocialWorker_saidInGoodEnglish() {
        Client admin = as("shangcheng", "TENANT_ADMIN");
        String room = Fixtures.shangchengCommunityRoom(admin, unique("room"), "上城区示例街道示例社区张三社会工作室");
        Map<String, Object> f = findings(admin, room).stream()
                .filter(x -> "shangcheng_room_staffing".equals(x.get("rule"))).findFirst().orElseThrow();
        assertEquals("needs 1 full-time social worker; has 0", f.get("messageEn"));
        assertEquals("需要1名专职社工，现有0名", f.get("messageZh"));
        post(admin, certified(admin, "陈五"), room, "SOCIAL_WORKER");
        assertTrue(findings(admin, room).stream().noneMatch(x -> "shangcheng_room_staffing".equals(x.get("rule"))));
    }

    @Test
    void wuhanFullTimeSocialWorkers_countByThePost_andAtOneStationAtATime() {
        Client admin = as("wuhan", "TENANT_ADMIN");
        String code = unique("ft");
        String district = admin.run("createDivision", "input", Map.of("code", code, "level", "DISTRICT", "nameZh", "示例区",
                "zone", "NEW_URBAN")).assertOk().string("createDivision.division.id");
        List<String> stations = new ArrayList<>();
        for (String suffix : List.of("a", "b")) {
            stations.add(admin.run("createStation", "input", Map.of("code", code + suffix, "name", "示例街道社工站",
                    "kind", "street_station", "divisionId", district, "operatingMode", "PURCHASED", "status", "OPERATING",
                    "statusSince", "2024-01-01")).assertOk().string("createStation.station.id"));
        }
        String first = certified(admin, "黄三");
        String second = certified(admin, "黄四");
        post(admin, first, stations.get(0), "HEAD");
        // a full-time worker's second full-time post at the same time is refused
        admin.run("assignWorker", "input", Map.of("workerId", first, "stationId", stations.get(1), "role", "SOCIAL_WORKER",
                "startsOn", TODAY.minusYears(1).toString())).assertError("CONFLICT", "input.fullTime");
        // part-time there, it is taken, and does not count toward the second station's full-time workers
        admin.run("assignWorker", "input", Map.of("workerId", first, "stationId", stations.get(1), "role", "SOCIAL_WORKER",
                "startsOn", TODAY.minusYears(1).toString(), "fullTime", false)).assertOk();
        post(admin, second, stations.get(1), "HEAD");
        assertTrue(findings(admin, stations.get(1)).stream().anyMatch(x ->
                        "needs 2 full-time social workers (zone: New urban district); has 1".equals(x.get("messageEn"))),
                "the part-time post does not count");
        post(admin, certified(admin, "黄五"), stations.get(1), "SOCIAL_WORKER");
        assertTrue(findings(admin, stations.get(1)).stream().noneMatch(x ->
                String.valueOf(x.get("messageEn")).startsWith("needs 2 full-time")));
    }

    @Test
    void shangchengReport_rolledUpToTheDistrict_addsUpItsStreets() {
        Client admin = as("shangcheng", "TENANT_ADMIN");
        String district = Fixtures.divisionId(admin, "shangcheng");
        Result byDistrict = admin.run("complianceRollUp", "level", "DISTRICT").assertOk();
        List<Map<String, Object>> districts = byDistrict.get("complianceReport.byDivisionAt");
        Map<String, Object> total = districts.stream().filter(d -> district.equals(((Map<?, ?>) d.get("division")).get("id")))
                .findFirst().orElseThrow(() -> new AssertionError(districts.toString()));
        int checked = Fixtures.checkedStationsUnder(admin, district);
        assertEquals(checked, ((Number) total.get("stations")).intValue(), "the district holds every station below it");
        assertTrue(districts.stream().allMatch(d -> "DISTRICT".equals(((Map<?, ?>) d.get("division")).get("level"))));
        Result byStreet = admin.run("complianceRollUp", "level", "STREET").assertOk();
        List<Map<String, Object>> streets = byStreet.get("complianceReport.byDivisionAt");
        assertTrue(streets.size() > 1, streets.toString());
        assertTrue(streets.stream().mapToInt(d -> ((Number) d.get("stations")).intValue()).sum() <= checked);
    }

    @Test
    void wuhan_newUrbanStreetNeedsTwo_centralNeedsThree() {
        Client admin = as("wuhan", "TENANT_ADMIN");
        for (String zone : List.of("NEW_URBAN", "CENTRAL_URBAN")) {
            String code = unique("zone");
            String street = admin.run("createDivision", "input", Map.of("code", code, "level", "DISTRICT", "nameZh", "示例区",
                    "zone", zone)).assertOk().string("createDivision.division.id");
            String station = admin.run("createStation", "input", Map.of("code", code, "name", "示例街道社工站",
                    "kind", "street_station", "divisionId", street, "operatingMode", "PURCHASED", "status", "OPERATING",
                    "statusSince", "2024-01-01")).assertOk().string("createStation.station.id");
            post(admin, certified(admin, "黄一"), station, "HEAD");
            // the zone is named by the profile's label, never by its code
            String expected = zone.equals("NEW_URBAN") ? "needs 2 full-time social workers (zone: New urban district); has 1"
                    : "needs 3 full-time social workers (zone: Central urban district); has 1";
            String expectedZh = zone.equals("NEW_URBAN") ? "需要2名专职社工（新城区），现有1名" : "需要3名专职社工（中心城区），现有1名";
            List<Map<String, Object>> found = findings(admin, station);
            assertTrue(found.stream().anyMatch(x -> expected.equals(x.get("messageEn")) && expectedZh.equals(x.get("messageZh"))),
                    found.toString());
        }
    }

    @Test
    void wuhanStaffing_inAZoneTheRuleSetsNoNumberFor_cannotBeChecked_neverPasses() {
        Client admin = as("wuhan", "TENANT_ADMIN");
        // 功能区: the notice is addressed to the functional areas and sets them no number
        for (String zone : List.of("FUNCTIONAL_AREA", "")) {
            String code = unique("zone");
            Map<String, Object> division = new java.util.HashMap<>(Map.of("code", code, "level", "DISTRICT", "nameZh", "示例区"));
            if (!zone.isEmpty()) {
                division.put("zone", zone);
            }
            String district = admin.run("createDivision", "input", division).assertOk().string("createDivision.division.id");
            String station = admin.run("createStation", "input", Map.of("code", code, "name", "示例街道社工站",
                    "kind", "street_station", "divisionId", district, "operatingMode", "PURCHASED", "status", "OPERATING",
                    "statusSince", "2024-01-01")).assertOk().string("createStation.station.id");
            post(admin, certified(admin, "黄二"), station, "HEAD");
            String expected = zone.isEmpty() ? "cannot check staffing: the division has no zone"
                    : "cannot check staffing: the profile sets no number for the zone 'Functional area'";
            List<Map<String, Object>> found = findings(admin, station);
            assertTrue(found.stream().anyMatch(x -> expected.equals(x.get("messageEn")) && "INFO".equals(x.get("severity"))),
                    found.toString());
        }
    }

    @Test
    void trainingRecord_changesTheNextQualificationRead() {
        Client admin = as("weihai", "TENANT_ADMIN");
        String station = Fixtures.stationId(admin, "zhangcun");
        String worker = admin.run("registerWorker", "input", Map.of("name", "培训中社工", "educationLevel", "COLLEGE",
                "educationMajor", "会计", "birthDate", "1992-01-01")).assertOk().string("registerWorker.worker.id");
        admin.run("assignWorker", "input", Map.of("workerId", worker, "stationId", station, "role", "SOCIAL_WORKER",
                "startsOn", TODAY.minusYears(1).toString())).assertOk();
        String rule = competenceRule(admin, worker);
        assertFalse(satisfied(admin, worker, rule));
        admin.run("addTrainingRecord", "input", Map.of("workerId", worker, "topic", "社会工作专业培训", "provider", "威海市民政局",
                "hours", 130, "completedOn", TODAY.minusMonths(3).toString())).assertOk();
        assertTrue(satisfied(admin, worker, rule), "the next read follows the new training record");
    }

    @Test
    void weihai_trainingWithinFiveYearsAndCertificateWithinThree_countByAnniversaries() {
        Client admin = as("weihai", "TENANT_ADMIN");
        String station = Fixtures.stationId(admin, "zhangcun");
        String worker = admin.run("registerWorker", "input", Map.of("name", "周年社工", "educationLevel", "COLLEGE",
                "educationMajor", "会计", "birthDate", "1990-05-01")).assertOk().string("registerWorker.worker.id");
        // two leap days (2020-02-29, 2024-02-29) lie between the training and the fifth
        // anniversary, one (2024-02-29) between the start and the third
        admin.run("assignWorker", "input", Map.of("workerId", worker, "stationId", station, "role", "SOCIAL_WORKER",
                "startsOn", "2021-03-01")).assertOk();
        admin.run("addTrainingRecord", "input", Map.of("workerId", worker, "topic", "社会工作专业培训", "provider", "威海市民政局",
                "hours", 130, "completedOn", "2019-03-01")).assertOk();
        String rule = competenceRule(admin, worker);
        assertTrue(alternative(admin, worker, rule, "training_then_certificate", "2024-03-01"),
                "on the fifth anniversary of the training and the third of the start, both still hold");
        assertFalse(alternative(admin, worker, rule, "training_then_certificate", "2024-03-02"),
                "the day after, neither does");
    }

    @Test
    void weihaiRelatedMajor_matchesAsRegistriesWriteIt() {
        Client admin = as("weihai", "TENANT_ADMIN");
        String station = Fixtures.stationId(admin, "zhangcun");
        for (String major : List.of("社会学专业", "社会工作（本科）", "社会 政策", "会计学")) {
            String worker = admin.run("registerWorker", "input", Map.of("name", "专业社工", "educationLevel", "COLLEGE",
                    "educationMajor", major, "birthDate", "1992-01-01")).assertOk().string("registerWorker.worker.id");
            admin.run("assignWorker", "input", Map.of("workerId", worker, "stationId", station, "role", "SOCIAL_WORKER",
                    "startsOn", TODAY.minusYears(1).toString())).assertOk();
            String rule = competenceRule(admin, worker);
            assertEquals(!major.equals("会计学"), alternative(admin, worker, rule, "related_diploma", TODAY.toString()), major);
        }
    }

    private boolean alternative(Client admin, String worker, String rule, String code, String on) {
        List<Map<String, Object>> q = admin.run("workerQualification", "id", worker, "on", on).assertOk()
                .get("node.qualification");
        Map<String, Object> r = q.stream().filter(x -> rule.equals(x.get("rule"))).findFirst().orElseThrow();
        return ((List<?>) r.get("alternatives")).stream().map(a -> (Map<?, ?>) a)
                .filter(a -> code.equals(a.get("code"))).map(a -> (Boolean) a.get("satisfied"))
                .findFirst().orElseThrow(() -> new AssertionError(r.toString()));
    }

    private String competenceRule(Client admin, String worker) {
        List<Map<String, Object>> q = admin.run("workerQualification", "id", worker).assertOk().get("node.qualification");
        return q.stream().filter(x -> ((List<?>) x.get("alternatives")).size() == 3).map(x -> (String) x.get("rule"))
                .findFirst().orElseThrow(() -> new AssertionError(q.toString()));
    }

    private boolean satisfied(Client admin, String worker, String rule) {
        List<Map<String, Object>> q = admin.run("workerQualification", "id", worker).assertOk().get("node.qualification");
        return q.stream().filter(x -> rule.equals(x.get("rule"))).map(x -> (Boolean) x.get("satisfied")).findFirst().orElseThrow();
    }

    @Test
    void report_countsByRuleKindAndDivision_worstFirst_paged() {
        Client viewer = as("weihai", "VIEWER");
        Result r = viewer.run("complianceReport", "first", 10).assertOk();
        int stations = r.integer("complianceReport.totals.stations");
        assertTrue(stations >= 60, r.raw());
        assertTrue(r.integer("complianceReport.totals.violations") > 0);
        List<Map<String, Object>> edges = r.get("complianceReport.stations.edges");
        int previous = Integer.MAX_VALUE;
        for (Map<String, Object> e : edges) {
            int v = ((Number) Fixtures.node(e).get("violations")).intValue();
            assertTrue(v <= previous, "not worst first");
            previous = v;
        }
        List<Map<String, Object>> byRule = r.get("complianceReport.byRule");
        assertFalse(byRule.isEmpty());
        for (String severity : List.of("VIOLATION", "ADVISORY")) {
            assertEquals(r.integer("complianceReport.totals." + (severity.equals("VIOLATION") ? "violations" : "advisories")),
                    byRule.stream().filter(x -> severity.equals(x.get("severity")))
                            .mapToInt(x -> ((Number) x.get("findings")).intValue()).sum(),
                    "byRule counts each rule's findings under their own severity: " + severity);
        }
        assertFalse(((List<?>) r.get("complianceReport.byDivision")).isEmpty());
        Result next = viewer.run("complianceReport", "first", 10, "after", r.string("complianceReport.stations.pageInfo.endCursor")).assertOk();
        List<Map<String, Object>> second = next.get("complianceReport.stations.edges");
        assertEquals(10, second.size());
        assertTrue(((Number) Fixtures.node(second.getFirst()).get("violations")).intValue() <= previous);
        Result filtered = viewer.run("complianceReport", "filter", Map.of("severity", "ADVISORY"), "first", 100).assertOk();
        List<Map<String, Object>> withAdvisories = filtered.get("complianceReport.stations.edges");
        assertTrue(withAdvisories.stream().allMatch(e -> ((Number) Fixtures.node(e).get("advisories")).intValue() > 0));
    }

    @Test
    void report_costsTheSameStatementsForFewAndManyStations() {
        Result small = as("qingpu", "VIEWER").warm().run("complianceReport", "first", 5).assertOk();
        Result large = as("weihai", "VIEWER").warm().run("complianceReport", "first", 5).assertOk();
        assertTrue(large.integer("complianceReport.totals.stations") >= 60);
        // tenant, profile, stations checked that day, their status histories, divisions as of then,
        // posts with their workers, training, designations, first posts' days, plans, featured cases,
        // supervisors' rectifications, completions of due items, report divisions
        assertTrue(large.sqlStatements() <= 14, "statements: " + large.sqlStatements());
        assertEquals(small.sqlStatements(), large.sqlStatements(), "a query per station");
    }

    @Test
    void aPageOfAHundredStationsWithTheirCompliance_isWithinTheQueryLimits() {
        Result r = as("weihai", "VIEWER").run("stationPageWithCompliance", "first", 100).assertOk();
        assertTrue(((List<?>) r.get("stations.edges")).size() >= 60, r.raw());
        Result tooMuch = as("weihai", "VIEWER").run("tooComplex");
        tooMuch.assertError("QUERY_TOO_COMPLEX", null);
        assertTrue(tooMuch.errorMessage().contains("smaller pages (`first`)"), "the refusal says what to ask instead");
    }

    @Test
    void compliance_onADateBeforeAnyProfile_saysSo() {
        Client viewer = as("wuhan", "VIEWER");
        String station = Fixtures.stationId(viewer, "dazhi");
        Result r = viewer.run("stationCompliance", "id", station, "on", "2019-01-01").assertOk();
        r.assertNullAt("node.compliance.profile");
        assertEquals("no_profile", r.string("node.compliance.findings.0.rule"));
    }

    @Test
    void compliance_ofAPageOfStations_isBatched() {
        Client viewer = as("weihai", "VIEWER").warm();
        String doc = "query($first:Int){ stations(first:$first){ edges { node { compliance { violations findings { rule } } } } } }";
        Result five = viewer.query(doc, Map.of("first", 5)).assertOk();
        Result fifty = viewer.query(doc, Map.of("first", 50)).assertOk();
        assertEquals(five.sqlStatements(), fifty.sqlStatements());
    }
}
