package io.shegong.core;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.shegong.core.graphql.GlobalId;
import io.shegong.support.Fixtures;
import io.shegong.support.GraphQLTestBase;
import io.shegong.support.Result;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every id-taking field, given another tenant's id, answers exactly as it does for an id that
 * does not exist, and changes nothing.
 */
@MicronautTest(transactional = false)
class CrossTenantTest extends GraphQLTestBase {
    private final Map<String, String> wuhan = new java.util.HashMap<>();
    private String qOperator;

    @BeforeAll
    @SuppressWarnings("unchecked")
    void collectWuhanIds() {
        Client admin = as("wuhan", "TENANT_ADMIN");
        qOperator = as("qingpu", "TENANT_ADMIN").run("registerOperator", "input", Map.of("name", "青浦测试社工机构",
                "creditCode", io.shegong.contract.ContractTest.newCreditCode())).assertOk().string("registerOperator.operator.id");
        Result r = admin.run("wuhanIds").assertOk();
        Map<String, Object> station = Fixtures.node(((List<Map<String, Object>>) r.get("stations.edges")).stream()
                .filter(e -> "dazhi".equals(Fixtures.node(e).get("code"))).findFirst().orElseThrow());
        wuhan.put("Station", (String) station.get("id"));
        wuhan.put("Division", (String) ((Map<String, Object>) station.get("division")).get("id"));
        Map<String, Object> post = ((List<Map<String, Object>>) station.get("assignments")).getFirst();
        wuhan.put("Assignment", (String) post.get("id"));
        wuhan.put("SocialWorker", (String) ((Map<String, Object>) post.get("worker")).get("id"));
        String training = admin.run("addTrainingRecord", "input", Map.of("workerId", wuhan.get("SocialWorker"),
                "topic", "督导培训", "provider", "武汉市社会工作协会", "hours", 8, "completedOn", "2026-09-01"))
                .assertOk().string("addTrainingRecord.trainingRecord.id");
        wuhan.put("TrainingRecord", training);
        String visit = admin.run("recordSupervisionVisit", "input", Map.of("stationId", wuhan.get("Station"),
                "visitedOn", "2026-10-10", "supervisor", "张督导", "findings", "台账规范"))
                .assertOk().string("recordSupervisionVisit.visit.id");
        wuhan.put("SupervisionVisit", visit);
        wuhan.put("SupervisionFinding", admin.run("addSupervisionFinding", "input", Map.of("visitId", visit,
                "description", "台账缺失", "rectifyBy", "2026-12-01")).assertOk().string("addSupervisionFinding.finding.id"));
        wuhan.put("Tenant", admin.run("viewer").assertOk().string("viewer.tenant.id"));
        wuhan.put("PolicyProfile", admin.run("policyInForce").assertOk().string("policyProfile.id"));
        String plan = admin.run("saveServicePlan", "input", Map.of("stationId", wuhan.get("Station"), "year", 2031,
                "projects", List.of(Map.of("name", "党建引领项目", "slot", "core", "item", "party_building"))))
                .assertOk().string("saveServicePlan.plan.id");
        wuhan.put("ServicePlan", plan);
        wuhan.put("AuditEntry", admin.run("auditLog", "entity", "ServicePlan").assertOk().string("auditLog.edges.0.node.id"));
        wuhan.put("StationProject", admin.run("startStationProject", "input", Map.of("stationId", wuhan.get("Station"),
                "year", 2031, "name", "党建引领项目", "slot", "core", "item", "party_building", "startsOn", "2026-11-01"))
                .assertOk().string("startStationProject.project.id"));
        wuhan.put("FeaturedCase", admin.run("submitFeaturedCase", "input", Map.of("stationId", wuhan.get("Station"),
                "year", 2026, "kind", "elderly", "title", "x", "summary", "x", "body", "x"))
                .assertOk().string("submitFeaturedCase.featuredCase.id"));
        wuhan.put("ActivityRecord", admin.run("recordActivity", "input", Map.of("stationId", wuhan.get("Station"),
                "kind", "group_work", "title", "x", "heldOn", "2026-11-02", "hours", 1))
                .assertOk().string("recordActivity.activity.id"));
        String supervisor = admin.run("registerWorker", "input", Map.of("name", "跨租户督导", "educationLevel", "MASTER"))
                .assertOk().string("registerWorker.worker.id");
        wuhan.put("Designation", admin.run("designate", "input", Map.of("kind", "SUPERVISOR", "level", "CITY",
                "workerId", supervisor, "awardedOn", "2026-01-01")).assertOk().string("designate.designation.id"));
        wuhan.put("HostFacility", admin.run("registerHostFacility", "input", Map.of("name", "跨租户测试小学" + UUID.randomUUID(),
                "divisionId", wuhan.get("Division"), "stationId", wuhan.get("Station"), "servedSince", "2026-09-01"))
                .assertOk().string("registerHostFacility.facility.id"));
        // operators and service contracts
        String operator = admin.run("registerOperator", "input", Map.of("name", "跨租户社工机构",
                "creditCode", io.shegong.contract.ContractTest.newCreditCode())).assertOk().string("registerOperator.operator.id");
        wuhan.put("Operator", operator);
        String contract = admin.run("createContract", "input", Map.of("title", "跨租户合同",
                "purchaserId", Fixtures.divisionId(admin, "jiangan"), "landingPartyId", wuhan.get("Division"),
                "operatorId", operator, "stationIds", List.of(wuhan.get("Station")), "startsOn", "2026-01-01",
                "endsOn", "2026-12-31", "price", "100000.00", "tranches", List.of(Map.of("dueOn", "2026-06-30", "amount", "50000"))))
                .assertOk().string("createContract.contract.id");
        wuhan.put("Contract", contract);
        admin.run("signContract", "input", Map.of("id", contract, "version", 1, "signedOn", "2025-12-20")).assertOk();
        wuhan.put("ContractTranche", admin.run("contract", "id", contract).assertOk().string("node.tranches.0.id"));
        wuhan.put("ContractReport", admin.run("submitContractReport", "input", Map.of("contractId", contract, "kind", "MONTHLY_BRIEF",
                "periodStart", "2026-10-01", "periodEnd", "2026-10-31", "body", "x")).assertOk().string("submitContractReport.report.id"));
        wuhan.put("ContractEvaluation", admin.run("recordContractEvaluation", "input", Map.of("contractId", contract, "contractYear", 1,
                "kind", "MID_TERM", "evaluator", "x", "evaluatedOn", "2026-06-30", "grade", "good"))
                .assertOk().string("recordContractEvaluation.evaluation.id"));
        wuhan.put("FundingEntry", admin.run("recordFundingEntry", "input", Map.of("kind", "ALLOCATION", "source", "district_budget",
                "amount", "1000", "entryDate", "2026-03-01", "fiscalYear", 2026, "payerLevel", "DISTRICT", "purpose", "OPERATION",
                "stationId", wuhan.get("Station"))).assertOk().string("recordFundingEntry.entry.id"));
    }

    /** A Qingpu contract's input, valid but for the field a case replaces with a foreign or missing id. */
    private Map<String, Object> contractInput(Map<String, Object> replaced) {
        Client viewer = as("qingpu", "VIEWER");
        Map<String, Object> in = new java.util.HashMap<>(Map.of("title", "x", "purchaserId", Fixtures.divisionId(viewer, "qingpu"),
                "landingPartyId", Fixtures.divisionId(viewer, "xujing"), "operatorId", qOperator,
                "stationIds", List.of(Fixtures.stationId(viewer, "xujing")), "startsOn", "2026-01-01", "endsOn", "2026-12-31",
                "price", "1.00"));
        in.putAll(replaced);
        return in;
    }

    private static String missing(String type) {
        return GlobalId.encode(type, UUID.randomUUID());
    }

    @Test
    void node_returnsNullForAnotherTenantsIdOfEveryType() {
        Client qingpu = as("qingpu", "TENANT_ADMIN");
        wuhan.forEach((type, id) -> {
            as("wuhan", "TENANT_ADMIN").run("node", "id", id).assertOk();
            Result foreign = qingpu.run("node", "id", id).assertOk();
            foreign.assertNullAt("node");
            assertEquals(qingpu.run("node", "id", missing(type)).body().get("data"), foreign.body().get("data"), type);
        });
        Result many = qingpu.run("nodes", "ids", new ArrayList<>(wuhan.values())).assertOk();
        assertTrue(((List<?>) many.get("nodes")).stream().allMatch(java.util.Objects::isNull), many.raw());
    }

    /** Mutation document, and the input it gets for a given id. */
    private record Case(String document, String type, Function<String, Map<String, Object>> input) {
    }

    @Test
    void mutations_answerAnotherTenantsIdAsIfItDidNotExist() {
        String qStation = Fixtures.stationId(as("qingpu", "VIEWER"), "xujing");
        String qDivision = Fixtures.divisionId(as("qingpu", "VIEWER"), "xujing");
        String qFacility = as("qingpu", "TENANT_ADMIN").run("registerHostFacility", "input", Map.of("name", "青浦测试小学" + UUID.randomUUID(),
                "divisionId", qDivision)).assertOk().string("registerHostFacility.facility.id");
        String qDraft = as("qingpu", "TENANT_ADMIN").run("createContract", "input", contractInput(Map.of())).assertOk()
                .string("createContract.contract.id");
        List<Case> cases = List.of(
                new Case("updateStation", "Station", id -> Map.of("id", id, "version", 1, "name", "x")),
                new Case("updateStation", "Station", id -> Map.of("id", qStation, "version", 99, "parentId", id)),
                new Case("updateStation", "Division", id -> Map.of("id", qStation, "version", 99, "divisionId", id)),
                new Case("changeStationStatus", "Station", id -> Map.of("id", id, "version", 1, "status", "SUSPENDED", "effectiveOn", "2026-11-01")),
                new Case("closeStation", "Station", id -> Map.of("id", id, "version", 1, "closedOn", "2026-11-01")),
                new Case("createStation", "Division", id -> Map.of("code", "x_cross", "name", "x", "kind", "comprehensive",
                        "divisionId", id, "operatingMode", "SELF_RUN")),
                new Case("createStation", "Station", id -> Map.of("code", "x_cross", "name", "x", "kind", "specialised", "domain", "youth",
                        "parentId", id, "divisionId", qDivision, "operatingMode", "SELF_RUN")),
                new Case("updateWorker", "SocialWorker", id -> Map.of("id", id, "version", 1, "name", "x")),
                new Case("addTrainingRecord", "SocialWorker", id -> Map.of("workerId", id, "topic", "x", "provider", "x",
                        "hours", 1, "completedOn", "2026-01-01")),
                new Case("assignWorker", "SocialWorker", id -> Map.of("workerId", id, "stationId", qStation, "role", "HEAD", "startsOn", "2026-01-01")),
                new Case("assignWorker", "Station", id -> Map.of("workerId", wuhan.get("SocialWorker"), "stationId", id, "role", "HEAD", "startsOn", "2026-01-01")),
                new Case("endAssignment", "Assignment", id -> Map.of("id", id, "version", 1, "endsOn", "2026-11-01")),
                new Case("updateDivision", "Division", id -> Map.of("id", id, "version", 1, "nameZh", "x")),
                new Case("createDivision", "Division", id -> Map.of("code", "x_cross", "level", "COMMUNITY", "nameZh", "x", "parentId", id)),
                new Case("recordSupervisionVisit", "Station", id -> Map.of("stationId", id, "visitedOn", "2026-11-01", "supervisor", "x", "findings", "x")),
                new Case("grantStation", "Station", id -> Map.of("subject", "qingpu:operator", "stationId", id)),
                new Case("updatePolicyDraft", "PolicyProfile", id -> Map.of("id", id, "version", 1, "document", Map.of())),
                new Case("publishPolicyProfile", "PolicyProfile", id -> Map.of("id", id, "version", 1, "effectiveFrom", "2030-01-01")),
                new Case("createPolicyDraft", "PolicyProfile", id -> Map.of("fromProfileId", id)),
                new Case("withdrawPolicyProfile", "PolicyProfile", id -> Map.of("id", id, "version", 1)),
                new Case("saveServicePlan", "Station", id -> Map.of("stationId", id, "year", 2031, "projects", List.of())),
                new Case("startStationProject", "Station", id -> Map.of("stationId", id, "year", 2026, "name", "x", "slot", "core",
                        "startsOn", "2026-11-01")),
                new Case("advanceStationProject", "StationProject", id -> Map.of("id", id, "version", 1, "stage", "PLANNING",
                        "on", "2026-11-02")),
                new Case("submitFeaturedCase", "Station", id -> Map.of("stationId", id, "year", 2026, "kind", "individual",
                        "title", "x", "summary", "x", "body", "x")),
                new Case("submitFeaturedCase", "SocialWorker", id -> Map.of("stationId", qStation, "workerId", id, "year", 2026,
                        "kind", "individual", "title", "x", "summary", "x", "body", "x")),
                new Case("addSupervisionFinding", "SupervisionVisit", id -> Map.of("visitId", id, "description", "x")),
                new Case("reportRectification", "SupervisionFinding", id -> Map.of("id", id, "version", 1, "report", "x")),
                new Case("reinspectRectification", "SupervisionFinding", id -> Map.of("id", id, "version", 1, "closed", true,
                        "on", "2026-11-01")),
                new Case("reviewFeaturedCase", "FeaturedCase", id -> Map.of("id", id, "version", 1, "decision", "ACCEPTED")),
                new Case("recordActivity", "Station", id -> Map.of("stationId", id, "kind", "x", "title", "x",
                        "heldOn", "2026-11-01", "hours", 1)),
                new Case("recordActivity", "StationProject", id -> Map.of("stationId", qStation, "projectId", id, "kind", "x",
                        "title", "x", "heldOn", "2026-11-01", "hours", 1)),
                new Case("recordActivity", "SocialWorker", id -> Map.of("stationId", qStation, "workerIds", List.of(id), "kind", "x",
                        "title", "x", "heldOn", "2026-11-01", "hours", 1)),
                new Case("designate", "Station", id -> Map.of("kind", "DEMONSTRATION", "level", "CITY", "stationId", id,
                        "awardedOn", "2026-01-01")),
                new Case("designate", "SocialWorker", id -> Map.of("kind", "SUPERVISOR", "level", "CITY", "workerId", id,
                        "awardedOn", "2026-01-01")),
                new Case("endDesignation", "Designation", id -> Map.of("id", id, "version", 1, "endsOn", "2026-11-01")),
                new Case("registerHostFacility", "Division", id -> Map.of("name", "x", "divisionId", id)),
                new Case("registerHostFacility", "Station", id -> Map.of("name", "x", "divisionId", qDivision, "stationId", id,
                        "servedSince", "2026-11-01")),
                new Case("serveHostFacility", "HostFacility", id -> Map.of("id", id, "version", 1)),
                new Case("serveHostFacility", "Station", id -> Map.of("id", qFacility, "version", 99, "stationId", id,
                        "servedSince", "2026-11-01")),
                // operators and service contracts
                new Case("updateOperator", "Operator", id -> Map.of("id", id, "version", 1, "name", "x")),
                new Case("setWorkerEmployer", "SocialWorker", id -> Map.of("id", id)),
                new Case("setWorkerEmployer", "Operator", id -> Map.of("id", missing("SocialWorker"), "operatorId", id)),
                new Case("createContract", "Division", id -> contractInput(Map.of("purchaserId", id))),
                new Case("createContract", "Division", id -> contractInput(Map.of("landingPartyId", id))),
                new Case("createContract", "Operator", id -> contractInput(Map.of("operatorId", id))),
                new Case("createContract", "Station", id -> contractInput(Map.of("stationIds", List.of(id)))),
                new Case("updateContract", "Contract", id -> Map.of("id", id, "version", 1, "title", "x")),
                new Case("updateContract", "Division", id -> Map.of("id", qDraft, "version", 99, "purchaserId", id)),
                new Case("updateContract", "Operator", id -> Map.of("id", qDraft, "version", 99, "operatorId", id)),
                new Case("updateContract", "Station", id -> Map.of("id", qDraft, "version", 99, "stationIds", List.of(id))),
                new Case("signContract", "Contract", id -> Map.of("id", id, "version", 1, "signedOn", "2026-01-01")),
                new Case("endContract", "Contract", id -> Map.of("id", id, "version", 2, "reason", "TERMINATED", "endedOn", "2026-06-30")),
                new Case("setContractTakeoverPlan", "Contract", id -> Map.of("id", id, "version", 2, "takeoverPlan", "x")),
                new Case("submitContractReport", "Contract", id -> Map.of("contractId", id, "kind", "MONTHLY_BRIEF",
                        "periodStart", "2026-10-01", "periodEnd", "2026-10-31", "body", "x")),
                new Case("acceptContractReport", "ContractReport", id -> Map.of("id", id, "version", 1)),
                new Case("recordContractEvaluation", "Contract", id -> Map.of("contractId", id, "contractYear", 1, "kind", "ANNUAL",
                        "evaluator", "x", "evaluatedOn", "2026-06-30", "grade", "good")),
                new Case("recordFundingEntry", "Station", id -> Map.of("kind", "ALLOCATION", "source", "street_purchase",
                        "amount", "1", "entryDate", "2026-03-01", "fiscalYear", 2026, "payerLevel", "STREET", "purpose", "OPERATION",
                        "stationId", id)),
                new Case("recordFundingEntry", "Division", id -> Map.of("kind", "ALLOCATION", "source", "street_purchase",
                        "amount", "1", "entryDate", "2026-03-01", "fiscalYear", 2026, "payerLevel", "DISTRICT", "purpose", "GENERAL",
                        "payerDivisionId", id)),
                new Case("removeFundingEntry", "FundingEntry", id -> Map.of("id", id, "version", 1)),
                new Case("recordFundingEntry", "ContractTranche", id -> Map.of("kind", "PAYMENT", "source", "street_purchase",
                        "amount", "1", "entryDate", "2026-03-01", "fiscalYear", 2026, "payerLevel", "STREET", "purpose", "OPERATION",
                        "stationId", Fixtures.stationId(as("qingpu", "VIEWER"), "xujing"), "trancheId", id)));
        Client qingpu = as("qingpu", "TENANT_ADMIN");
        for (Case c : cases) {
            Result foreign = qingpu.run(c.document(), "input", c.input().apply(wuhan.get(c.type())));
            Result absent = qingpu.run(c.document(), "input", c.input().apply(missing(c.type())));
            assertTrue(List.of("NOT_FOUND", "BAD_USER_INPUT").contains(foreign.errorCode()), c + foreign.raw());
            Fixtures.assertSameError(foreign, absent);
        }
        // nothing of wuhan changed
        Result after = as("wuhan", "TENANT_ADMIN").run("node", "id", wuhan.get("Station")).assertOk();
        assertEquals("江岸区大智街道社工站", after.string("node.name"));
    }

    @Test
    void filters_withAnotherTenantsIdFindNothing() {
        Client qingpu = as("qingpu", "VIEWER");
        assertEquals(0, qingpu.run("stationPage", "first", 10, "filter", Map.of("divisionId", wuhan.get("Division")))
                .assertOk().integer("stations.totalCount"));
        assertEquals(0, qingpu.run("stationPage", "first", 10, "filter", Map.of("parentId", wuhan.get("Station")))
                .assertOk().integer("stations.totalCount"));
        assertEquals(0, qingpu.run("workers", "first", 10, "filter", Map.of("stationId", wuhan.get("Station")))
                .assertOk().integer("workers.totalCount"));
        assertEquals(0, qingpu.run("divisions", "first", 10, "filter", Map.of("parentId", wuhan.get("Division")))
                .assertOk().integer("divisions.totalCount"));
        assertEquals(0, qingpu.run("complianceReport", "filter", Map.of("divisionId", wuhan.get("Division")))
                .assertOk().integer("complianceReport.totals.stations"));
        assertEquals(List.of(), (List<?>) qingpu.run("activitySummary", "from", "2026-01-01", "to", "2026-12-31",
                "divisionId", wuhan.get("Division")).assertOk().get("activitySummary"));
        Fixtures.assertSameError(qingpu.run("policyWhatIf", "draftId", wuhan.get("PolicyProfile")),
                qingpu.run("policyWhatIf", "draftId", missing("PolicyProfile")));
        Result foreignBrief = qingpu.run("monthlyBrief", "divisionId", wuhan.get("Division"));
        foreignBrief.assertError("NOT_FOUND", "divisionId");
        Fixtures.assertSameError(foreignBrief, qingpu.run("monthlyBrief", "divisionId", missing("Division")));
        qingpu.run("stationMonthlyBrief", "id", wuhan.get("Station")).assertOk().assertNullAt("node");
        assertEquals(List.of(), qingpu.run("fundingEntries", "stationId", wuhan.get("Station")).assertOk().get("fundingEntries"));
    }

    @Test
    void platformTenantIds_areNotMutableByTenantAdmins() {
        as("qingpu", "TENANT_ADMIN").run("deactivateTenant", "input", Map.of("id", wuhan.get("Tenant")))
                .assertError("FORBIDDEN", null);
    }
}
