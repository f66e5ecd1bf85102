package io.shegong.compliance;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.shegong.support.Fixtures;
import io.shegong.support.GraphQLTestBase;
import io.shegong.support.Result;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.shegong.support.Fixtures.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Posts the documents set by how a station is run (Shangcheng 001 四、(三), Qingpu 000 三、(五)):
 * a requirement applies only to stations run in its operating modes, an optional post is never a
 * finding, and who counts toward the staff follows the post (Shangcheng's operations supervisor
 * is the operator's, not one of the station's certified staff). Each with a passing and a failing
 * case.
 */
@MicronautTest(transactional = false)
@SuppressWarnings("unchecked")
class OperatingModeTest extends GraphQLTestBase {

    /** A Shangcheng street covering 5 communities (3 certified staff) and a street station on it run in a mode. */
    private String shangchengStation(Client admin, String mode) {
        String street = admin.run("createDivision", "input", Map.of("code", unique("street"), "level", "STREET", "nameZh", "示例街道",
                "parentId", Fixtures.divisionId(admin, "shangcheng"), "communityCount", 5)).assertOk().string("createDivision.division.id");
        return station(admin, "street_station", street, mode);
    }

    private String station(Client admin, String kind, String division, String mode) {
        return admin.run("createStation", "input", Map.of("code", unique("mode"), "name", "测试社工站", "kind", kind,
                "divisionId", division, "operatingMode", mode, "status", "OPERATING", "statusSince", "2024-01-01"))
                .assertOk().string("createStation.station.id");
    }

    /** A certified worker in a full-time post (unless said otherwise). */
    private void post(Client admin, String station, String role, boolean fullTime) {
        Map<String, Object> in = new HashMap<>(Map.of("name", "社工" + role, "birthDate", "1990-01-01", "educationLevel", "BACHELOR",
                "educationMajor", "社会工作", "certificateLevel", "INTERMEDIATE", "certificateDate", "2018-06-01",
                "socialWorkYears", 6, "communityWorkYears", 6, "lastRecordCheckOn", TODAY.minusMonths(1).toString()));
        String worker = admin.run("registerWorker", "input", in).assertOk().string("registerWorker.worker.id");
        admin.run("assignWorker", "input", Map.of("workerId", worker, "stationId", station, "role", role,
                "startsOn", "2024-01-01", "fullTime", fullTime)).assertOk();
    }

    private void post(Client admin, String station, String role) {
        post(admin, station, role, true);
    }

    private List<Map<String, Object>> findings(Client admin, String station) {
        return admin.run("stationCompliance", "id", station).assertOk().get("node.compliance.findings");
    }

    private static Optional<Map<String, Object>> finding(List<Map<String, Object>> findings, String rule) {
        return findings.stream().filter(f -> rule.equals(f.get("rule"))).findFirst();
    }

    private static Map<String, Object> required(List<Map<String, Object>> findings, String rule) {
        return finding(findings, rule).orElseThrow(() -> new AssertionError("no " + rule + " in " + findings));
    }

    // ---- Shangcheng 001 四、(三) --------------------------------------------------------------------

    @Test
    void shangcheng_selfRun_missingHead_isAdvisory() {
        Client admin = as("shangcheng", "TENANT_ADMIN");
        String station = shangchengStation(admin, "SELF_RUN");
        for (int i = 0; i < 3; i++) {
            post(admin, station, "SOCIAL_WORKER");
        }
        Map<String, Object> f = required(findings(admin, station), "shangcheng_street_staffing_head");
        assertEquals("ADVISORY", f.get("severity"), f.toString());
        assertTrue(f.get("wording").toString().startsWith("街道自主运营的可设站长1名"), f.toString());
        assertEquals("自主运营时需要1名站长，现有0名", f.get("messageZh"));
        assertEquals("needs 1 station head when self-run; has 0", f.get("messageEn"));

        post(admin, station, "HEAD");
        assertTrue(finding(findings(admin, station), "shangcheng_street_staffing_head").isEmpty());
    }

    @Test
    void shangcheng_mixedOperation_expectsNoHeadPost() {
        Client admin = as("shangcheng", "TENANT_ADMIN");
        String mixed = shangchengStation(admin, "MIXED");
        String selfRun = shangchengStation(admin, "SELF_RUN");
        for (String station : List.of(mixed, selfRun)) {
            post(admin, station, "SUPERVISOR", false);
            for (int i = 0; i < 3; i++) {
                post(admin, station, "SOCIAL_WORKER");
            }
        }
        // the head is the street public-service office director, acting concurrently: no post to miss
        List<Map<String, Object>> found = findings(admin, mixed);
        assertTrue(found.stream().noneMatch(f -> f.get("rule").toString().startsWith("shangcheng_street_staffing")), found.toString());
        assertTrue(finding(findings(admin, selfRun), "shangcheng_street_staffing_head").isPresent());
    }

    @Test
    void shangcheng_mixedOperation_deputyHeadIsOptional_whileSelfRunWithFiveAdvisesOne() {
        Client admin = as("shangcheng", "TENANT_ADMIN");
        String street = admin.run("createDivision", "input", Map.of("code", unique("street"), "level", "STREET", "nameZh", "示例街道",
                "parentId", Fixtures.divisionId(admin, "shangcheng"), "communityCount", 20)).assertOk().string("createDivision.division.id");
        String mixed = station(admin, "street_station", street, "MIXED");
        String selfRun = station(admin, "street_station", street, "SELF_RUN");
        post(admin, mixed, "SUPERVISOR", false);
        post(admin, selfRun, "HEAD");
        for (String station : List.of(mixed, selfRun)) {
            for (int i = station.equals(selfRun) ? 1 : 0; i < 5; i++) {
                post(admin, station, "SOCIAL_WORKER");
            }
        }
        assertTrue(finding(findings(admin, mixed), "shangcheng_street_staffing_deputy_head").isEmpty());
        Map<String, Object> advice = required(findings(admin, selfRun), "shangcheng_street_staffing_deputy_head");
        assertEquals("ADVISORY", advice.get("severity"));
        assertEquals("needs 1 deputy head when self-run and staffed with 5 or more; has 0", advice.get("messageEn"));
        assertEquals("自主运营、配备5人及以上时需要1名副站长，现有0名", advice.get("messageZh"));
    }

    @Test
    void shangcheng_mixedOperation_missingOperationsSupervisor_isAdvisory() {
        Client admin = as("shangcheng", "TENANT_ADMIN");
        String station = shangchengStation(admin, "MIXED");
        for (int i = 0; i < 3; i++) {
            post(admin, station, "SOCIAL_WORKER");
        }
        Map<String, Object> f = required(findings(admin, station), "shangcheng_street_staffing_supervisor");
        assertEquals("ADVISORY", f.get("severity"));
        assertEquals("运营督导由承接机构负责人或项目主管担任", f.get("wording"));
        assertEquals("needs 1 supervisor when run jointly with a third party; has 0", f.get("messageEn"));

        post(admin, station, "SUPERVISOR", false);
        assertTrue(finding(findings(admin, station), "shangcheng_street_staffing_supervisor").isEmpty());
        String selfRun = shangchengStation(admin, "SELF_RUN");
        assertTrue(finding(findings(admin, selfRun), "shangcheng_street_staffing_supervisor").isEmpty(),
                "a self-run station has no operator to supply a supervisor");
    }

    @Test
    void shangcheng_mixedOperation_operationsSupervisorCountsTowardTheCertifiedStaff_selfRunSupervisorDoesNot() {
        Client admin = as("shangcheng", "TENANT_ADMIN");
        String mixed = shangchengStation(admin, "MIXED");
        post(admin, mixed, "SUPERVISOR", false); // the operator's lead, not posted full-time at the station
        post(admin, mixed, "DEPUTY_HEAD");
        post(admin, mixed, "SOCIAL_WORKER");
        assertTrue(finding(findings(admin, mixed), "shangcheng_street_staffing").isEmpty(),
                "under mixed operation the operations supervisor stands where the head does");

        String selfRun = shangchengStation(admin, "SELF_RUN");
        post(admin, selfRun, "SUPERVISOR");
        post(admin, selfRun, "DEPUTY_HEAD");
        post(admin, selfRun, "SOCIAL_WORKER");
        Map<String, Object> f = required(findings(admin, selfRun), "shangcheng_street_staffing");
        assertEquals("needs 3 full-time certified social workers for 5 communities; has 2", f.get("messageEn"));
        assertEquals(2, ((List<?>) f.get("workers")).size(), f.toString());
    }

    // ---- Qingpu 000 三、(五) -------------------------------------------------------------------------

    @Test
    void qingpu_governmentAndThirdParty_needsNoHead() {
        Client admin = as("qingpu", "TENANT_ADMIN");
        String division = Fixtures.divisionId(admin, "xiayang");
        String thirdParty = station(admin, "comprehensive", division, "GOVERNMENT_AND_THIRD_PARTY");
        String selfRun = station(admin, "comprehensive", division, "SELF_RUN");
        for (String station : List.of(thirdParty, selfRun)) {
            for (int i = 0; i < 3; i++) {
                post(admin, station, "SOCIAL_WORKER");
            }
        }
        List<Map<String, Object>> operated = findings(admin, thirdParty);
        assertTrue(operated.stream().noneMatch(f -> f.get("rule").toString().startsWith("qingpu_comprehensive_staffing")),
                operated.toString());
        Map<String, Object> head = required(findings(admin, selfRun), "qingpu_comprehensive_staffing_head");
        assertEquals("ADVISORY", head.get("severity"));
        assertEquals("000 三、(五)1", head.get("source"));
        post(admin, selfRun, "HEAD");
        assertTrue(finding(findings(admin, selfRun), "qingpu_comprehensive_staffing_head").isEmpty());
    }

    // ---- the format ------------------------------------------------------------------------------

    private record Draft(Client admin, String id, Map<String, Object> document) {
        Result save() {
            return admin.run("updatePolicyDraft", "input", Map.of("id", id, "version", 1, "document", document));
        }

        Map<String, Object> role(int i) {
            Map<String, Object> rule = ((List<Map<String, Object>>) document.get("staffingRules")).getFirst();
            return ((List<Map<String, Object>>) rule.get("requiredRoles")).get(i);
        }
    }

    private Draft shangchengDraft() {
        String code = unique("m").replace("_", "-");
        platformAdmin().run("createTenant", "input", Map.of("code", code, "nameZh", "测试区民政局", "nameEn", "Test Bureau",
                "level", "DISTRICT", "region", "测试省")).assertOk();
        Client admin = as(code, "TENANT_ADMIN");
        Result r = admin.run("createPolicyDraft", "input", Map.of("fromTemplate", "shangcheng")).assertOk();
        return new Draft(admin, r.string("createPolicyDraft.profile.id"), r.get("createPolicyDraft.profile.document"));
    }

    @Test
    void roleRequirement_inAnUnknownOperatingMode_isRefusedWithThePath() {
        Draft draft = shangchengDraft();
        draft.role(0).put("operatingModes", List.of("自主运营"));
        Result refused = draft.save();
        refused.assertError("BAD_USER_INPUT", "input.document.staffingRules[0].requiredRoles[0].operatingModes");
        assertTrue(refused.errorMessage().contains("SELF_RUN"), refused.errorMessage());
        draft.role(0).put("operatingModes", List.of("SELF_RUN"));
        draft.save().assertOk();
    }

    @Test
    void optionalRole_whoseWordsRequireIt_orWithASeverity_isRefused() {
        Draft draft = shangchengDraft();
        Map<String, Object> deputy = draft.role(2);
        assertEquals(true, deputy.get("optional"));
        Object wording = deputy.put("wording", "与第三方机构混合运营的，应设副站长1名");
        Result required = draft.save();
        required.assertError("BAD_USER_INPUT", "input.document.staffingRules[0].requiredRoles[2].wording");
        assertTrue(required.errorMessage().contains("可"), required.errorMessage());
        deputy.put("wording", wording);
        deputy.put("severity", "ADVISORY");
        draft.save().assertError("BAD_USER_INPUT", "input.document.staffingRules[0].requiredRoles[2].severity");
        deputy.remove("severity");
        draft.save().assertOk();
    }
}
