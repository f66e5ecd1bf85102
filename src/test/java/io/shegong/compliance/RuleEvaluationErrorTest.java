package io.shegong.compliance;

import io.micronaut.core.type.Argument;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.shegong.support.Fixtures;
import io.shegong.support.GraphQLTestBase;
import io.shegong.support.Result;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A rule that fails to evaluate is reported as such, never as a failure of the worker. */
@MicronautTest(transactional = false)
class RuleEvaluationErrorTest extends GraphQLTestBase {

    @SuppressWarnings("unchecked")
    private Map<String, Object> profileWithAFaultyCondition() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/profiles/sixth-city.json")) {
            Map<String, Object> doc = json.readValue(in.readAllBytes(), Argument.mapOf(String.class, Object.class));
            Map<String, Object> rule = (Map<String, Object>) ((List<Object>) doc.get("qualificationRules")).getFirst();
            Map<String, Object> trained = (Map<String, Object>) ((List<Object>) rule.get("alternatives")).get(1);
            Map<String, Object> condition = (Map<String, Object>) ((List<Object>) trained.get("conditions")).getFirst();
            // type-checks on save, fails at run time for anyone with fewer than 101 training records
            condition.put("expression", "trainings[100].hours >= 60.0");
            return doc;
        }
    }

    @Test
    void conditionFailingAtRunTime_isAnInfoFindingCountedApart_notAViolation() throws IOException {
        String code = Fixtures.unique("t").replace("_", "-");
        platformAdmin().run("createTenant", "input", Map.of("code", code, "nameZh", "测试区民政局", "nameEn", "Test Bureau",
                "level", "DISTRICT", "region", "测试省")).assertOk();
        Client admin = as(code, "TENANT_ADMIN");
        String draft = admin.run("createPolicyDraft", "input", Map.of()).assertOk().string("createPolicyDraft.profile.id");
        admin.run("updatePolicyDraft", "input", Map.of("id", draft, "version", 1, "document", profileWithAFaultyCondition())).assertOk();
        admin.run("publishPolicyProfile", "input", Map.of("id", draft, "version", 2, "effectiveFrom", "2026-01-01")).assertOk();
        String district = admin.run("createDivision", "input", Map.of("code", "gusu", "level", "DISTRICT", "nameZh", "姑苏区"))
                .assertOk().string("createDivision.division.id");
        String street = admin.run("createDivision", "input", Map.of("code", "pingjiang", "level", "STREET", "nameZh", "平江街道",
                "parentId", district, "communityCount", 3)).assertOk().string("createDivision.division.id");
        String station = admin.run("createStation", "input", Map.of("code", "pingjiang", "name", "平江街道社工站",
                "kind", "street_station", "divisionId", street, "operatingMode", "SELF_RUN", "status", "OPERATING",
                "statusSince", "2026-02-01")).assertOk().string("createStation.station.id");
        String uncertified = admin.run("registerWorker", "input", Map.of("name", "钱未证", "educationLevel", "BACHELOR",
                "birthDate", "1990-01-01", "lastRecordCheckOn", "2026-06-01")).assertOk().string("registerWorker.worker.id");
        admin.run("assignWorker", "input", Map.of("workerId", uncertified, "stationId", station, "role", "SOCIAL_WORKER",
                "startsOn", "2026-02-01")).assertOk();

        Result r = admin.run("stationCompliance", "id", station, "on", "2026-11-01").assertOk();
        List<Map<String, Object>> findings = r.get("node.compliance.findings");
        Map<String, Object> basic = findings.stream().filter(f -> "gusu_basic".equals(f.get("rule"))).findFirst()
                .orElseThrow(() -> new AssertionError(r.raw()));
        assertEquals("INFO", basic.get("severity"), r.raw());
        assertEquals(true, basic.get("unevaluated"));
        assertTrue(basic.get("messageEn").toString().contains("could not be evaluated"), r.raw());
        assertTrue(basic.get("messageEn").toString().contains("trainings[100]"), r.raw());

        Result report = admin.run("complianceReport", "on", "2026-11-01").assertOk();
        assertEquals(1, report.integer("complianceReport.totals.unevaluated"), report.raw());
        assertTrue(report.get("complianceReport.byRule").toString().contains("gusu_basic"));
        Result q = admin.query("query($id: ID!) { node(id: $id) { ... on SocialWorker { qualification(on: \"2026-11-01\") { rule satisfied evaluationError } } } }",
                Map.of("id", uncertified)).assertOk();
        assertEquals(false, q.get("node.qualification.0.satisfied"));
        assertTrue(q.string("node.qualification.0.evaluationError").contains("trainings[100]"), q.raw());
    }
}
