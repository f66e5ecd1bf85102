package io.shegong.compliance;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.shegong.support.GraphQLTestBase;
import io.shegong.support.Result;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import static io.shegong.support.Fixtures.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Compliance on a past date reads the registry as it stood then: the stations checked that day
 * by their status history, the posts current then, certificates obtained by then, the division
 * attributes of then, and the profile in force then. Today is 2026-11-25 (the tests' clock).
 */
@MicronautTest(transactional = false)
@SuppressWarnings("unchecked")
class PastComplianceTest extends GraphQLTestBase {

    /** A new bureau on Shangcheng's profile, in force from 2026-01-01. */
    private Client shangchengBureau() {
        return bureau("shangcheng");
    }

    private Client bureau(String template) {
        return newBureau(template, "2026-01-01");
    }

    private static String street(Client admin, int communities) {
        String district = admin.run("createDivision", "input", Map.of("code", unique("qu"), "level", "DISTRICT",
                "nameZh", "上城区")).assertOk().string("createDivision.division.id");
        return admin.run("createDivision", "input", Map.of("code", unique("jd"), "level", "STREET", "nameZh", "湖滨街道",
                "parentId", district, "communityCount", communities)).assertOk().string("createDivision.division.id");
    }

    private static String station(Client admin, String division, String since) {
        return admin.run("createStation", "input", Map.of("code", unique("st"), "name", "杭州市上城区湖滨街道社会工作站",
                "kind", "street_station", "divisionId", division, "operatingMode", "SELF_RUN", "status", "OPERATING",
                "statusSince", since)).assertOk().string("createStation.station.id");
    }

    private static String worker(Client admin, String name, Consumer<Map<String, Object>> extra) {
        Map<String, Object> in = new HashMap<>(Map.of("name", name, "educationLevel", "BACHELOR", "birthDate", "1990-01-01",
                "fullTime", true, "certificateLevel", "ASSISTANT", "certificateDate", "2020-01-01"));
        extra.accept(in);
        return admin.run("registerWorker", "input", in).assertOk().string("registerWorker.worker.id");
    }

    private static void post(Client admin, String worker, String station, String role, String from) {
        post(admin, worker, station, role, from, true);
    }

    private static void post(Client admin, String worker, String station, String role, String from, boolean fullTime) {
        admin.run("assignWorker", "input", Map.of("workerId", worker, "stationId", station, "role", role,
                "startsOn", from, "fullTime", fullTime)).assertOk();
    }

    private static Result on(Client admin, String station, String day) {
        return admin.run("stationStanding", "id", station, "on", day).assertOk();
    }

    private static List<String> rules(Result r) {
        return ((List<Map<String, Object>>) r.get("node.compliance.findings")).stream().map(f -> (String) f.get("rule")).toList();
    }

    private static String finding(Result r, String rule) {
        return ((List<Map<String, Object>>) r.get("node.compliance.findings")).stream()
                .filter(f -> rule.equals(f.get("rule"))).map(f -> (String) f.get("messageEn")).findFirst().orElse(null);
    }

    @Test
    void shangchengStaffing_onADateBeforeTheCommunityCountChanged_readsTheCountOfThen() {
        Client admin = shangchengBureau();
        String division = street(admin, 5);
        String station = station(admin, division, "2026-01-05");
        for (String name : List.of("赵一", "钱二", "孙三")) {
            post(admin, worker(admin, name, w -> { }), station, "SOCIAL_WORKER", "2026-01-05");
        }
        Result before = on(admin, station, "2026-09-30");
        assertNull(finding(before, "shangcheng_street_staffing"), "3 certified full-time workers for 5 communities");
        Map<String, Object> grown = Map.of("id", division, "version", 1, "communityCount", 20, "attributesEffectiveOn", "2026-10-01");
        admin.run("updateDivision", "input", grown).assertOk();
        assertNull(finding(on(admin, station, "2026-09-30"), "shangcheng_street_staffing"), "the past keeps its count");
        String after = finding(on(admin, station, "2026-10-01"), "shangcheng_street_staffing");
        assertTrue(after != null && after.startsWith("needs 5 "), after);
        assertTrue(finding(on(admin, station, "2026-11-25"), "shangcheng_street_staffing").startsWith("needs 5 "));
    }

    @Test
    void divisionAttributes_effectiveInTheFutureOrBeforeTheLastChange_areRefused() {
        Client admin = shangchengBureau();
        String division = street(admin, 5);
        admin.run("updateDivision", "input", Map.of("id", division, "version", 1, "communityCount", 9,
                "attributesEffectiveOn", "2026-11-26")).assertError("BAD_USER_INPUT", "input.attributesEffectiveOn");
        admin.run("updateDivision", "input", Map.of("id", division, "version", 1, "communityCount", 9,
                "attributesEffectiveOn", "2026-10-01")).assertOk();
        Result early = admin.run("updateDivision", "input", Map.of("id", division, "version", 2, "zone", "A",
                "attributesEffectiveOn", "2026-09-01"));
        early.assertError("BAD_USER_INPUT", "input.attributesEffectiveOn");
        assertTrue(early.errorMessage().contains("2026-10-01"), early.errorMessage());
        admin.run("updateDivision", "input", Map.of("id", division, "version", 2, "nameZh", "湖滨街道（新）",
                "attributesEffectiveOn", "2026-09-01")).assertOk(); // a rename leaves the attributes' history alone
    }

    @Test
    void station_isCheckedOnlyWhileSignedOperatingOrSuspended_byItsStatusHistory() {
        Client admin = shangchengBureau();
        String division = street(admin, 5);
        String station = station(admin, division, "2026-03-01");
        admin.run("changeStationStatus", "input", Map.of("id", station, "version", 1, "status", "SUSPENDED",
                "effectiveOn", "2026-06-01")).assertOk();
        admin.run("closeStation", "input", Map.of("id", station, "version", 2, "closedOn", "2026-09-01")).assertOk();

        Result unregistered = on(admin, station, "2026-02-28");
        assertEquals("NOT_CHECKED", unregistered.string("node.compliance.standing"));
        unregistered.assertNullAt("node.compliance.statusOn");
        unregistered.assertNullAt("node.compliance.compliant");
        assertEquals(List.of("not_checked"), rules(unregistered));

        Result suspended = on(admin, station, "2026-07-01");
        assertEquals("SUSPENDED", suspended.string("node.compliance.statusOn"));
        assertEquals("COMPLIANT", suspended.string("node.compliance.standing"), "judged (staffing is only advice here)");
        assertTrue(rules(suspended).contains("shangcheng_street_staffing"), "judged: no staff at all");

        Result closed = on(admin, station, "2026-10-01");
        assertEquals("CLOSED", closed.string("node.compliance.statusOn"));
        assertEquals("NOT_CHECKED", closed.string("node.compliance.standing"));

        Map<String, Object> here = Map.of("divisionId", division);
        assertEquals(0, admin.run("reportPages", "on", "2026-02-28", "filter", here).assertOk().integer("complianceReport.totals.stations"));
        assertEquals(1, admin.run("reportPages", "on", "2026-07-01", "filter", here).assertOk().integer("complianceReport.totals.stations"));
        assertEquals(0, admin.run("reportPages", "on", "2026-10-01", "filter", here).assertOk().integer("complianceReport.totals.stations"));
    }

    @Test
    void compliance_beforeAnyProfileIsInForce_isNotJudgedCompliant() {
        Client admin = shangchengBureau();
        String station = station(admin, street(admin, 5), "2025-06-01");
        Result r = on(admin, station, "2025-12-31");
        assertEquals("NO_PROFILE", r.string("node.compliance.standing"));
        r.assertNullAt("node.compliance.compliant");
        assertEquals(List.of("no_profile"), rules(r));
        Result report = admin.run("reportPages", "on", "2025-12-31").assertOk();
        assertEquals(1, report.integer("complianceReport.totals.stations"));
        assertEquals(0, report.integer("complianceReport.totals.compliant"), "nothing is compliant by default");
        assertEquals(1, report.integer("complianceReport.totals.undetermined"));
        assertEquals("COMPLIANT", on(admin, station, "2026-11-25").string("node.compliance.standing"), "judged today");
    }

    @Test
    void postsAndCertificates_countFromTheirDates() {
        Client admin = shangchengBureau();
        String station = station(admin, street(admin, 5), "2026-01-05");
        String head = worker(admin, "李站长", w -> w.putAll(Map.of("certificateLevel", "INTERMEDIATE", "certificateDate", "2026-06-01")));
        admin.run("designate", "input", Map.of("kind", "SUPERVISOR", "level", "CITY", "workerId", head, "awardedOn", "2026-06-01"))
                .assertOk();
        post(admin, head, station, "HEAD", "2026-01-05");
        String late = worker(admin, "周社工", w -> { });
        post(admin, late, station, "SOCIAL_WORKER", "2026-09-01");

        // 站长原则上从……督导中选配: a designation is not held before its date
        Result spring = admin.run("workerQualification", "id", head, "on", "2026-05-31").assertOk();
        Result summer = admin.run("workerQualification", "id", head, "on", "2026-06-01").assertOk();
        assertEquals(false, satisfied(spring, "shangcheng_head_from_talents"));
        assertEquals(true, satisfied(summer, "shangcheng_head_from_talents"));

        List<String> augustWorkers = workersNamed(on(admin, station, "2026-08-31"));
        List<String> septemberWorkers = workersNamed(on(admin, station, "2026-09-01"));
        assertFalse(augustWorkers.contains("周社工"), "a post that starts later is not counted before it starts");
        assertTrue(septemberWorkers.contains("周社工") || finding(on(admin, station, "2026-09-01"), "shangcheng_street_staffing")
                .endsWith("has 2"), "counted from its first day");
    }

    private static Object satisfied(Result r, String rule) {
        return ((List<Map<String, Object>>) r.get("node.qualification")).stream().filter(q -> rule.equals(q.get("rule")))
                .map(q -> q.get("satisfied")).findFirst().orElse(null);
    }

    /** Workers named by the staffing finding (those counted). */
    private static List<String> workersNamed(Result r) {
        return ((List<Map<String, Object>>) r.get("node.compliance.findings")).stream()
                .filter(f -> "shangcheng_street_staffing".equals(f.get("rule")))
                .flatMap(f -> ((List<Map<String, Object>>) f.get("workers")).stream()).map(w -> (String) w.get("name")).toList();
    }

    @Test
    void qingpuRecordCheck_onADateBeforeTheOnlyCheckOnFile_cannotBeDetermined() {
        Client admin = bureau("qingpu");
        String station = admin.run("createStation", "input", Map.of("code", unique("st"), "name", "青浦区夏阳街道社会工作服务站",
                "kind", "comprehensive", "divisionId", street(admin, 5), "operatingMode", "SELF_RUN", "status", "OPERATING",
                "statusSince", "2026-01-05")).assertOk().string("createStation.station.id");
        post(admin, worker(admin, "吴社工", w -> w.put("lastRecordCheckOn", "2026-10-01")), station, "SOCIAL_WORKER", "2026-01-05");

        Result september = on(admin, station, "2026-09-01");
        Map<String, Object> unknown = ((List<Map<String, Object>>) september.get("node.compliance.findings")).stream()
                .filter(f -> "criminal_record_check".equals(f.get("rule"))).findFirst().orElseThrow();
        assertEquals("INFO", unknown.get("severity"), "only the latest check is on file: never a finding against the worker");
        assertTrue(unknown.get("messageEn").toString().contains("2026-10-01"), unknown.toString());
        assertNull(finding(on(admin, station, "2026-11-25"), "criminal_record_check"), "checked within 12 months");
    }

    @Test
    void servicePlan_isCheckedAgainstTheProfileOfItsYear() {
        Client admin = shangchengBureau();
        String station = station(admin, street(admin, 5), "2025-06-01");
        Result r = admin.run("saveServicePlan", "input", Map.of("stationId", station, "year", 2025, "projects", List.of()));
        r.assertError("BAD_USER_INPUT", "input.year");
        assertTrue(r.errorMessage().contains("2025-12-31"), "a 2025 plan is judged by the profile of 2025: " + r.errorMessage());
        admin.run("saveServicePlan", "input", Map.of("stationId", station, "year", 2027, "projects", List.of())).assertOk();
    }

    @Test
    void whatIf_aWorkerWhoStopsQualifying_isNewlyFailing_evenAtAStationThatAlreadyFails() {
        Client admin = shangchengBureau();
        String station = station(admin, street(admin, 5), "2026-01-05");
        post(admin, worker(admin, "兼职甲", w -> w.put("fullTime", false)), station, "SOCIAL_WORKER", "2026-01-05", false);
        String uncertified = worker(admin, "无证乙", w -> { w.put("certificateLevel", "NONE"); w.remove("certificateDate"); });
        post(admin, uncertified, station, "SOCIAL_WORKER", "2026-01-05");
        assertEquals("NOT_COMPLIANT", on(admin, station, "2026-11-25").string("node.compliance.standing"), "兼职甲 is not dedicated");

        String inForce = admin.run("policyInForce").assertOk().string("policyProfile.id");
        Result draft = admin.run("createPolicyDraft", "input", Map.of("fromProfileId", inForce)).assertOk();
        Map<String, Object> doc = draft.get("createPolicyDraft.profile.document");
        Map<String, Object> dedicated = ((List<Map<String, Object>>) doc.get("qualificationRules")).getFirst();
        Map<String, Object> alternative = ((List<Map<String, Object>>) dedicated.get("alternatives")).getFirst();
        alternative.put("conditions", List.of(Map.of("labelZh", "专职且持证", "labelEn", "full-time and certified",
                "expression", "fullTime && certificateRank >= 1")));
        String draftId = draft.string("createPolicyDraft.profile.id");
        admin.run("updatePolicyDraft", "input", Map.of("id", draftId, "version", 1, "document", doc)).assertOk();

        Result whatIf = admin.run("workerWhatIf", "draftId", draftId).assertOk();
        assertEquals(List.of(), (List<?>) whatIf.get("policyWhatIf.stationsNewlyFailing"), "the station failed already");
        assertEquals(List.of(Map.of("name", "无证乙")), (List<?>) whatIf.get("policyWhatIf.workersNewlyFailing"));
        assertEquals(List.of(), whatIf.get("policyWhatIf.workersNewlyPassing"));
        List<Map<String, Object>> changes = whatIf.get("policyWhatIf.workerChanges");
        assertEquals(1, changes.size(), changes.toString());
        assertEquals("shangcheng_dedicated_staff", changes.getFirst().get("rule"));
        assertEquals(Map.of("satisfied", true), changes.getFirst().get("before"));
        assertEquals(Map.of("satisfied", false), changes.getFirst().get("after"));
    }

    @Test
    void reportPages_afterTheFirst_readTheFirstPagesEvaluation() {
        Client viewer = as("weihai", "VIEWER");
        Result first = viewer.run("reportPages", "first", 20).assertOk();
        Result second = viewer.run("reportPages", "first", 20, "after", first.string("complianceReport.stations.pageInfo.endCursor")).assertOk();
        assertTrue(second.sqlStatements() < 3 && second.sqlStatements() < first.sqlStatements(),
                "page 2 took " + second.sqlStatements() + " statements, page 1 " + first.sqlStatements());
        assertEquals((Object) first.get("complianceReport.totals"), second.get("complianceReport.totals"));
        List<Object> firstCodes = codes(first);
        for (Object code : codes(second)) {
            assertFalse(firstCodes.contains(code), "no station twice: " + code);
        }
        // a cursor whose evaluation is gone (expired, or from another replica) still finds its place
        List<Map<String, Object>> edges = first.get("complianceReport.stations.edges");
        String stationCursor = edges.getLast().get("cursor").toString();
        String stationId = new String(Base64.getUrlDecoder().decode(stationCursor), StandardCharsets.UTF_8).split("\u0000")[1];
        String stale = Base64.getUrlEncoder().withoutPadding().encodeToString((UUID.randomUUID() + "\u0000" + stationId)
                .getBytes(StandardCharsets.UTF_8));
        Result again = viewer.run("reportPages", "first", 20, "after", stale).assertOk();
        assertEquals(codes(second), codes(again));
        assertTrue(again.sqlStatements() > second.sqlStatements(), "evaluated again");
    }

    @Test
    void reportAYearBack_costsTheSameStatementsAsToday_forFewAndManyStations() {
        Result fewToday = as("qingpu", "VIEWER").warm().run("reportPages", "first", 5).assertOk();
        Result manyToday = as("weihai", "VIEWER").warm().run("reportPages", "first", 5).assertOk();
        Result fewBack = as("qingpu", "VIEWER").run("reportPages", "first", 5, "on", "2025-11-25").assertOk();
        Result manyBack = as("weihai", "VIEWER").run("reportPages", "first", 5, "on", "2025-11-25").assertOk();
        assertTrue(manyToday.integer("complianceReport.totals.stations") > fewToday.integer("complianceReport.totals.stations"));
        assertEquals(fewToday.sqlStatements(), manyToday.sqlStatements());
        assertEquals(fewToday.sqlStatements(), fewBack.sqlStatements());
        assertEquals(fewToday.sqlStatements(), manyBack.sqlStatements());
    }

    @Test
    void reportByRule_namesEachRule_byTheProfilesLabelOrTheServicesName() {
        List<Map<String, Object>> rules = as("wuhan", "VIEWER").run("reportByRule").assertOk().get("complianceReport.byRule");
        Map<String, Object> staffing = rules.stream().filter(r -> "wuhan_street_staffing".equals(r.get("rule"))).findFirst().orElseThrow();
        assertTrue(!staffing.get("labelZh").equals("wuhan_street_staffing") && staffing.get("labelZh").toString().contains("社工"),
                staffing.toString());
        Map<String, Object> rulesFinding = rules.stream().filter(r -> "required_rules".equals(r.get("rule"))).findFirst().orElseThrow();
        assertEquals("制度", rulesFinding.get("labelZh"));
        assertEquals("Required rules", rulesFinding.get("labelEn"));
    }

    private static List<Object> codes(Result r) {
        return ((List<Map<String, Object>>) r.get("complianceReport.stations.edges")).stream()
                .map(e -> ((Map<String, Object>) ((Map<String, Object>) e.get("node")).get("station")).get("code")).toList();
    }
}
