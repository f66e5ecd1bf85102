package io.shegong.policy;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.shegong.support.Fixtures;
import io.shegong.support.GraphQLTestBase;
import io.shegong.support.Result;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static io.shegong.support.Fixtures.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The codes a profile uses are declared in it with the bureau's labels: a profile using a code it
 * does not declare is refused with the code's path; records carrying a code the profile in force
 * does not declare are refused naming the allowed ones; and what a bureau reads (findings, kinds,
 * pickers) names codes by their labels.
 */
@MicronautTest(transactional = false)
@SuppressWarnings("unchecked")
class VocabularyTest extends GraphQLTestBase {

    // ---- the profile declares the codes its rules use ------------------------------------------

    private record Draft(Client admin, String id, Map<String, Object> document) {
        Result save(Consumer<Map<String, Object>> edit) {
            edit.accept(document);
            return admin.run("updatePolicyDraft", "input", Map.of("id", id, "version", 1, "document", document));
        }
    }

    private Draft draftFrom(String template) {
        String code = newTenant();
        Client admin = as(code, "TENANT_ADMIN");
        Result r = admin.run("createPolicyDraft", "input", Map.of("fromTemplate", template)).assertOk();
        return new Draft(admin, r.string("createPolicyDraft.profile.id"), r.get("createPolicyDraft.profile.document"));
    }

    private String newTenant() {
        String code = unique("v").replace("_", "-");
        platformAdmin().run("createTenant", "input", Map.of("code", code, "nameZh", "测试区民政局", "nameEn", "Test Bureau",
                "level", "DISTRICT", "region", "测试省")).assertOk();
        return code;
    }

    private static Map<String, Object> at(Map<String, Object> doc, String list, int index) {
        return ((List<Map<String, Object>>) doc.get(list)).get(index);
    }

    private static List<Object> vocabulary(Map<String, Object> doc, String name) {
        return (List<Object>) ((Map<String, Object>) doc.get("vocabularies")).get(name);
    }

    private static Map<String, Object> term(String code, String zh, String en) {
        return Map.of("code", code, "labelZh", zh, "labelEn", en);
    }

    @Test
    void shangcheng_streetStationRequiringAnUndeclaredRoom_isRefusedWithThePath() {
        Draft draft = draftFrom("shangcheng");
        Map<String, Object> rooms = (Map<String, Object>) at(draft.document(), "stationKinds", 0).get("rooms");
        List<Object> required = new ArrayList<>((List<Object>) rooms.get("required"));
        required.add("counselling_room");
        rooms.put("required", required);
        Result refused = draft.save(d -> { });
        refused.assertError("BAD_USER_INPUT", "input.document.stationKinds[0].rooms.required[5]");
        assertTrue(refused.errorMessage().contains("'counselling_room' is not declared in vocabularies.rooms"), refused.errorMessage());
        assertTrue(refused.errorMessage().contains("archive_room"), refused.errorMessage());

        draft.save(d -> vocabulary(d, "rooms").add(term("counselling_room", "心理咨询室", "Counselling room"))).assertOk();
    }

    @Test
    void shangcheng_streetStationRequiringARuleWithNoRulesDeclared_isRefusedWithThePath() {
        Draft draft = draftFrom("shangcheng");
        Object rules = ((Map<String, Object>) draft.document().get("vocabularies")).remove("rules");
        Result refused = draft.save(d -> { });
        refused.assertError("BAD_USER_INPUT", "input.document.stationKinds[0].rules.required[0]");
        assertTrue(refused.errorMessage().contains("(the profile declares none)"), refused.errorMessage());
        draft.save(d -> ((Map<String, Object>) d.get("vocabularies")).put("rules", rules)).assertOk();
    }

    @Test
    void wuhan_staffingCaseForAnUndeclaredZone_isRefusedWithThePath() {
        Draft draft = draftFrom("wuhan");
        Map<String, Object> minimum = (Map<String, Object>) at(draft.document(), "staffingRules", 0).get("minimum");
        Map<String, Object> cases = new HashMap<>((Map<String, Object>) minimum.get("cases"));
        cases.put("中心城区", 3);
        minimum.put("cases", cases);
        Result refused = draft.save(d -> { });
        refused.assertError("BAD_USER_INPUT", "input.document.staffingRules[0].minimum.cases.中心城区");
        assertTrue(refused.errorMessage().contains("declared: CENTRAL_URBAN, NEW_URBAN, FUNCTIONAL_AREA"), refused.errorMessage());

        cases.remove("中心城区");
        cases.put("FUNCTIONAL_AREA", 2);
        draft.save(d -> { }).assertOk();
    }

    @Test
    void qingpu_targetInAnUndeclaredDomain_isRefusedWithThePath() {
        Draft draft = draftFrom("qingpu");
        int index = 1;
        @SuppressWarnings("unchecked")
        Map<String, Object> measure = (Map<String, Object>) at(draft.document(), "targets", index).get("measure");
        assertEquals("migrant_integration", measure.get("domain"));
        measure.put("domain", "sports");
        draft.save(d -> { }).assertError("BAD_USER_INPUT", "input.document.targets[1].measure.domain");
        measure.put("domain", "youth");
        draft.save(d -> { }).assertOk();
    }

    @Test
    void vocabulary_aCodeDeclaredTwice_orAnUnknownVocabulary_isRefusedWithThePath() {
        Draft draft = draftFrom("wuhan");
        vocabulary(draft.document(), "rooms").add(term("case_room", "个案室", "Case room"));
        draft.save(d -> { }).assertError("BAD_USER_INPUT", "input.document.vocabularies.rooms[5].code");
        vocabulary(draft.document(), "rooms").removeLast();
        ((Map<String, Object>) draft.document().get("vocabularies")).put("spaces", List.of());
        draft.save(d -> { }).assertError("BAD_USER_INPUT", "input.document.vocabularies.spaces");
        ((Map<String, Object>) draft.document().get("vocabularies")).remove("spaces");
        draft.save(d -> { }).assertOk();
    }

    // ---- records carry only the codes the profile in force declares ------------------------------

    private Map<String, Object> stationInput(Client admin, String kind, String division, Map<String, Object> extra) {
        Map<String, Object> in = new HashMap<>(Map.of("code", unique("voc"), "name", "测试社工站", "kind", kind,
                "divisionId", division, "operatingMode", "SELF_RUN", "status", "OPERATING", "statusSince", "2024-01-01"));
        in.putAll(extra);
        return in;
    }

    @Test
    void station_unknownRoom_isRefusedNamingAllowedRooms() {
        Client admin = as("shangcheng", "TENANT_ADMIN");
        String division = Fixtures.divisionId(admin, "qingbo");
        Result refused = admin.run("createStation", "input", stationInput(admin, "street_station", division,
                Map.of("rooms", List.of("case_room", "spa"))));
        refused.assertError("BAD_USER_INPUT", "input.rooms[1]");
        assertTrue(refused.errorMessage().startsWith("'spa' is not a room of the bureau's policy profile in force; allowed: "
                + "social_work_room (社工室), case_room (个案工作室)"), refused.errorMessage());

        Result created = admin.run("createStation", "input", stationInput(admin, "street_station", division,
                Map.of("rooms", List.of("case_room", "archive_room")))).assertOk();
        String id = created.string("createStation.station.id");
        admin.run("updateStation", "input", Map.of("id", id, "version", 1, "rooms", List.of("spa")))
                .assertError("BAD_USER_INPUT", "input.rooms[0]");
        admin.run("updateStation", "input", Map.of("id", id, "version", 1, "rooms", List.of("group_room"))).assertOk();
    }

    @Test
    void station_unknownRule_isRefusedNamingAllowedRules() {
        Client admin = as("wuhan", "TENANT_ADMIN");
        Map<String, Object> station = Fixtures.station(admin, "dazhi");
        Result refused = admin.run("updateStation", "input", Map.of("id", station.get("id"), "version", station.get("version"),
                "rules", List.of("staff", "gym")));
        refused.assertError("BAD_USER_INPUT", "input.rules[1]");
        assertTrue(refused.errorMessage().contains("'gym' is not a rule") && refused.errorMessage().contains("service_agreements (服务协议)"),
                refused.errorMessage());
    }

    @Test
    void qingpu_specialisedStation_unknownDomain_isRefusedNamingAllowedDomains() {
        Client admin = as("qingpu", "TENANT_ADMIN");
        Map<String, Object> in = stationInput(admin, "specialised", Fixtures.divisionId(admin, "xujing"),
                Map.of("domain", "sports", "parentId", Fixtures.stationId(admin, "xujing")));
        Result refused = admin.run("createStation", "input", in);
        refused.assertError("BAD_USER_INPUT", "input.domain");
        assertTrue(refused.errorMessage().contains("youth (青少年)") && refused.errorMessage().contains("anti_drug (禁毒)"),
                refused.errorMessage());
        in.put("domain", "veterans");
        admin.run("createStation", "input", in).assertOk();
    }

    @Test
    void wuhan_unknownZone_isRefusedNamingAllowedZones() {
        Client admin = as("wuhan", "TENANT_ADMIN");
        Map<String, Object> in = new HashMap<>(Map.of("code", unique("zone"), "level", "DISTRICT", "nameZh", "示例区", "zone", "中心城区"));
        Result refused = admin.run("createDivision", "input", in);
        refused.assertError("BAD_USER_INPUT", "input.zone");
        assertTrue(refused.errorMessage().contains("'中心城区' is not a zone")
                && refused.errorMessage().contains("CENTRAL_URBAN (中心城区), NEW_URBAN (新城区)"), refused.errorMessage());

        in.put("zone", "CENTRAL_URBAN");
        String id = admin.run("createDivision", "input", in).assertOk().string("createDivision.division.id");
        admin.run("updateDivisionZone", "input", Map.of("id", id, "version", 1, "zone", "新城区"))
                .assertError("BAD_USER_INPUT", "input.zone");
        assertEquals("NEW_URBAN", admin.run("updateDivisionZone", "input", Map.of("id", id, "version", 1, "zone", "NEW_URBAN"))
                .assertOk().string("updateDivision.division.zone"));
    }

    @Test
    void qingpu_zonesTheProfileLeavesFree_takeTheBureausOwnGrouping() {
        Client admin = as("qingpu", "TENANT_ADMIN");
        admin.run("createDivision", "input", Map.of("code", unique("zone"), "level", "DISTRICT", "nameZh", "示例区",
                "zone", "西部片区")).assertOk();
    }

    @Test
    void bureauWithNoProfileInForce_takesAnyCode() {
        Client admin = as(newTenant(), "TENANT_ADMIN");
        admin.run("createDivision", "input", Map.of("code", "xibu", "level", "DISTRICT", "nameZh", "示例区",
                "zone", "中心城区")).assertOk();
    }

    // ---- what a bureau reads names codes by their labels ----------------------------------------

    @Test
    void stationKind_requiredRoomsAndRules_carryTheProfilesLabels() {
        List<Map<String, Object>> kinds = as("shangcheng", "VIEWER").run("stationKindTerms").assertOk().get("stationKinds");
        Map<String, Object> street = kinds.stream().filter(k -> "street_station".equals(k.get("code"))).findFirst().orElseThrow();
        List<Map<String, Object>> rooms = (List<Map<String, Object>>) street.get("requiredRooms");
        assertEquals(List.of("社工室", "个案工作室", "小组工作室", "多功能室", "档案室"), rooms.stream().map(r -> r.get("labelZh")).toList());
        assertEquals(Map.of("code", "archive_room", "labelZh", "档案室", "labelEn", "Archive room", "source", "001 四、(二)"),
                rooms.getLast());
        assertEquals("岗位管理", ((List<Map<String, Object>>) street.get("requiredRules")).getFirst().get("labelZh"));
        Map<String, Object> school = kinds.stream().filter(k -> "school_station".equals(k.get("code"))).findFirst().orElseThrow();
        assertEquals(List.of(), school.get("requiredRooms"));
        assertEquals(List.of(), school.get("requiredRules"));
    }

    @Test
    void policyProfile_vocabularies_giveAConsoleItsPickers() {
        Result wuhan = as("wuhan", "VIEWER").run("vocabularies").assertOk();
        List<Map<String, Object>> zones = wuhan.get("policyProfile.vocabularies.zones");
        assertEquals(Map.of("code", "CENTRAL_URBAN", "labelZh", "中心城区", "labelEn", "Central urban district",
                "source", "004 二、(二)"), zones.getFirst());
        wuhan.assertNullAt("policyProfile.vocabularies.domains");

        Result yangpu = as("yangpu", "VIEWER").run("vocabularies").assertOk();
        yangpu.assertNullAt("policyProfile.vocabularies.rooms");
        List<Map<String, Object>> domains = yangpu.get("policyProfile.vocabularies.domains");
        Map<String, Object> own = domains.stream().filter(d -> "elderly".equals(d.get("code"))).findFirst().orElseThrow();
        assertNull(own.get("source"), "a field the bureau adds itself has no source in the report");

        as("wuhan", "VIEWER").run("vocabularies", "on", "2020-01-01").assertOk().assertNullAt("policyProfile");
    }

    @Test
    void finding_missingRoom_namesTheRoomByLabel() {
        Client admin = as("shangcheng", "TENANT_ADMIN");
        String division = Fixtures.divisionId(admin, "qingbo");
        String lacking = admin.run("createStation", "input", stationInput(admin, "street_station", division, Map.of(
                "rooms", List.of("social_work_room", "case_room", "group_room", "multi_function_room"))))
                .assertOk().string("createStation.station.id");
        Map<String, Object> f = finding(admin, lacking, "required_rooms");
        assertEquals("缺少功能室：档案室", f.get("messageZh"));
        assertEquals("missing rooms: Archive room", f.get("messageEn"));

        admin.run("updateStation", "input", Map.of("id", lacking, "version", 1, "rooms", List.of("social_work_room",
                "case_room", "group_room", "multi_function_room", "archive_room"))).assertOk();
        assertTrue(findings(admin, lacking).stream().noneMatch(x -> "required_rooms".equals(x.get("rule"))));
    }

    @Test
    void finding_missingRule_namesTheRuleByLabel() {
        Client admin = as("weihai", "TENANT_ADMIN");
        String station = admin.run("createStation", "input", stationInput(admin, "town_station",
                Fixtures.divisionId(admin, "zhangcun"), Map.of("operatingMode", "PURCHASED",
                        "rules", List.of("staff", "finance", "archives")))).assertOk().string("createStation.station.id");
        Map<String, Object> f = finding(admin, station, "required_rules");
        assertEquals("缺少制度：服务场所使用管理、服务对象数据库管理", f.get("messageZh"));
        assertEquals("missing rules: Use of service premises, Service-recipient database management", f.get("messageEn"));
    }

    private List<Map<String, Object>> findings(Client admin, String station) {
        return admin.run("stationCompliance", "id", station).assertOk().get("node.compliance.findings");
    }

    private Map<String, Object> finding(Client admin, String station, String rule) {
        List<Map<String, Object>> all = findings(admin, station);
        return all.stream().filter(x -> rule.equals(x.get("rule"))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + rule + " in " + all));
    }

    // ---- the demo data ---------------------------------------------------------------------------

    @Test
    void demoData_carriesOnlyTheCodesItsProfileDeclares() {
        for (String tenant : List.of("qingpu", "yangpu", "shangcheng", "weihai", "wuhan")) {
            Client viewer = as(tenant, "VIEWER");
            Map<String, Object> vocabularies = viewer.run("vocabularies").assertOk().get("policyProfile.vocabularies");
            for (Map<String, Object> st : pages(viewer, "stationCodes", "stations")) {
                within(tenant, st, vocabularies, "rooms", (List<String>) st.get("rooms"));
                within(tenant, st, vocabularies, "rules", (List<String>) st.get("rules"));
                if (st.get("domain") != null) {
                    within(tenant, st, vocabularies, "domains", List.of((String) st.get("domain")));
                }
            }
            for (Map<String, Object> d : pages(viewer, "divisionZones", "divisions")) {
                if (d.get("zone") != null) {
                    within(tenant, d, vocabularies, "zones", List.of((String) d.get("zone")));
                }
            }
        }
    }

    private static void within(String tenant, Map<String, Object> record, Map<String, Object> vocabularies, String name,
                               List<String> codes) {
        List<Map<String, Object>> terms = (List<Map<String, Object>>) vocabularies.get(name);
        if (terms == null) {
            return;
        }
        List<Object> declared = terms.stream().map(t -> t.get("code")).toList();
        for (String code : codes) {
            assertTrue(declared.contains(code), tenant + " " + record.get("code") + ": " + name + " '" + code + "' is not declared");
        }
    }

    private static List<Map<String, Object>> pages(Client client, String document, String field) {
        List<Map<String, Object>> out = new ArrayList<>();
        String after = null;
        do {
            Result r = client.run(document, "after", after).assertOk();
            List<Map<String, Object>> edges = r.get(field + ".edges");
            edges.forEach(e -> out.add(Fixtures.node(e)));
            after = Boolean.TRUE.equals(r.get(field + ".pageInfo.hasNextPage")) ? r.string(field + ".pageInfo.endCursor") : null;
        } while (after != null);
        return out;
    }
}
