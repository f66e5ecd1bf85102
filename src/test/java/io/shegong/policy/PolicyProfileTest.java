package io.shegong.policy;

import io.micronaut.core.type.Argument;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.shegong.support.Fixtures;
import io.shegong.support.GraphQLTestBase;
import io.shegong.support.Result;
import io.shegong.support.TestDatabase;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static io.shegong.support.Fixtures.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
class PolicyProfileTest extends GraphQLTestBase {

    private Map<String, Object> sixthCity() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/profiles/sixth-city.json")) {
            return json.readValue(in.readAllBytes(), Argument.mapOf(String.class, Object.class));
        }
    }

    private String newTenant() {
        String code = unique("gusu").replace("_", "-");
        platformAdmin().run("createTenant", "input", Map.of("code", code, "nameZh", "苏州市姑苏区民政局",
                "nameEn", "Gusu District Civil Affairs Bureau", "level", "DISTRICT", "region", "江苏省苏州市姑苏区")).assertOk();
        return code;
    }

    @Test
    void sixthTenant_isConfiguredAndCheckedThroughGraphqlAlone() throws IOException {
        String code = newTenant();
        Client admin = as(code, "TENANT_ADMIN");
        Result draft = admin.run("createPolicyDraft", "input", Map.of()).assertOk();
        String id = draft.string("createPolicyDraft.profile.id");
        admin.run("updatePolicyDraft", "input", Map.of("id", id, "version", 1, "document", sixthCity())).assertOk();
        Result published = admin.run("publishPolicyProfile", "input", Map.of("id", id, "version", 2, "effectiveFrom", "2026-01-01")).assertOk();
        assertEquals("PUBLISHED", published.string("publishPolicyProfile.profile.status"));
        Result inForce = admin.run("policyInForce").assertOk();
        assertEquals(1, inForce.integer("policyProfile.revision"));
        assertEquals(2, ((List<?>) inForce.get("stationKinds")).size());

        String district = admin.run("createDivision", "input", Map.of("code", "gusu", "level", "DISTRICT", "nameZh", "姑苏区"))
                .assertOk().string("createDivision.division.id");
        String street = admin.run("createDivision", "input", Map.of("code", "pingjiang", "level", "STREET", "nameZh", "平江街道",
                "parentId", district, "communityCount", 12)).assertOk().string("createDivision.division.id");
        String station = admin.run("createStation", "input", Map.of("code", "pingjiang", "name", "姑苏区平江街道社工站",
                "kind", "street_station", "divisionId", street, "operatingMode", "SELF_RUN", "status", "OPERATING",
                "statusSince", "2026-02-01", "rooms", List.of("case_room", "group_room"), "rules", List.of("finance")))
                .assertOk().string("createStation.station.id");
        String head = worker(admin, "周敏", m -> m.putAll(Map.of("certificateLevel", "ASSISTANT", "certificateDate", "2019-05-01")));
        admin.run("assignWorker", "input", Map.of("workerId", head, "stationId", station, "role", "HEAD", "startsOn", "2026-02-01")).assertOk();

        Result before = admin.run("stationCompliance", "id", station, "on", "2026-11-01").assertOk();
        assertFalse((Boolean) before.get("node.compliance.compliant"));
        String messages = before.get("node.compliance.findings").toString();
        assertTrue(messages.contains("needs 3 full-time certified workers for 12 communities; has 1"), messages);
        assertTrue(messages.contains("需要3名专职持证社工（覆盖12个社区），现有1名"), messages);
        assertTrue(messages.contains("missing rules: Archive management"), messages);
        assertTrue(messages.contains("test 3"), messages);

        for (String name : List.of("吴琳", "郑浩")) {
            String w = worker(admin, name, m -> m.putAll(Map.of("certificateLevel", "INTERMEDIATE", "certificateDate", "2020-05-01")));
            admin.run("assignWorker", "input", Map.of("workerId", w, "stationId", station, "role", "SOCIAL_WORKER", "startsOn", "2026-03-01")).assertOk();
        }
        admin.run("updateStation", "input", Map.of("id", station, "version", 1, "rules", List.of("finance", "archives"))).assertOk();
        Result after = admin.run("stationCompliance", "id", station, "on", "2026-11-01").assertOk();
        assertTrue((Boolean) after.get("node.compliance.compliant"), after.raw());
    }

    private String worker(Client admin, String name, Consumer<Map<String, Object>> extra) {
        Map<String, Object> in = new HashMap<>(Map.of("name", name, "educationLevel", "BACHELOR", "birthDate", "1990-01-01",
                "lastRecordCheckOn", "2026-06-01"));
        extra.accept(in);
        return admin.run("registerWorker", "input", in).assertOk().string("registerWorker.worker.id");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> at(Map<String, Object> doc, String list, int index) {
        return (Map<String, Object>) ((List<Object>) doc.get(list)).get(index);
    }

    @Test
    @SuppressWarnings("unchecked")
    void badProfiles_areRefusedWithThePathAndNothingIsSaved() throws IOException {
        String code = newTenant();
        Client admin = as(code, "TENANT_ADMIN");
        String id = admin.run("createPolicyDraft", "input", Map.of()).assertOk().string("createPolicyDraft.profile.id");
        Map<String, Consumer<Map<String, Object>>> cases = new HashMap<>();
        cases.put("input.document.qualificationRules[0].alternatives[0].conditions[0].expression",
                d -> conditions(d).getFirst().put("expression", "certificateRank >="));
        cases.put("input.document.qualificationRules[0].alternatives[1].conditions[0].expression",
                d -> conditions(d, 1).getFirst().put("expression", "salary > 3000"));
        cases.put("input.document.staffingRules[0].minimum.brackets",
                d -> ((Map<String, Object>) at(d, "staffingRules", 0).get("minimum")).put("brackets",
                        List.of(Map.of("to", 10, "value", 2), Map.of("from", 10, "value", 3))));
        cases.put("input.document.staffingRules[0].minimum.fixed",
                d -> at(d, "staffingRules", 0).put("minimum", Map.of("fixed", -1)));
        cases.put("input.document.stationKinds[1].parentKinds",
                d -> at(d, "stationKinds", 1).put("parentKinds", List.of("no_such_kind")));
        cases.put("input.document.staffingRules[0].requiredRoles[0].wording",
                d -> ((List<Map<String, Object>>) at(d, "staffingRules", 0).get("requiredRoles")).getFirst().remove("wording"));
        cases.put("input.document.recordChecks[0].severity", d -> at(d, "recordChecks", 0).put("bureauSetting", true));
        cases.put("input.document.stationKinds[0].requiredRooms",
                d -> at(d, "stationKinds", 0).put("requiredRooms", List.of("case_room")));
        cases.put("input.document.catalogue.models[0].slots[0].maximum",
                d -> ((List<Map<String, Object>>) ((List<Map<String, Object>>) ((Map<String, Object>) d.get("catalogue"))
                        .get("models")).getFirst().get("slots")).getFirst().put("maximum", 0));
        for (var c : cases.entrySet()) {
            Map<String, Object> doc = sixthCity();
            c.getValue().accept(doc);
            Result r = admin.run("updatePolicyDraft", "input", Map.of("id", id, "version", 1, "document", doc));
            r.assertError("BAD_USER_INPUT", c.getKey());
        }
        Map<String, Object> doc = sixthCity();
        conditions(doc).getFirst().put("expression", "certificateRank >= 1 &&\n  agee < 3");
        Result r = admin.run("updatePolicyDraft", "input", Map.of("id", id, "version", 1, "document", doc));
        assertEquals("表达式第2行第3列：“agee”不是可用的变量或函数（可用的见政策配置说明） / Expression, line 2, column 3: "
                + "'agee' is not a known variable or function (the profile documentation lists them)", r.errorMessage());
        conditions(doc).getFirst().put("expression", "certificateRank >");
        assertEquals("表达式第1行第18列：表达式不完整 / Expression, line 1, column 18: the expression ends too early",
                admin.run("updatePolicyDraft", "input", Map.of("id", id, "version", 1, "document", doc)).errorMessage());
        conditions(doc).getFirst().put("expression", "certificateRank > 'x'");
        String overload = admin.run("updatePolicyDraft", "input", Map.of("id", id, "version", 1, "document", doc)).errorMessage();
        assertEquals("表达式第1行第17列：“>”不能用于 int 与 string / Expression, line 1, column 17: '>' cannot be applied to int and string",
                overload);
        Result unchanged = admin.run("policyInForce").assertOk();
        assertEquals(1, unchanged.integer("policyProfiles.0.version"));
        assertEquals(0, ((List<?>) unchanged.get("stationKinds")).size());
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> conditions(Map<String, Object> doc) {
        return conditions(doc, 0);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> conditions(Map<String, Object> doc, int alternative) {
        Map<String, Object> rule = at(doc, "qualificationRules", 0);
        Map<String, Object> alt = ((List<Map<String, Object>>) rule.get("alternatives")).get(alternative);
        return (List<Map<String, Object>>) alt.get("conditions");
    }

    @Test
    void staleEdit_isConflict_publishedIsImmutable_andRevisionsAreEffectiveDated() throws IOException {
        String code = newTenant();
        Client admin = as(code, "TENANT_ADMIN");
        String id = admin.run("createPolicyDraft", "input", Map.of()).assertOk().string("createPolicyDraft.profile.id");
        admin.run("updatePolicyDraft", "input", Map.of("id", id, "version", 1, "document", sixthCity())).assertOk();
        admin.run("updatePolicyDraft", "input", Map.of("id", id, "version", 1, "document", sixthCity()))
                .assertError("CONFLICT", "input.version");
        admin.run("createPolicyDraft", "input", Map.of()).assertError("CONFLICT", null);
        admin.run("publishPolicyProfile", "input", Map.of("id", id, "version", 2, "effectiveFrom", "2026-01-01")).assertOk();
        admin.run("updatePolicyDraft", "input", Map.of("id", id, "version", 3, "document", sixthCity()))
                .assertError("BAD_USER_INPUT", "input.id");

        String second = admin.run("createPolicyDraft", "input", Map.of("fromProfileId", id)).assertOk()
                .string("createPolicyDraft.profile.id");
        admin.run("publishPolicyProfile", "input", Map.of("id", second, "version", 1, "effectiveFrom", "2025-06-01"))
                .assertError("BAD_USER_INPUT", "input.effectiveFrom");
        admin.run("publishPolicyProfile", "input", Map.of("id", second, "version", 1, "effectiveFrom", "2027-01-01")).assertOk();
        assertEquals(1, admin.run("policyInForce", "on", "2026-11-01").assertOk().integer("policyProfile.revision"));
        assertEquals(2, admin.run("policyInForce", "on", "2027-01-01").assertOk().integer("policyProfile.revision"));
        admin.run("policyInForce", "on", "2025-01-01").assertOk().assertNullAt("policyProfile");
    }

    @Test
    void publishedProfiles_andAuditEntries_cannotBeChangedEvenBySql() throws SQLException {
        as("wuhan", "VIEWER").run("policyInForce").assertOk();
        try (Connection c = TestDatabase.service(); Statement st = c.createStatement()) {
            c.setAutoCommit(false);
            st.execute("SELECT set_config('app.tenant_id', (SELECT id::text FROM tenant WHERE code = 'wuhan'), true)");
            st.execute("SAVEPOINT a");
            SQLException immutable = assertThrows(SQLException.class,
                    () -> st.executeUpdate("UPDATE policy_profile SET document = '{}' WHERE status = 'PUBLISHED'"));
            assertTrue(immutable.getMessage().contains("immutable"));
            st.execute("ROLLBACK TO SAVEPOINT a");
            SQLException noUpdate = assertThrows(SQLException.class, () -> st.executeUpdate("UPDATE audit_entry SET actor = 'x'"));
            assertEquals("42501", noUpdate.getSQLState());
            st.execute("ROLLBACK TO SAVEPOINT a");
            SQLException noDelete = assertThrows(SQLException.class, () -> st.executeUpdate("DELETE FROM audit_entry"));
            assertEquals("42501", noDelete.getSQLState());
            c.rollback();
        }
    }

    @Test
    void aRevisionPublishedForLater_canBeWithdrawnBeforeItTakesEffect_andNotAfter() throws IOException {
        String code = newTenant();
        Client admin = as(code, "TENANT_ADMIN");
        String id = admin.run("createPolicyDraft", "input", Map.of()).assertOk().string("createPolicyDraft.profile.id");
        admin.run("updatePolicyDraft", "input", Map.of("id", id, "version", 1, "document", sixthCity())).assertOk();
        admin.run("publishPolicyProfile", "input", Map.of("id", id, "version", 2, "effectiveFrom", TODAY.toString())).assertOk();
        // in force from today: it stays
        admin.run("withdrawPolicyProfile", "input", Map.of("id", id, "version", 3)).assertError("BAD_USER_INPUT", "input.id");

        String next = admin.run("createPolicyDraft", "input", Map.of("fromProfileId", id)).assertOk()
                .string("createPolicyDraft.profile.id");
        admin.run("publishPolicyProfile", "input", Map.of("id", next, "version", 1,
                "effectiveFrom", TODAY.plusMonths(1).toString())).assertOk();
        // a draft open elsewhere is in the way
        String other = admin.run("createPolicyDraft", "input", Map.of("fromProfileId", id)).assertOk()
                .string("createPolicyDraft.profile.id");
        admin.run("withdrawPolicyProfile", "input", Map.of("id", next, "version", 2)).assertError("CONFLICT", "input.id");
        admin.run("withdrawPolicyProfile", "input", Map.of("id", other, "version", 1)).assertError("BAD_USER_INPUT", "input.id");
        admin.run("publishPolicyProfile", "input", Map.of("id", other, "version", 1,
                "effectiveFrom", TODAY.plusMonths(2).toString())).assertOk();

        Result withdrawn = admin.run("withdrawPolicyProfile", "input", Map.of("id", next, "version", 2)).assertOk();
        assertEquals("DRAFT", withdrawn.string("withdrawPolicyProfile.profile.status"));
        as(code, "VIEWER").run("withdrawPolicyProfile", "input", Map.of("id", other, "version", 2))
                .assertError("FORBIDDEN", null);
        // the withdrawn revision is the draft again: corrected and published anew
        admin.run("updatePolicyDraft", "input", Map.of("id", next, "version", 3, "document", sixthCity())).assertOk();
        Result log = admin.run("auditLog", "entity", "PolicyProfile").assertOk();
        assertTrue(log.get("auditLog.edges").toString().contains("withdrawPolicyProfile"), log.raw());
    }

    @Test
    void audit_recordsWhoChangedWhatBeforeAndAfter_forTenantAdminsOnly() throws IOException {
        String code = newTenant();
        Client admin = as(code, "TENANT_ADMIN");
        String id = admin.run("createPolicyDraft", "input", Map.of()).assertOk().string("createPolicyDraft.profile.id");
        admin.run("updatePolicyDraft", "input", Map.of("id", id, "version", 1, "document", sixthCity())).assertOk();
        admin.run("publishPolicyProfile", "input", Map.of("id", id, "version", 2, "effectiveFrom", "2026-01-01")).assertOk();
        Result log = admin.run("auditLog", "entity", "PolicyProfile").assertOk();
        assertEquals(3, log.integer("auditLog.totalCount"));
        assertEquals("publishPolicyProfile", log.string("auditLog.edges.0.node.action"));
        assertEquals("updatePolicyDraft", log.string("auditLog.edges.1.node.action"));
        assertEquals(code + ":admin", log.string("auditLog.edges.1.node.actor"));
        assertEquals(id, log.string("auditLog.edges.1.node.entityId"));
        assertTrue(log.get("auditLog.edges.1.node.after").toString().contains("street_staffing"));
        as(code, "VIEWER").run("auditLog").assertError("FORBIDDEN", null);
        assertEquals(0, as("wuhan", "TENANT_ADMIN").run("auditLog", "entity", "PolicyProfile").assertOk().integer("auditLog.totalCount"));
    }

    @Test
    void whatIf_showsStationsThatADraftWouldNewlyFail() throws IOException {
        String code = newTenant();
        Client admin = as(code, "TENANT_ADMIN");
        String id = admin.run("createPolicyDraft", "input", Map.of()).assertOk().string("createPolicyDraft.profile.id");
        Map<String, Object> lenient = sixthCity();
        at(lenient, "stationKinds", 0).remove("rules");
        admin.run("updatePolicyDraft", "input", Map.of("id", id, "version", 1, "document", lenient)).assertOk();
        admin.run("publishPolicyProfile", "input", Map.of("id", id, "version", 2, "effectiveFrom", "2026-01-01")).assertOk();
        String street = admin.run("createDivision", "input", Map.of("code", "canglang", "level", "DISTRICT", "nameZh", "沧浪",
                "communityCount", 3)).assertOk().string("createDivision.division.id");
        String station = admin.run("createStation", "input", Map.of("code", "canglang", "name", "姑苏区沧浪街道社工站",
                "kind", "street_station", "divisionId", street, "operatingMode", "SELF_RUN", "status", "OPERATING",
                "statusSince", "2026-02-01", "rooms", List.of("case_room", "group_room"))).assertOk().string("createStation.station.id");
        List<String> workers = new ArrayList<>();
        for (String name : List.of("钱伟", "孙丽")) {
            String w = worker(admin, name, m -> m.putAll(Map.of("certificateLevel", "ASSISTANT", "certificateDate", "2021-01-01")));
            workers.add(w);
            admin.run("assignWorker", "input", Map.of("workerId", w, "stationId", station,
                    "role", workers.size() == 1 ? "HEAD" : "SOCIAL_WORKER", "startsOn", "2026-02-01")).assertOk();
        }
        assertTrue((Boolean) admin.run("stationCompliance", "id", station).assertOk().get("node.compliance.compliant"));
        String draft = admin.run("createPolicyDraft", "input", Map.of("fromProfileId", id)).assertOk().string("createPolicyDraft.profile.id");
        admin.run("updatePolicyDraft", "input", Map.of("id", draft, "version", 1, "document", sixthCity())).assertOk();
        Result whatIf = admin.run("policyWhatIf", "draftId", draft).assertOk();
        assertEquals("canglang", whatIf.string("policyWhatIf.stationsNewlyFailing.0.station.code"));
        assertTrue(whatIf.get("policyWhatIf.stationsNewlyFailing.0.findings").toString().contains("missing rules"));
        admin.run("policyWhatIf", "draftId", id).assertError("BAD_USER_INPUT", "draftId");
    }

    @Test
    void templates_areOfferedToEveryBureau() {
        Result r = as("yangpu", "VIEWER").query("{ policyTemplates { code } }", Map.of()).assertOk();
        assertEquals(5, ((List<?>) r.get("policyTemplates")).size());
        String code = newTenant();
        Result draft = as(code, "TENANT_ADMIN").run("createPolicyDraft", "input", Map.of("fromTemplate", "shangcheng")).assertOk();
        assertTrue(draft.get("createPolicyDraft.profile.document").toString().contains("123N"));
        as(code, "TENANT_ADMIN").run("createPolicyDraft", "input", Map.of("fromTemplate", "atlantis"))
                .assertError("BAD_USER_INPUT", "input.fromTemplate");
    }

    @Test
    void viewer_cannotEditProfiles() {
        as("wuhan", "VIEWER").run("createPolicyDraft", "input", Map.of()).assertError("FORBIDDEN", null);
        assertTrue(Fixtures.stationCount(as("wuhan", "VIEWER")) > 0);
    }
}
