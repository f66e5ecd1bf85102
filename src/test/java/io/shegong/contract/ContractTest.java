package io.shegong.contract;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.shegong.support.Fixtures;
import io.shegong.support.GraphQLTestBase;
import io.shegong.support.Result;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Operators and service contracts: registration, the life cycle, bad input, and who sees the price. */
@MicronautTest
public class ContractTest extends GraphQLTestBase {
    private static final String CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    /** A credit code no test has used: a social organisation's prefix, random digits, the right check character. */
    public static String newCreditCode() {
        StringBuilder s = new StringBuilder("5237");
        for (int i = 0; i < 13; i++) {
            s.append(ThreadLocalRandom.current().nextInt(10));
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += CHARS.indexOf(s.charAt(i)) * WEIGHTS[i];
        }
        return s.append(CHARS.charAt((31 - sum % 31) % 31)).toString();
    }

    static String operator(Client admin) {
        return admin.run("registerOperator", "input", Map.of("name", Fixtures.unique("社工服务中心"), "creditCode", newCreditCode(),
                "registrationAuthority", "威海市环翠区民政局", "registeredOn", "2019-03-01", "legalRepresentative", "王某"))
                .assertOk().string("registerOperator.operator.id");
    }

    /** A Weihai contract's input on the demo station of 张村镇, bought by 环翠区. */
    static Map<String, Object> weihaiInput(Client admin, String operator, String startsOn, String endsOn) {
        Map<String, Object> in = new HashMap<>();
        in.put("title", Fixtures.unique("张村镇社工站运营服务项目"));
        in.put("purchaserId", Fixtures.divisionId(admin, "huancui"));
        in.put("landingPartyId", Fixtures.divisionId(admin, "zhangcun"));
        in.put("operatorId", operator);
        in.put("stationIds", List.of(Fixtures.stationId(admin, "zhangcun")));
        in.put("startsOn", startsOn);
        in.put("endsOn", endsOn);
        in.put("price", "450000.00");
        in.put("tranches", List.of(Map.of("dueOn", startsOn, "amount", "225000.00", "condition", "合同签订后支付"),
                Map.of("dueOn", endsOn, "amount", "225000", "condition", "终期评估合格后支付")));
        in.put("deliverables", List.of(Map.of("description", "个案服务", "quantity", 20, "unit", "个", "standard", "结案率不低于80%")));
        in.put("documents", List.of("环民购〔2025〕12号"));
        return in;
    }

    static String create(Client admin, Map<String, Object> input) {
        return admin.run("createContract", "input", input).assertOk().string("createContract.contract.id");
    }

    static String signed(Client admin, Map<String, Object> input, String signedOn) {
        String id = create(admin, input);
        admin.run("signContract", "input", Map.of("id", id, "version", 1, "signedOn", signedOn)).assertOk();
        return id;
    }

    @Test
    void registerOperator_keepsAValidCode_andRefusesAWrongCheckCharacterNamingTheField() {
        Client admin = as("weihai", "TENANT_ADMIN");
        String code = newCreditCode();
        Result ok = admin.run("registerOperator", "input", Map.of("name", "威海市善行社会工作服务中心", "creditCode", code.toLowerCase()));
        ok.assertOk();
        assertEquals(code, ok.string("registerOperator.operator.creditCode"));
        assertEquals("ACTIVE", ok.string("registerOperator.operator.status"));
        char last = code.charAt(17);
        String wrong = code.substring(0, 17) + (last == '0' ? '1' : '0');
        admin.run("registerOperator", "input", Map.of("name", "x", "creditCode", wrong)).assertError("BAD_USER_INPUT", "input.creditCode");
        admin.run("registerOperator", "input", Map.of("name", "x", "creditCode", "91350100M000100Y4")).assertError("BAD_USER_INPUT", "input.creditCode");
        admin.run("registerOperator", "input", Map.of("name", "x", "creditCode", "91350100M000100I43")).assertError("BAD_USER_INPUT", "input.creditCode");
        // the standard's published example
        admin.run("registerOperator", "input", Map.of("name", Fixtures.unique("例"), "creditCode", "91350100M000100Y43")).assertOk();
        admin.run("registerOperator", "input", Map.of("name", "再次", "creditCode", code)).assertError("BAD_USER_INPUT", "input.creditCode");
        as("weihai", "STATION_OPERATOR").run("registerOperator", "input", Map.of("name", "x", "creditCode", newCreditCode()))
                .assertError("FORBIDDEN", null);
        // another bureau may register the same organisation
        as("wuhan", "TENANT_ADMIN").run("registerOperator", "input", Map.of("name", "威海市善行社会工作服务中心", "creditCode", code)).assertOk();
    }

    @Test
    void updateOperator_changesOnlyTheFieldsSent_andChecksTheCodeAgain() {
        Client admin = as("weihai", "TENANT_ADMIN");
        String id = operator(admin);
        Result r = admin.run("updateOperator", "input", Map.of("id", id, "version", 1, "contactPhone", "0631-5200000", "status", "SUSPENDED"));
        r.assertOk();
        assertEquals("0631-5200000", r.string("updateOperator.operator.contactPhone"));
        assertEquals("SUSPENDED", r.string("updateOperator.operator.status"));
        admin.run("updateOperator", "input", Map.of("id", id, "version", 2, "creditCode", "91350100M000100Y44"))
                .assertError("BAD_USER_INPUT", "input.creditCode");
        admin.run("updateOperator", "input", Map.of("id", id, "version", 1, "contactPhone", "x")).assertError("CONFLICT", "input.version");
        // a suspended operator takes no new contract
        create(admin, weihaiInput(admin, operator(admin), "2026-01-01", "2026-12-31"));
        admin.run("createContract", "input", weihaiInput(admin, id, "2026-01-01", "2026-12-31"))
                .assertError("BAD_USER_INPUT", "input.operatorId");
    }

    @Test
    void createContract_refusesBadInputNamingTheField_andWritesNothing() {
        Client admin = as("weihai", "TENANT_ADMIN");
        String op = operator(admin);
        Map<String, Map<String, Object>> cases = new java.util.LinkedHashMap<>();
        Map<String, Object> in = weihaiInput(admin, op, "2026-01-01", "2025-12-31");
        cases.put("input.endsOn", in);
        in = weihaiInput(admin, op, "2026-01-01", "2026-12-31");
        in.put("price", "-1.00");
        cases.put("input.price", in);
        in = weihaiInput(admin, op, "2026-01-01", "2026-12-31");
        in.put("price", "450000.001");
        cases.put("input.price ", in);
        in = weihaiInput(admin, op, "2026-01-01", "2026-12-31");
        in.put("price", "四十五万");
        cases.put("input.price  ", in);
        in = weihaiInput(admin, op, "2026-01-01", "2026-12-31");
        in.put("tranches", List.of(Map.of("dueOn", "2027-01-15", "amount", "1000.00")));
        cases.put("input.tranches[0].dueOn", in);
        in = weihaiInput(admin, op, "2026-01-01", "2026-12-31");
        in.put("tranches", List.of(Map.of("dueOn", "2026-03-01", "amount", "100.00"), Map.of("dueOn", "2026-06-01", "amount", "0.125")));
        cases.put("input.tranches[1].amount", in);
        in = weihaiInput(admin, op, "2026-01-01", "2026-12-31");
        in.put("tranches", List.of(Map.of("dueOn", "2026-03-01", "amount", "-5")));
        cases.put("input.tranches[0].amount ", in);
        in = weihaiInput(admin, op, "2026-01-01", "2026-12-31");
        in.put("tranches", List.of(Map.of("dueOn", "2026-03-01", "amount", "450000.01")));
        cases.put("input.tranches", in);
        in = weihaiInput(admin, op, "2026-01-01", "2026-12-31");
        in.put("landingPartyId", Fixtures.divisionId(admin, "huancui"));
        cases.put("input.landingPartyId", in);
        in = weihaiInput(admin, op, "2026-01-01", "2026-12-31");
        in.put("purchaserId", Fixtures.divisionId(admin, "zhangcun"));
        cases.put("input.purchaserId", in);
        in = weihaiInput(admin, op, "2026-01-01", "2026-12-31");
        in.put("stationIds", List.of(Fixtures.stationId(as("wuhan", "VIEWER"), "dazhi")));
        cases.put("input.stationIds[0]", in);
        in = weihaiInput(admin, op, "2026-01-01", "2026-12-31");
        in.put("deliverables", List.of(Map.of("description", "x", "quantity", 1, "unit", "个", "slot", "no_such_slot")));
        cases.put("input.deliverables[0].slot", in);
        cases.forEach((field, input) -> admin.run("createContract", "input", input).assertError("BAD_USER_INPUT", field.strip()));
        Result r = admin.run("operators").assertOk();
        List<Map<String, Object>> mine = r.<List<Map<String, Object>>>get("operators").stream().filter(o -> op.equals(o.get("id"))).toList();
        assertEquals(List.of(), mine.getFirst().get("contracts"), "nothing written");
    }

    @Test
    void contract_showsItsTermsToTheBureau_andHidesThePriceFromTheOperatorsStaff() {
        Client admin = as("weihai", "TENANT_ADMIN");
        String id = create(admin, weihaiInput(admin, operator(admin), "2026-01-01", "2026-12-31"));
        Result viewer = as("weihai", "VIEWER").run("contract", "id", id).assertOk();
        assertEquals("450000.00", viewer.string("node.price"));
        assertEquals("225000.00", viewer.string("node.tranches.1.amount"));
        assertEquals("终期评估合格后支付", viewer.string("node.tranches.1.condition"));
        assertEquals("个案服务", viewer.string("node.deliverables.0.description"));
        assertEquals(List.of("环民购〔2025〕12号"), viewer.get("node.documents"));
        assertEquals("DRAFT", viewer.string("node.status"));
        assertEquals(1, viewer.integer("node.years"));
        assertEquals("450000.00", as("weihai", "SUPERVISOR").run("contract", "id", id).assertOk().string("node.price"));
        Result operator = as("weihai", "STATION_OPERATOR").run("contract", "id", id).assertOk();
        operator.assertNullAt("node.price");
        operator.assertNullAt("node.tranches");
        assertEquals("个案服务", operator.string("node.deliverables.0.description"));
        String tranche = viewer.string("node.tranches.0.id");
        assertEquals("225000.00", admin.run("contractTranche", "id", tranche).assertOk().string("node.amount"));
        as("weihai", "STATION_OPERATOR").run("contractTranche", "id", tranche).assertOk().assertNullAt("node.amount");
    }

    @Test
    void lifeCycle_draftSignedInForceAndEnded_renewalNamesItsSuccessor() {
        Client admin = as("weihai", "TENANT_ADMIN");
        String op = operator(admin);
        String current = create(admin, weihaiInput(admin, op, "2026-01-01", "2026-12-31"));
        admin.run("signContract", "input", Map.of("id", current, "version", 1, "signedOn", "2026-11-26"))
                .assertError("BAD_USER_INPUT", "input.signedOn");
        assertEquals("IN_FORCE", admin.run("signContract", "input", Map.of("id", current, "version", 1, "signedOn", "2025-12-20"))
                .assertOk().string("signContract.contract.status"));
        admin.run("signContract", "input", Map.of("id", current, "version", 2, "signedOn", "2025-12-20"))
                .assertError("BAD_USER_INPUT", "input.id");
        String next = signed(admin, weihaiInput(admin, op, "2027-01-01", "2027-12-31"), "2026-11-20");
        assertEquals("SIGNED", admin.run("contract", "id", next).assertOk().string("node.status"));
        admin.run("endContract", "input", Map.of("id", current, "version", 2, "reason", "RENEWED", "endedOn", "2026-12-31"))
                .assertError("BAD_USER_INPUT", "input.successorId");
        admin.run("endContract", "input", Map.of("id", current, "version", 2, "reason", "EXPIRED", "endedOn", "2026-12-31"))
                .assertError("BAD_USER_INPUT", "input.reason");
        Result ended = admin.run("endContract", "input", Map.of("id", current, "version", 2, "reason", "RENEWED",
                "endedOn", "2026-12-31", "successorId", next)).assertOk();
        assertEquals("IN_FORCE", ended.string("endContract.contract.status"), "it runs until the day it ends");
        assertEquals("RENEWED", ended.string("endContract.contract.endReason"));
        assertEquals(next, ended.string("endContract.contract.successor.id"));
        admin.run("endContract", "input", Map.of("id", current, "version", 3, "reason", "TERMINATED", "endedOn", "2026-12-01"))
                .assertError("BAD_USER_INPUT", "input.id");
        String stopped = signed(admin, weihaiInput(admin, op, "2026-01-01", "2026-12-31"), "2025-12-20");
        Result terminated = admin.run("endContract", "input", Map.of("id", stopped, "version", 2, "reason", "TERMINATED",
                "endedOn", "2026-11-20", "note", "承接主体不能按合同约定提供服务")).assertOk();
        assertEquals("ENDED", terminated.string("endContract.contract.status"));
        assertEquals("TERMINATED", terminated.string("endContract.contract.endReason"));
        String old = signed(admin, weihaiInput(admin, op, "2024-01-01", "2024-12-31"), "2023-12-20");
        Result expired = admin.run("contract", "id", old).assertOk();
        assertEquals("ENDED", expired.string("node.status"));
        assertEquals("EXPIRED", expired.string("node.endReason"));
        as("weihai", "VIEWER").run("endContract", "input", Map.of("id", next, "version", 2, "reason", "TERMINATED",
                "endedOn", "2027-01-01")).assertError("FORBIDDEN", null);
    }

    @Test
    void recordContractEvaluation_refusesAYearNotBegun_anUnknownGrade_andAnOperator() {
        Client admin = as("weihai", "TENANT_ADMIN");
        String op = operator(admin);
        String id = signed(admin, weihaiInput(admin, op, "2025-01-01", "2027-12-31"), "2024-12-20");
        Client supervisor = as("weihai", "SUPERVISOR");
        Map<String, Object> in = new HashMap<>(Map.of("contractId", id, "contractYear", 2, "kind", "ANNUAL",
                "evaluator", "威海市社会工作评估中心", "evaluatedOn", "2026-11-20", "score", "86.5", "grade", "good"));
        // the deliverable the contract lists (个案服务, position 1) scored apart; one it lacks is refused
        in.put("items", List.of(Map.of("deliverable", 1, "score", "90", "note", "结案率达标")));
        Result ok = supervisor.run("recordContractEvaluation", "input", in).assertOk();
        assertEquals("86.50", ok.string("recordContractEvaluation.evaluation.score"));
        assertEquals(List.of(Map.of("deliverable", 1, "score", "90.00", "note", "结案率达标")),
                ok.get("recordContractEvaluation.evaluation.items"));
        in.put("items", List.of(Map.of("deliverable", 2, "score", "90")));
        supervisor.run("recordContractEvaluation", "input", in).assertError("BAD_USER_INPUT", "input.items[0].deliverable");
        in.put("items", List.of(Map.of("deliverable", 1, "score", "120")));
        supervisor.run("recordContractEvaluation", "input", in).assertError("BAD_USER_INPUT", "input.items[0].score");
        in.remove("items");
        in.put("contractYear", 3);
        supervisor.run("recordContractEvaluation", "input", in).assertError("BAD_USER_INPUT", "input.contractYear");
        in.put("contractYear", 4);
        supervisor.run("recordContractEvaluation", "input", in).assertError("BAD_USER_INPUT", "input.contractYear");
        in.put("contractYear", 2);
        in.put("grade", "优秀");
        supervisor.run("recordContractEvaluation", "input", in).assertError("BAD_USER_INPUT", "input.grade");
        in.put("grade", "good");
        in.put("score", "101");
        supervisor.run("recordContractEvaluation", "input", in).assertError("BAD_USER_INPUT", "input.score");
        in.put("score", "80");
        in.put("evaluatedOn", "2026-11-26");
        supervisor.run("recordContractEvaluation", "input", in).assertError("BAD_USER_INPUT", "input.evaluatedOn");
        in.put("evaluatedOn", "2026-11-20");
        as("weihai", "STATION_OPERATOR").run("recordContractEvaluation", "input", in).assertError("FORBIDDEN", null);
        String draft = create(admin, weihaiInput(admin, operator(admin), "2025-01-01", "2025-12-31"));
        in.put("contractId", draft);
        in.put("contractYear", 1);
        supervisor.run("recordContractEvaluation", "input", in).assertError("BAD_USER_INPUT", "input.contractId");
        Result grades = as("weihai", "VIEWER").run("operators").assertOk();
        assertEquals(List.of("优秀", "良好", "合格", "不合格"), grades.<List<Map<String, Object>>>get("contractGrades").stream()
                .map(g -> g.get("labelZh")).toList());
        Map<String, Object> evaluated = grades.<List<Map<String, Object>>>get("operators").stream()
                .filter(o -> op.equals(o.get("id"))).findFirst().orElseThrow();
        assertEquals(Map.of("grade", "good", "evaluatedOn", "2026-11-20"), evaluated.get("latestEvaluation"));
    }

    @Test
    void submitContractReport_byTheStationsOperator_computesFiguresFromActivityRecords() {
        Client admin = as("weihai", "TENANT_ADMIN");
        String station = Fixtures.stationId(admin, "zhangcun");
        String id = signed(admin, weihaiInput(admin, operator(admin), "2026-01-01", "2026-12-31"), "2025-12-20");
        Map<String, Object> period = Map.of("contractId", id, "kind", "MONTHLY_BRIEF", "periodStart", "2026-03-01",
                "periodEnd", "2026-03-31", "body", "三月份开展小组活动");
        Client operator = as("weihai", "STATION_OPERATOR");
        Map<String, Object> before = operator.run("submitContractReport", "input", period).assertOk()
                .get("submitContractReport.report.figures");
        admin.run("recordActivity", "input", Map.of("stationId", station, "kind", "group_work", "title", "长者小组",
                "heldOn", "2026-03-10", "hours", 2.5, "beneficiaries", List.of(Map.of("category", "elderly", "count", 12)))).assertOk();
        Result after = operator.run("submitContractReport", "input", period).assertOk();
        assertEquals(((Number) before.get("sessions")).intValue() + 1, after.integer("submitContractReport.report.figures.sessions"));
        assertEquals(((Number) before.get("hours")).doubleValue() + 2.5,
                ((Number) after.get("submitContractReport.report.figures.hours")).doubleValue(), 1e-9);
        assertEquals(((Number) before.get("beneficiaries")).intValue() + 12, after.integer("submitContractReport.report.figures.beneficiaries"));
        assertEquals("2026-11-25", after.string("submitContractReport.report.submittedOn"));
        String report = after.string("submitContractReport.report.id");
        operator.run("acceptContractReport", "input", Map.of("id", report, "version", 1)).assertError("FORBIDDEN", null);
        assertEquals("2026-11-25", admin.run("acceptContractReport", "input", Map.of("id", report, "version", 1))
                .assertOk().string("acceptContractReport.report.acceptedOn"));
        Map<String, Object> outside = new HashMap<>(period);
        outside.put("periodEnd", "2027-01-31");
        operator.run("submitContractReport", "input", outside).assertError("BAD_USER_INPUT", "input.periodStart");
        outside.put("periodStart", "2026-04-01");
        outside.put("periodEnd", "2026-03-01");
        operator.run("submitContractReport", "input", outside).assertError("BAD_USER_INPUT", "input.periodEnd");
        // an operator granted none of the contract's stations may not report on it
        Map<String, Object> elsewhere = weihaiInput(admin, operator(admin), "2026-01-01", "2026-12-31");
        elsewhere.put("stationIds", List.of(Fixtures.stationId(admin, "wenquan")));
        String other = signed(admin, elsewhere, "2025-12-20");
        Map<String, Object> foreign = new HashMap<>(period);
        foreign.put("contractId", other);
        operator.run("submitContractReport", "input", foreign).assertError("FORBIDDEN", null);
    }

    @Test
    void operator_listsItsContractsStationsAndStaff_andAWorkerItsEmployer() {
        Client admin = as("weihai", "TENANT_ADMIN");
        String op = operator(admin);
        String id = signed(admin, weihaiInput(admin, op, "2026-01-01", "2026-12-31"), "2025-12-20");
        String worker = admin.run("registerWorker", "input", Map.of("name", "李社工", "educationLevel", "BACHELOR"))
                .assertOk().string("registerWorker.worker.id");
        Result set = admin.run("setWorkerEmployer", "input", Map.of("id", worker, "operatorId", op)).assertOk();
        assertEquals(List.of(Map.of("id", worker)), set.get("setWorkerEmployer.employer.staff"));
        Result r = admin.run("operators").assertOk();
        Map<String, Object> mine = r.<List<Map<String, Object>>>get("operators").stream().filter(o -> op.equals(o.get("id"))).findFirst().orElseThrow();
        assertEquals(List.of(Map.of("id", id)), mine.get("contracts"));
        assertEquals(List.of(Map.of("id", Fixtures.stationId(admin, "zhangcun"))), mine.get("stations"));
        assertEquals(List.of(Map.of("id", worker)), mine.get("staff"));
        Result contract = admin.run("contract", "id", id).assertOk();
        assertTrue(contract.<List<Map<String, Object>>>get("node.stations.0.contracts").contains(Map.of("id", id)), contract.raw());
        as("weihai", "STATION_OPERATOR").run("setWorkerEmployer", "input", Map.of("id", worker, "operatorId", op))
                .assertError("FORBIDDEN", null);
        assertNull(admin.run("setWorkerEmployer", "input", Map.of("id", worker)).assertOk().get("setWorkerEmployer.employer"));
        Result log = admin.run("auditLog", "entity", "SocialWorker").assertOk();
        assertNotNull(log.string("auditLog.edges.0.node.id"));
    }
}
