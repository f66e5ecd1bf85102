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
import java.util.function.Consumer;

import static io.shegong.support.Fixtures.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Severity follows the document's own words: the parser refuses a rule without them or with a
 * severity they contradict, and the bureaus' rules the documents soften or leave open come out as
 * advice, each shown with a case that passes and one that fails.
 */
@MicronautTest(transactional = false)
@SuppressWarnings("unchecked")
class SeverityWordingTest extends GraphQLTestBase {

    // ---- the parser --------------------------------------------------------------------------

    /** A new bureau's draft from a template, and its document. */
    private record Draft(Client admin, String id, Map<String, Object> document) {
        Result save(Consumer<Map<String, Object>> edit) {
            Map<String, Object> doc = document;
            edit.accept(doc);
            return admin.run("updatePolicyDraft", "input", Map.of("id", id, "version", 1, "document", doc));
        }
    }

    private Draft draftFrom(String template) {
        String code = unique("t").replace("_", "-");
        platformAdmin().run("createTenant", "input", Map.of("code", code, "nameZh", "测试区民政局", "nameEn", "Test Bureau",
                "level", "DISTRICT", "region", "测试省")).assertOk();
        Client admin = as(code, "TENANT_ADMIN");
        Result r = admin.run("createPolicyDraft", "input", Map.of("fromTemplate", template)).assertOk();
        return new Draft(admin, r.string("createPolicyDraft.profile.id"), r.get("createPolicyDraft.profile.document"));
    }

    private static Map<String, Object> at(Map<String, Object> doc, String list, int index) {
        return ((List<Map<String, Object>>) doc.get(list)).get(index);
    }

    @Test
    void qingpuStaffing_generallyAtLeastThree_isRefusedAsAViolation_acceptedAsAdvice() {
        Draft draft = draftFrom("qingpu");
        Result refused = draft.save(d -> at(d, "staffingRules", 0).put("severity", "VIOLATION"));
        refused.assertError("BAD_USER_INPUT", "input.document.staffingRules[0].severity");
        assertTrue(refused.errorMessage().contains("“一般”"), refused.errorMessage());
        draft.save(d -> at(d, "staffingRules", 0).put("severity", "ADVISORY")).assertOk();
    }

    @Test
    void shangchengDedicatedStaff_mustBeFullTime_isRefusedAsAdvice_acceptedAsAViolation() {
        Draft draft = draftFrom("shangcheng");
        Result refused = draft.save(d -> at(d, "qualificationRules", 0).put("severity", "ADVISORY"));
        refused.assertError("BAD_USER_INPUT", "input.document.qualificationRules[0].severity");
        assertTrue(refused.errorMessage().contains("“必须”"), refused.errorMessage());
        draft.save(d -> at(d, "qualificationRules", 0).put("severity", "VIOLATION")).assertOk();
    }

    @Test
    void wuhanStaffing_withoutARequirementWord_isRefusedAsAViolation() {
        Draft draft = draftFrom("wuhan");
        Result refused = draft.save(d -> at(d, "staffingRules", 0).put("severity", "VIOLATION"));
        refused.assertError("BAD_USER_INPUT", "input.document.staffingRules[0].severity");
        assertTrue(refused.errorMessage().contains("no requirement word"), refused.errorMessage());
        draft.save(d -> at(d, "staffingRules", 0).remove("severity")).assertOk();
    }

    @Test
    void wuhanRooms_withoutWording_areRefusedWithThePath_withTheirWordingAccepted() {
        Draft draft = draftFrom("wuhan");
        Map<String, Object> rooms = (Map<String, Object>) at(draft.document(), "stationKinds", 1).get("rooms");
        Object wording = rooms.remove("wording");
        draft.save(d -> { }).assertError("BAD_USER_INPUT", "input.document.stationKinds[1].rooms.wording");
        draft.save(d -> rooms.put("wording", wording)).assertOk();
    }

    @Test
    void qingpuRecordCheck_aBureauSetting_isRefusedAsAViolation() {
        Draft draft = draftFrom("qingpu");
        Result refused = draft.save(d -> at(d, "recordChecks", 0).put("severity", "VIOLATION"));
        refused.assertError("BAD_USER_INPUT", "input.document.recordChecks[0].severity");
        assertTrue(refused.errorMessage().contains("bureau setting"), refused.errorMessage());
        draft.save(d -> at(d, "recordChecks", 0).put("severity", "ADVISORY")).assertOk();
    }

    // ---- the bureaus' corrected rules ---------------------------------------------------------

    private String station(Client admin, String kind, String division, String mode, List<String> rooms, List<String> rules) {
        return admin.run("createStation", "input", Map.of("code", unique("sev"), "name", "测试社工站", "kind", kind,
                "divisionId", division, "operatingMode", mode, "status", "OPERATING", "statusSince", "2024-01-01",
                "rooms", rooms, "rules", rules)).assertOk().string("createStation.station.id");
    }

    private String worker(Client admin, String name, Map<String, Object> facts) {
        Map<String, Object> in = new HashMap<>(Map.of("name", name, "birthDate", "1990-01-01", "educationLevel", "BACHELOR",
                "educationMajor", "社会工作", "certificateLevel", "ASSISTANT", "certificateDate", "2018-06-01",
                "socialWorkYears", 6, "communityWorkYears", 6, "lastRecordCheckOn", TODAY.minusMonths(1).toString()));
        in.putAll(facts);
        return admin.run("registerWorker", "input", in).assertOk().string("registerWorker.worker.id");
    }

    private void post(Client admin, String station, String role, String name, Map<String, Object> facts) {
        admin.run("assignWorker", "input", Map.of("workerId", worker(admin, name, facts), "stationId", station,
                "role", role, "startsOn", "2024-01-01")).assertOk();
    }

    private List<Map<String, Object>> findings(Client admin, String station) {
        return admin.run("stationCompliance", "id", station).assertOk().get("node.compliance.findings");
    }

    private static Optional<Map<String, Object>> finding(List<Map<String, Object>> findings, String rule) {
        return findings.stream().filter(f -> rule.equals(f.get("rule"))).findFirst();
    }

    private static void assertAdvice(List<Map<String, Object>> findings, String rule, String word) {
        Map<String, Object> f = finding(findings, rule).orElseThrow(() -> new AssertionError("no " + rule + " in " + findings));
        assertEquals("ADVISORY", f.get("severity"), f.toString());
        assertTrue(f.get("wording").toString().contains(word), f.toString());
    }

    @Test
    void qingpuStaffing_twoOfTheStreetsOwnStaff_isAdviceOnly_threeWithAHeadPass() {
        Client admin = as("qingpu", "TENANT_ADMIN");
        String station = station(admin, "comprehensive", Fixtures.divisionId(admin, "xiayang"), "SELF_RUN",
                List.of(), List.of());
        post(admin, station, "SOCIAL_WORKER", "青一", Map.of());
        post(admin, station, "SOCIAL_WORKER", "青二", Map.of());
        List<Map<String, Object>> two = findings(admin, station);
        assertAdvice(two, "qingpu_comprehensive_staffing", "一般");
        assertAdvice(two, "qingpu_comprehensive_staffing_head", "可");
        assertTrue(two.stream().noneMatch(f -> "VIOLATION".equals(f.get("severity"))), two.toString());

        post(admin, station, "HEAD", "青三", Map.of());
        List<Map<String, Object>> three = findings(admin, station);
        assertTrue(three.stream().noneMatch(f -> f.get("rule").toString().startsWith("qingpu_comprehensive_staffing")), three.toString());
    }

    @Test
    void qingpuRecordCheck_overdueByTheBureausTwelveMonths_saysItIsTheBureausSetting() {
        Client admin = as("qingpu", "TENANT_ADMIN");
        String station = station(admin, "comprehensive", Fixtures.divisionId(admin, "xiayang"), "SELF_RUN", List.of(), List.of());
        post(admin, station, "SOCIAL_WORKER", "近期已查", Map.of());
        post(admin, station, "SOCIAL_WORKER", "久未查询", Map.of("lastRecordCheckOn", TODAY.minusMonths(13).toString()));
        List<Map<String, Object>> found = findings(admin, station).stream()
                .filter(f -> "criminal_record_check".equals(f.get("rule"))).toList();
        assertEquals(1, found.size(), found.toString());
        Map<String, Object> f = found.getFirst();
        assertEquals("ADVISORY", f.get("severity"));
        assertEquals(true, f.get("bureauSetting"));
        assertTrue(f.get("messageZh").toString().startsWith("久未查询") && f.get("messageZh").toString().endsWith("（本局自行设定，非文件规定）"), f.toString());
        assertTrue(f.get("messageEn").toString().endsWith("(the bureau's own setting, not the document's)"), f.toString());
        assertTrue(f.get("wording").toString().contains("定期"), f.toString());
    }

    @Test
    void shangchengDeputyHead_mayBeSetWhenStaffedWithFive_isAdviceOnly() {
        Client admin = as("shangcheng", "TENANT_ADMIN");
        String street = admin.run("createDivision", "input", Map.of("code", unique("street"), "level", "STREET", "nameZh", "示例街道",
                "parentId", Fixtures.divisionId(admin, "shangcheng"), "communityCount", 20)).assertOk().string("createDivision.division.id");
        String withoutDeputy = station(admin, "street_station", street, "SELF_RUN", List.of(), List.of());
        String withDeputy = station(admin, "street_station", street, "SELF_RUN", List.of(), List.of());
        for (String station : List.of(withoutDeputy, withDeputy)) {
            post(admin, station, "HEAD", "上城站长", Map.of());
            post(admin, station, station.equals(withDeputy) ? "DEPUTY_HEAD" : "SOCIAL_WORKER", "上城二", Map.of());
            for (int i = 3; i <= 5; i++) {
                post(admin, station, "SOCIAL_WORKER", "上城社工" + i, Map.of());
            }
        }
        List<Map<String, Object>> missing = findings(admin, withoutDeputy);
        assertAdvice(missing, "shangcheng_street_staffing_deputy_head", "可设副站长");
        assertTrue(missing.stream().noneMatch(f -> "VIOLATION".equals(f.get("severity"))), missing.toString());
        assertTrue(finding(findings(admin, withDeputy), "shangcheng_street_staffing_deputy_head").isEmpty());
    }

    @Test
    void wuhanRooms_fittedAsLocalConditionsAllow_areAdvice_whileItsRulesStayRequired() {
        Client admin = as("wuhan", "TENANT_ADMIN");
        String dazhi = Fixtures.divisionId(admin, "dazhi");
        String bare = station(admin, "street_station", dazhi, "PURCHASED", List.of(), List.of());
        List<Map<String, Object>> found = findings(admin, bare);
        assertAdvice(found, "required_rooms", "因地制宜");
        Map<String, Object> rules = finding(found, "required_rules").orElseThrow();
        assertEquals("VIOLATION", rules.get("severity"), rules.toString());
        assertTrue(rules.get("wording").toString().contains("应有"), rules.toString());

        String fitted = station(admin, "street_station", dazhi, "PURCHASED",
                List.of("office", "case_room", "group_room", "multi_function_room", "signage"), List.of());
        assertTrue(finding(findings(admin, fitted), "required_rooms").isEmpty());
    }

    @Test
    void weihaiBasicEligibility_saysRequiredWithoutARequirementWord_isAdviceOnly() {
        Client admin = as("weihai", "TENANT_ADMIN");
        String station = Fixtures.stationId(admin, "zhangcun");
        post(admin, station, "SOCIAL_WORKER", "威海年长社工", Map.of("birthDate", "1970-01-01", "educationLevel", "COLLEGE"));
        post(admin, station, "SOCIAL_WORKER", "威海年轻社工", Map.of("birthDate", "1995-01-01", "educationLevel", "COLLEGE"));
        List<Map<String, Object>> eligibility = findings(admin, station).stream()
                .filter(f -> "weihai_basic_eligibility".equals(f.get("rule"))
                        && f.get("messageZh").toString().startsWith("威海年")).toList();
        assertEquals(1, eligibility.size(), eligibility.toString());
        assertTrue(eligibility.getFirst().get("messageZh").toString().startsWith("威海年长社工"), eligibility.toString());
        assertAdvice(eligibility, "weihai_basic_eligibility", "要求");
    }

    @Test
    void yangpuRules_aReportOfTheDistrictsGuidance_areAdviceOnly() {
        Client admin = as("yangpu", "TENANT_ADMIN");
        String division = Fixtures.divisionId(admin, "dinghailu");
        assertAdvice(findings(admin, station(admin, "comprehensive", division, "PURCHASED", List.of(), List.of())),
                "required_rules", "制度建设");
        String ruled = station(admin, "comprehensive", division, "PURCHASED", List.of(), List.of("organisation", "operation",
                "project_management", "project_reports", "staff", "supervision", "volunteers", "training",
                "performance_assessment", "pay"));
        assertTrue(finding(findings(admin, ruled), "required_rules").isEmpty());
    }
}
