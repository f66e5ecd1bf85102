package io.shegong.contract;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.shegong.support.Fixtures;
import io.shegong.support.GraphQLTestBase;
import io.shegong.support.Result;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.shegong.contract.ContractTest.create;
import static io.shegong.contract.ContractTest.operator;
import static io.shegong.contract.ContractTest.signed;
import static io.shegong.contract.ContractTest.weihaiInput;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each contract rule of the Weihai and Wuhan profiles, met and missed, and the profile section's
 * checks on save. Today is 2026-11-25.
 */
@MicronautTest
class ContractRulesTest extends GraphQLTestBase {

    private static List<Map<String, Object>> findings(Client client, String contract, String rule) {
        return findings(client, contract, rule, null);
    }

    private static List<Map<String, Object>> findings(Client client, String contract, String rule, String on) {
        Result r = (on == null ? client.run("contract", "id", contract) : client.run("contract", "id", contract, "on", on)).assertOk();
        return r.<List<Map<String, Object>>>get("node.findings").stream().filter(f -> rule.equals(f.get("rule"))).toList();
    }

    private static Map<String, Object> wuhanInput(Client admin, String operator, String startsOn, String endsOn) {
        Map<String, Object> in = new HashMap<>();
        in.put("title", Fixtures.unique("大智街道社工站项目"));
        in.put("purchaserId", Fixtures.divisionId(admin, "jiangan"));
        in.put("landingPartyId", Fixtures.divisionId(admin, "dazhi"));
        in.put("operatorId", operator);
        in.put("stationIds", List.of(Fixtures.stationId(admin, "dazhi")));
        in.put("startsOn", startsOn);
        in.put("endsOn", endsOn);
        in.put("price", "600000");
        return in;
    }

    private static void evaluate(Client client, String contract, int year, String kind, String on, String grade) {
        client.run("recordContractEvaluation", "input", Map.of("contractId", contract, "contractYear", year, "kind", kind,
                "evaluator", "第三方评估机构", "evaluatedOn", on, "grade", grade)).assertOk();
    }

    /** A new Weihai station of its own under 张村镇, with no posts. */
    private static String newStation(Client admin) {
        String code = Fixtures.unique("ct").replace("-", "_");
        return admin.run("createStation", "input", Map.of("code", code, "name", "环翠区张村镇社会工作服务站" + code, "kind", "town_station",
                "divisionId", Fixtures.divisionId(admin, "zhangcun"), "operatingMode", "PURCHASED")).assertOk()
                .string("createStation.station.id");
    }

    private static String postedWorker(Client admin, String station, String startsOn) {
        String worker = admin.run("registerWorker", "input", Map.of("name", Fixtures.unique("驻站社工"), "educationLevel", "BACHELOR"))
                .assertOk().string("registerWorker.worker.id");
        admin.run("assignWorker", "input", Map.of("workerId", worker, "stationId", station, "role", "SOCIAL_WORKER",
                "startsOn", startsOn)).assertOk();
        return worker;
    }

    @Test
    void maxTerm_weihaisWordsRefuseALongerTerm_namingTheRuleItsSourceAndTheLatestEnd() {
        Client admin = as("weihai", "TENANT_ADMIN");
        String op = operator(admin);
        assertEquals(List.of(), findings(admin, create(admin, weihaiInput(admin, op, "2025-01-01", "2027-12-31")), "weihai_contract_max_term"));
        Result refused = admin.run("createContract", "input", weihaiInput(admin, op, "2025-01-01", "2028-01-01"))
                .assertError("BAD_USER_INPUT", "input.endsOn");
        String message = refused.raw();
        assertTrue(message.contains("政府购买服务合同履行期限最长不超过3年"), message);
        assertTrue(message.contains("003 四、(三)"), message);
        assertTrue(message.contains("2027-12-31"), message);
        // a draft is not lengthened past it either
        String draft = create(admin, weihaiInput(admin, op, "2026-01-01", "2026-12-31"));
        admin.run("updateContract", "input", Map.of("id", draft, "version", 1, "endsOn", "2029-06-30"))
                .assertError("BAD_USER_INPUT", "input.endsOn");
    }

    @Test
    void maxTerm_wuhansPermission_storesALongerTermAndFindsItAdvisory() {
        Client wuhan = as("wuhan", "TENANT_ADMIN");
        String wop = operator(wuhan);
        assertEquals(List.of(), findings(wuhan, create(wuhan, wuhanInput(wuhan, wop, "2025-07-01", "2028-06-30")), "wuhan_contract_max_term"));
        List<Map<String, Object>> longer = findings(wuhan, create(wuhan, wuhanInput(wuhan, wop, "2025-07-01", "2029-06-30")),
                "wuhan_contract_max_term");
        assertEquals(1, longer.size());
        assertEquals("ADVISORY", longer.getFirst().get("severity"), "可以签订 permits, it does not require");
        assertEquals("004 三、(四)", longer.getFirst().get("source"));
        assertTrue(longer.getFirst().get("messageZh").toString().contains("最迟应至2028-06-30"), longer.toString());
    }

    /**
     * A contract stored while the maximum only permitted keeps its term when a revision makes the
     * maximum binding: its finding turns a VIOLATION, and a new contract of that term is refused.
     */
    @Test
    @SuppressWarnings("unchecked")
    void maxTerm_aContractStoredBeforeTheRuleBound_staysStoredAndItsFindingIsAViolation() {
        Client admin = newBureau("wuhan", "2025-01-01");
        String district = Fixtures.division(admin, "DISTRICT", null);
        String street = Fixtures.division(admin, "STREET", district);
        String station = admin.run("createStation", "input", Map.of("code", Fixtures.unique("s"), "name", "测试社工站",
                "kind", "street_station", "divisionId", street, "operatingMode", "PURCHASED")).assertOk()
                .string("createStation.station.id");
        Map<String, Object> in = new HashMap<>(Map.of("title", Fixtures.unique("四年项目"), "purchaserId", district,
                "landingPartyId", street, "operatorId", operator(admin), "stationIds", List.of(station),
                "startsOn", "2025-07-01", "endsOn", "2029-06-30", "price", "600000"));
        String stored = create(admin, in);

        Result draft = admin.run("createPolicyDraft", "input", Map.of("fromTemplate", "wuhan")).assertOk();
        Map<String, Object> document = new HashMap<>(draft.get("createPolicyDraft.profile.document"));
        Map<String, Object> contracts = new HashMap<>((Map<String, Object>) document.get("contracts"));
        List<Object> rules = new java.util.ArrayList<>((List<Object>) contracts.get("rules"));
        Map<String, Object> maxTerm = new HashMap<>((Map<String, Object>) rules.getFirst());
        assertEquals("wuhan_contract_max_term", maxTerm.get("code"));
        maxTerm.put("labelZh", "服务合同期限最长不超过3年");
        maxTerm.put("wording", "服务合同期限最长不超过3年");
        maxTerm.put("source", "测试修订");
        rules.set(0, maxTerm);
        contracts.put("rules", rules);
        document.put("contracts", contracts);
        Result updated = admin.run("updatePolicyDraft", "input", Map.of("id", draft.string("createPolicyDraft.profile.id"),
                "version", draft.integer("createPolicyDraft.profile.version"), "document", document)).assertOk();
        admin.run("publishPolicyProfile", "input", Map.of("id", updated.string("updatePolicyDraft.profile.id"),
                "version", updated.integer("updatePolicyDraft.profile.version"), "effectiveFrom", "2026-06-01")).assertOk();

        List<Map<String, Object>> found = findings(admin, stored, "wuhan_contract_max_term");
        assertEquals(1, found.size(), "the stored contract keeps its term");
        assertEquals("VIOLATION", found.getFirst().get("severity"), "不超过 binds");
        assertEquals("ADVISORY", findings(admin, stored, "wuhan_contract_max_term", "2026-01-01").getFirst().get("severity"),
                "on a day of the earlier revision it weighed what that one said");
        in.put("title", Fixtures.unique("四年项目"));
        admin.run("createContract", "input", in).assertError("BAD_USER_INPUT", "input.endsOn");
    }

    @Test
    void staffOnPost_aStationWithoutWorkersAMonthAfterSigning_isFound_andAPostInTimeClearsIt() {
        Client admin = as("weihai", "TENANT_ADMIN");
        String station = newStation(admin);
        Map<String, Object> in = weihaiInput(admin, operator(admin), "2026-09-01", "2027-08-31");
        in.put("stationIds", List.of(station));
        String contract = signed(admin, in, "2026-09-01");
        List<Map<String, Object>> found = findings(admin, contract, "weihai_contract_staff_on_post");
        assertEquals(1, found.size());
        assertEquals(List.of(Map.of("id", station)), found.getFirst().get("stations"));
        assertEquals("ADVISORY", found.getFirst().get("severity"));
        // a post begun after the deadline does not help
        postedWorker(admin, station, "2026-10-15");
        assertEquals(1, findings(admin, contract, "weihai_contract_staff_on_post").size());
        postedWorker(admin, station, "2026-09-20");
        assertEquals(List.of(), findings(admin, contract, "weihai_contract_staff_on_post"));
        // a month not yet over is not a finding
        Map<String, Object> recent = weihaiInput(admin, operator(admin), "2026-11-10", "2027-11-09");
        recent.put("stationIds", List.of(newStation(admin)));
        assertEquals(List.of(), findings(admin, signed(admin, recent, "2026-11-10"), "weihai_contract_staff_on_post"));
    }

    @Test
    void noSubcontracting_anotherOperatorsWorkerOnPost_isAViolationNamingTheWorker() {
        Client admin = as("weihai", "TENANT_ADMIN");
        String station = newStation(admin);
        String own = operator(admin);
        String other = operator(admin);
        Map<String, Object> in = weihaiInput(admin, own, "2026-01-01", "2026-12-31");
        in.put("stationIds", List.of(station));
        String contract = signed(admin, in, "2025-12-20");
        String worker = postedWorker(admin, station, "2026-01-05");
        assertEquals(List.of(), findings(admin, contract, "weihai_no_subcontracting"), "an employer not recorded is not a finding");
        admin.run("setWorkerEmployer", "input", Map.of("id", worker, "operatorId", other)).assertOk();
        List<Map<String, Object>> found = findings(admin, contract, "weihai_no_subcontracting");
        assertEquals(1, found.size());
        assertEquals("VIOLATION", found.getFirst().get("severity"));
        assertEquals(List.of(Map.of("id", worker)), found.getFirst().get("workers"));
        assertEquals("003 五、(四)", found.getFirst().get("source"));
        admin.run("setWorkerEmployer", "input", Map.of("id", worker, "operatorId", own)).assertOk();
        assertEquals(List.of(), findings(admin, contract, "weihai_no_subcontracting"));
    }

    @Test
    void annualEvaluation_eachEndedContractYearNeedsOne() {
        Client admin = as("weihai", "TENANT_ADMIN");
        String contract = signed(admin, weihaiInput(admin, operator(admin), "2024-01-01", "2026-12-31"), "2023-12-20");
        assertEquals(2, findings(admin, contract, "weihai_contract_annual_evaluation").size(), "years 1 and 2 have ended");
        Client supervisor = as("weihai", "SUPERVISOR");
        evaluate(supervisor, contract, 1, "ANNUAL", "2024-11-20", "good");
        evaluate(supervisor, contract, 2, "MID_TERM", "2025-06-20", "good");
        List<Map<String, Object>> left = findings(admin, contract, "weihai_contract_annual_evaluation");
        assertEquals(1, left.size(), "a mid-term evaluation is not the annual one");
        assertTrue(left.getFirst().get("messageEn").toString().contains("contract year 2"), left.toString());
        evaluate(supervisor, contract, 2, "ANNUAL", "2025-11-20", "pass");
        assertEquals(List.of(), findings(admin, contract, "weihai_contract_annual_evaluation"));
    }

    @Test
    void failedAnnualEvaluation_proposesEndingTheContract_aPassDoesNot() {
        Client admin = as("weihai", "TENANT_ADMIN");
        Client supervisor = as("weihai", "SUPERVISOR");
        String op = operator(admin);
        String failed = signed(admin, weihaiInput(admin, op, "2025-01-01", "2027-12-31"), "2024-12-20");
        String passed = signed(admin, weihaiInput(admin, op, "2025-01-01", "2027-12-31"), "2024-12-20");
        evaluate(supervisor, failed, 1, "ANNUAL", "2025-11-20", "fail");
        evaluate(supervisor, passed, 1, "ANNUAL", "2025-11-20", "pass");
        List<Map<String, Object>> found = findings(admin, failed, "weihai_contract_end_after_failed_evaluation");
        assertEquals(1, found.size());
        assertEquals("2025-12-31", found.getFirst().get("proposedEndOn"));
        assertEquals("ADVISORY", found.getFirst().get("severity"));
        assertEquals(List.of(), findings(admin, passed, "weihai_contract_end_after_failed_evaluation"));
        admin.run("endContract", "input", Map.of("id", failed, "version", 2, "reason", "TERMINATED", "endedOn", "2026-01-31",
                "note", "上年绩效评估不合格")).assertOk();
        assertEquals(List.of(), findings(admin, failed, "weihai_contract_end_after_failed_evaluation"));
    }

    @Test
    void weihaiReports_aMonthlyBriefForEveryMonthPastItsDays_aMidTermAndAFinalReport() {
        Client admin = as("weihai", "TENANT_ADMIN");
        Client operator = as("weihai", "STATION_OPERATOR");
        String op = operator(admin);
        String running = signed(admin, weihaiInput(admin, op, "2026-01-01", "2026-12-31"), "2025-12-20");
        List<Map<String, Object>> briefs = findings(admin, running, "weihai_contract_monthly_brief");
        assertEquals(1, briefs.size());
        assertTrue(briefs.getFirst().get("messageZh").toString().startsWith("缺少10份月度工作简报"), briefs.toString());
        assertEquals(true, briefs.getFirst().get("bureauSetting"));
        assertEquals("ADVISORY", briefs.getFirst().get("severity"));
        for (int m = 1; m <= 10; m++) {
            java.time.LocalDate start = java.time.LocalDate.of(2026, m, 1);
            operator.run("submitContractReport", "input", Map.of("contractId", running, "kind", "MONTHLY_BRIEF",
                    "periodStart", start.toString(), "periodEnd", start.plusMonths(1).minusDays(1).toString(), "body", "月报")).assertOk();
        }
        assertEquals(List.of(), findings(admin, running, "weihai_contract_monthly_brief"), "November's brief is not yet due");
        assertEquals(1, findings(admin, running, "weihai_contract_mid_term_report").size());
        operator.run("submitContractReport", "input", Map.of("contractId", running, "kind", "MID_TERM",
                "periodStart", "2026-01-01", "periodEnd", "2026-06-30", "body", "中期报告")).assertOk();
        assertEquals(List.of(), findings(admin, running, "weihai_contract_mid_term_report"));
        assertEquals(List.of(), findings(admin, running, "weihai_contract_final_report"), "the term has not ended");
        String over = signed(admin, weihaiInput(admin, op, "2025-01-01", "2025-12-31"), "2024-12-20");
        assertEquals(1, findings(admin, over, "weihai_contract_final_report").size());
        operator.run("submitContractReport", "input", Map.of("contractId", over, "kind", "FINAL",
                "periodStart", "2025-01-01", "periodEnd", "2025-12-31", "body", "终期报告")).assertOk();
        assertEquals(List.of(), findings(admin, over, "weihai_contract_final_report"));
    }

    @Test
    void wuhanMidTermEvaluation_perContractYear_andRenewalWhenEveryEvaluationIsExcellent() {
        Client admin = as("wuhan", "TENANT_ADMIN");
        Client supervisor = as("wuhan", "SUPERVISOR");
        String op = operator(admin);
        String excellent = signed(admin, wuhanInput(admin, op, "2024-07-01", "2027-06-30"), "2024-06-20");
        String mixed = signed(admin, wuhanInput(admin, op, "2024-07-01", "2027-06-30"), "2024-06-20");
        assertEquals(2, findings(admin, excellent, "wuhan_contract_mid_term_evaluation").size());
        assertEquals(List.of(), findings(admin, excellent, "wuhan_contract_renewal"), "no evaluation yet");
        for (String c : List.of(excellent, mixed)) {
            evaluate(supervisor, c, 1, "MID_TERM", "2025-01-10", "excellent");
            evaluate(supervisor, c, 2, "MID_TERM", "2026-01-10", c.equals(mixed) ? "good" : "excellent");
        }
        assertEquals(List.of(), findings(admin, excellent, "wuhan_contract_mid_term_evaluation"));
        List<Map<String, Object>> renewal = findings(admin, excellent, "wuhan_contract_renewal");
        assertEquals(1, renewal.size());
        assertEquals("INFO", renewal.getFirst().get("severity"));
        assertEquals(List.of(), findings(admin, mixed, "wuhan_contract_renewal"));
    }

    @Test
    void wuhanTakeoverPlan_aSignedContractWithoutOneIsFound() {
        Client admin = as("wuhan", "TENANT_ADMIN");
        String op = operator(admin);
        String draft = create(admin, wuhanInput(admin, op, "2026-01-01", "2026-12-31"));
        assertEquals(List.of(), findings(admin, draft, "wuhan_contract_takeover_plan"), "a draft is not yet bound");
        admin.run("signContract", "input", Map.of("id", draft, "version", 1, "signedOn", "2025-12-20")).assertOk();
        assertEquals("ADVISORY", findings(admin, draft, "wuhan_contract_takeover_plan").getFirst().get("severity"));
        admin.run("setContractTakeoverPlan", "input", Map.of("id", draft, "version", 2, "takeoverPlan", "江岸区社工站临时接管预案（2026）"))
                .assertOk();
        assertEquals(List.of(), findings(admin, draft, "wuhan_contract_takeover_plan"));
    }

    @Test
    void contractFindings_readsTheSameStatementsHoweverManyContracts() {
        Client admin = as("wuhan", "TENANT_ADMIN");
        String op = operator(admin);
        signed(admin, wuhanInput(admin, op, "2024-07-01", "2027-06-30"), "2024-06-20");
        Result few = admin.run("contractFindings").assertOk();
        for (int i = 0; i < 3; i++) {
            String c = signed(admin, wuhanInput(admin, op, "2024-07-01", "2027-06-30"), "2024-06-20");
            evaluate(as("wuhan", "SUPERVISOR"), c, 1, "MID_TERM", "2025-01-10", "excellent");
        }
        Result many = admin.run("contractFindings").assertOk();
        assertTrue(many.<List<?>>get("contractFindings").size() > few.<List<?>>get("contractFindings").size(), many.raw());
        assertEquals(few.sqlStatements(), many.sqlStatements(), "a statement per contract");
        assertTrue(many.sqlStatements() <= 12, "statements: " + many.sqlStatements());
    }

    @Test
    @SuppressWarnings("unchecked")
    void demo_weihaiProposesEndingAFailedContract_andWuhanMayRenewAnExcellentOne() {
        List<Map<String, Object>> weihai = as("weihai", "VIEWER").run("contractFindings").assertOk().get("contractFindings");
        Map<String, Object> ending = weihai.stream().filter(f -> "weihai_contract_end_after_failed_evaluation".equals(f.get("rule"))
                && "环翠区张村镇社会工作服务站运营服务项目".equals(((Map<String, Object>) f.get("contract")).get("title"))).findFirst().orElseThrow();
        assertEquals("2025-12-31", ending.get("proposedEndOn"));
        assertTrue(weihai.stream().anyMatch(f -> "weihai_no_subcontracting".equals(f.get("rule"))
                && "环翠区羊亭镇社会工作服务站运营服务项目".equals(((Map<String, Object>) f.get("contract")).get("title"))), weihai.toString());
        List<Map<String, Object>> wuhan = as("wuhan", "VIEWER").run("contractFindings").assertOk().get("contractFindings");
        assertTrue(wuhan.stream().anyMatch(f -> "wuhan_contract_renewal".equals(f.get("rule"))
                && "江岸区大智街道社工站运营服务项目".equals(((Map<String, Object>) f.get("contract")).get("title"))), wuhan.toString());
        assertTrue(wuhan.stream().anyMatch(f -> "wuhan_contract_takeover_plan".equals(f.get("rule"))
                && "武昌区积玉桥街道社工站运营服务项目".equals(((Map<String, Object>) f.get("contract")).get("title"))), wuhan.toString());
        assertEquals(List.of(), as("yangpu", "VIEWER").run("contractFindings").assertOk().get("contractFindings"),
                "a profile without contract rules finds nothing");
    }

    @Test
    @SuppressWarnings("unchecked")
    void profile_contractsSectionIsCheckedOnSave() {
        Client admin = newBureau("wuhan", "2021-01-01");
        Result draft = admin.run("createPolicyDraft", "input", Map.of("fromTemplate", "wuhan")).assertOk();
        String id = draft.string("createPolicyDraft.profile.id");
        Map<String, Object> template = draft.get("createPolicyDraft.profile.document");
        Map<String, java.util.function.Consumer<Map<String, Object>>> cases = new java.util.LinkedHashMap<>();
        cases.put("input.document.contracts.maxTermYears", d -> contracts(d).put("maxTermYears", 3));
        cases.put("input.document.contracts.rules[0].severity", d -> rule(d, 0).put("severity", "VIOLATION"));
        cases.put("input.document.contracts.rules[0].check", d -> rule(d, 0).put("check", "SOMETHING"));
        cases.put("input.document.contracts.rules[0].years", d -> rule(d, 0).remove("years"));
        cases.put("input.document.contracts.rules[1].kind", d -> rule(d, 1).put("kind", "QUARTERLY"));
        cases.put("input.document.contracts.rules[2].grade", d -> rule(d, 2).put("grade", "outstanding"));
        cases.put("input.document.contracts.rules[3].wording", d -> rule(d, 3).remove("wording"));
        cases.put("input.document.contracts.rules[3].code", d -> rule(d, 3).put("code", rule(d, 0).get("code")));
        for (var c : cases.entrySet()) {
            Map<String, Object> doc = copy(template);
            c.getValue().accept(doc);
            admin.run("updatePolicyDraft", "input", Map.of("id", id, "version", 1, "document", doc))
                    .assertError("BAD_USER_INPUT", c.getKey());
        }
        admin.run("updatePolicyDraft", "input", Map.of("id", id, "version", 1, "document", template)).assertOk();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> contracts(Map<String, Object> doc) {
        return (Map<String, Object>) doc.get("contracts");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> rule(Map<String, Object> doc, int i) {
        return ((List<Map<String, Object>>) contracts(doc).get("rules")).get(i);
    }

    /** A deep copy, so that each case changes its own document. */
    @SuppressWarnings("unchecked")
    private static <T> T copy(T value) {
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> out = new java.util.LinkedHashMap<>();
            m.forEach((k, v) -> out.put(String.valueOf(k), copy(v)));
            return (T) out;
        }
        if (value instanceof List<?> l) {
            return (T) new java.util.ArrayList<>(l.stream().map(ContractRulesTest::copy).toList());
        }
        return value;
    }
}
