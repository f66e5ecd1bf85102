package io.shegong.compliance;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.shegong.support.Fixtures;
import io.shegong.support.GraphQLTestBase;
import io.shegong.support.Result;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.shegong.support.Fixtures.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Annual plans placed in the catalogue's slots, checked against the model as part of compliance. */
@MicronautTest(transactional = false)
class ServicePlanTest extends GraphQLTestBase {
    private static final int YEAR = TODAY.getYear();

    private static Map<String, Object> project(String name, String slot, String item) {
        return item == null ? Map.of("name", name, "slot", slot) : Map.of("name", name, "slot", slot, "item", item);
    }

    private String wuhanStation(Client admin) {
        String code = unique("plan");
        return admin.run("createStation", "input", Map.of("code", code, "name", "江岸区示例街道社工站", "kind", "street_station",
                "divisionId", Fixtures.divisionId(admin, "dazhi"), "operatingMode", "PURCHASED", "status", "OPERATING",
                "statusSince", "2024-01-01")).assertOk().string("createStation.station.id");
    }

    private List<Map<String, Object>> planFindings(Client admin, String station) {
        List<Map<String, Object>> all = admin.run("stationCompliance", "id", station).assertOk().get("node.compliance.findings");
        return all.stream().filter(f -> f.get("rule").toString().startsWith("service_plan")).toList();
    }

    @Test
    void wuhanPlan_needsExactlyOneCoreAndEveryBasicDomain() {
        Client admin = as("wuhan", "TENANT_ADMIN");
        String station = wuhanStation(admin);
        assertEquals("ADVISORY", planFindings(admin, station).getFirst().get("severity"));

        List<Map<String, Object>> projects = new ArrayList<>(List.of(
                project("红色引领·社工同行", "core", "party_building"),
                project("困难群众探访", "social_assistance", "survey_assessment"),
                project("四点半课堂", "child_welfare", "family_education")));
        Result saved = admin.run("saveServicePlan", "input", Map.of("stationId", station, "year", YEAR, "projects", projects)).assertOk();
        List<Map<String, Object>> findings = planFindings(admin, station);
        assertTrue(findings.stream().anyMatch(f -> f.get("messageEn").toString().contains("'Community governance")
                || f.get("rule").equals("service_plan_community_governance")), findings.toString());
        // "1+4+N" is stated without a requirement word, and the annex lets districts choose domains (可)
        assertTrue(findings.stream().allMatch(f -> "ADVISORY".equals(f.get("severity"))), findings.toString());

        projects.add(project("第二个核心项目", "core", "party_building"));
        projects.add(project("社区社会组织孵化", "community_governance", "community_org_incubation"));
        projects.add(project("银龄关爱", "elderly", "care_visits"));
        admin.run("saveServicePlan", "input", Map.of("stationId", station, "year", YEAR, "version", 1, "projects", projects)).assertOk();
        List<Map<String, Object>> twoCores = planFindings(admin, station);
        assertEquals(1, twoCores.size(), twoCores.toString());
        assertTrue(twoCores.getFirst().get("messageEn").toString().matches("the \\d+ plan has 2 projects in '.*'; allows at most 1"),
                twoCores.toString());

        projects.remove(3);
        admin.run("saveServicePlan", "input", Map.of("stationId", station, "year", YEAR, "version", 2, "projects", projects)).assertOk();
        assertEquals(List.of(), planFindings(admin, station));
        admin.run("saveServicePlan", "input", Map.of("stationId", station, "year", YEAR, "version", 2, "projects", projects))
                .assertError("CONFLICT", "input.version");
        assertEquals(YEAR, saved.integer("saveServicePlan.plan.year"));
    }

    @Test
    void shangcheng123N_oneClusterProjectOfThree_isCountedInGoodEnglish() {
        Client admin = as("shangcheng", "TENANT_ADMIN");
        String station = admin.run("createStation", "input", Map.of("code", unique("plan"), "name", "杭州市上城区示例街道社会工作站",
                "kind", "street_station", "divisionId", Fixtures.divisionId(admin, "qingbo"), "operatingMode", "SELF_RUN",
                "status", "OPERATING", "statusSince", "2024-01-01")).assertOk().string("createStation.station.id");
        List<Map<String, Object>> projects = new ArrayList<>(List.of(project("党建引领", "core", null),
                project("区域品牌", "regional_brand", null), project("治理品牌", "governance_brand", null),
                project("一老一小组团", "cluster", null)));
        admin.run("saveServicePlan", "input", Map.of("stationId", station, "year", YEAR, "projects", projects)).assertOk();
        Map<String, Object> cluster = planFindings(admin, station).stream()
                .filter(f -> "service_plan_cluster".equals(f.get("rule"))).findFirst().orElseThrow();
        assertTrue(cluster.get("messageEn").toString().matches("the \\d+ plan has 1 project in '3 cluster projects.*'; needs at least 3"),
                cluster.toString());

        projects.add(project("心理疏导组团", "cluster", null));
        projects.add(project("社会融入组团", "cluster", null));
        admin.run("saveServicePlan", "input", Map.of("stationId", station, "year", YEAR, "version", 1, "projects", projects)).assertOk();
        assertTrue(planFindings(admin, station).stream().noneMatch(f -> "service_plan_cluster".equals(f.get("rule"))));
    }

    @Test
    void shangcheng13N_needsEachOfTheThreeGovernanceProjects_notThreeOfOne() {
        Client admin = as("shangcheng", "TENANT_ADMIN");
        String room = Fixtures.shangchengCommunityRoom(admin, unique("room"), "上城区示例街道示例社区李四社会工作室");
        List<Map<String, Object>> projects = new ArrayList<>(List.of(project("邻里品牌", "brand", null),
                project("议事会一", "governance", "community_consultation"),
                project("议事会二", "governance", "community_consultation"),
                project("议事会三", "governance", "community_consultation")));
        admin.run("saveServicePlan", "input", Map.of("stationId", room, "year", YEAR, "projects", projects)).assertOk();
        List<Map<String, Object>> threeOfOne = planFindings(admin, room);
        assertEquals(List.of("service_plan_governance_backbone_training", "service_plan_governance_two_neighbour_culture"),
                threeOfOne.stream().map(f -> f.get("rule").toString()).sorted().toList(), threeOfOne.toString());
        assertTrue(threeOfOne.stream().anyMatch(f -> f.get("messageZh").toString().contains("缺少“两邻文化”")), threeOfOne.toString());

        projects.set(2, project("两邻节", "governance", "two_neighbour_culture"));
        projects.set(3, project("骨干训练营", "governance", "backbone_training"));
        admin.run("saveServicePlan", "input", Map.of("stationId", room, "year", YEAR, "version", 1, "projects", projects)).assertOk();
        assertEquals(List.of(), planFindings(admin, room));
    }

    @Test
    void plan_unknownSlotOrItemOrExcludedActivity_isRefused() {
        Client admin = as("wuhan", "TENANT_ADMIN");
        String station = wuhanStation(admin);
        admin.run("saveServicePlan", "input", Map.of("stationId", station, "year", YEAR,
                "projects", List.of(project("x", "no_such_slot", null)))).assertError("BAD_USER_INPUT", "input.projects[0].slot");
        admin.run("saveServicePlan", "input", Map.of("stationId", station, "year", YEAR,
                "projects", List.of(project("x", "social_assistance", "no_such_item")))).assertError("BAD_USER_INPUT", "input.projects[0].item");
        Client weihai = as("weihai", "TENANT_ADMIN");
        String town = Fixtures.stationId(weihai, "zhangcun");
        Result excluded = weihai.run("saveServicePlan", "input", Map.of("stationId", town, "year", YEAR,
                "projects", List.of(project("代办行政审批", "social_assistance", "administrative_acts"))));
        excluded.assertError("BAD_USER_INPUT", "input.projects[0].item");
        assertTrue(excluded.errorMessage().contains("must not be listed"), excluded.raw());
    }

    @Test
    void weihaiExcludedActivities_areCaughtInAProjectsTitle_asAdviceFromTheBureausKeywords() {
        Client weihai = as("weihai", "TENANT_ADMIN");
        String town = Fixtures.stationId(weihai, "zhangcun");
        int year = YEAR + 1;
        weihai.run("saveServicePlan", "input", Map.of("stationId", town, "year", year,
                "projects", List.of(project("协助镇行政执法检查", "social_assistance", "screening")))).assertOk();
        List<Map<String, Object>> all = weihai.run("stationCompliance", "id", town, "on", year + "-03-01").assertOk()
                .get("node.compliance.findings");
        Map<String, Object> flagged = all.stream().filter(f -> "service_plan_excluded_administrative_acts".equals(f.get("rule")))
                .findFirst().orElseThrow(() -> new AssertionError(all.toString()));
        assertEquals("ADVISORY", flagged.get("severity"));
        assertEquals(true, flagged.get("bureauSetting"));
        assertTrue(flagged.get("messageZh").toString().contains("行政执法"), flagged.toString());

        weihai.run("saveServicePlan", "input", Map.of("stationId", town, "year", year, "version", 1,
                "projects", List.of(project("困难家庭摸底排查", "social_assistance", "screening")))).assertOk();
        List<Map<String, Object>> clean = weihai.run("stationCompliance", "id", town, "on", year + "-03-01").assertOk()
                .get("node.compliance.findings");
        assertTrue(clean.stream().noneMatch(f -> f.get("rule").toString().startsWith("service_plan_excluded")), clean.toString());
    }

    @Test
    void catalogue_isReadTypedFromTheProfile_withEachSlotsCountsAndItems() {
        Result shangcheng = as("shangcheng", "VIEWER").run("serviceCatalogue").assertOk();
        List<Map<String, Object>> models = shangcheng.get("policyProfile.catalogue.models");
        assertEquals(List.of("123N", "13N"), models.stream().map(m -> m.get("code")).toList());
        Map<String, Object> street = models.getFirst();
        assertEquals(List.of("street_station"), street.get("kinds"));
        assertEquals("001 五、(一)", street.get("source"));
        assertEquals("ADVISORY", street.get("severity"));
        List<Map<String, Object>> slots = slots(street);
        assertEquals(Map.of("code", "core", "minimum", 1, "maximum", 1, "eachItem", false, "items", List.of()),
                pick(slots.getFirst(), "code", "minimum", "maximum", "eachItem", "items"));
        Map<String, Object> optional = slots.stream().filter(x -> x.get("code").equals("optional")).findFirst().orElseThrow();
        assertEquals(0, optional.get("minimum"));
        assertEquals(null, optional.get("maximum"));
        Map<String, Object> governance = slots(models.get(1)).stream().filter(x -> x.get("code").equals("governance"))
                .findFirst().orElseThrow();
        assertEquals(true, governance.get("eachItem"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> items = (List<Map<String, Object>>) governance.get("items");
        assertEquals(Map.of("code", "community_consultation", "labelZh", "社区协商", "labelEn", "Community consultation"),
                items.getFirst());
        List<Map<String, Object>> excluded = shangcheng.get("policyProfile.catalogue.excluded");
        assertEquals("street_administrative_affairs", excluded.getFirst().get("code"));

        List<Map<String, Object>> weihai = as("weihai", "STATION_OPERATOR").run("serviceCatalogue").assertOk()
                .get("policyProfile.catalogue.excluded");
        assertTrue(weihai.stream().anyMatch(e -> e.get("code").equals("administrative_acts")
                && ((List<?>) e.get("keywords")).contains("行政执法")), weihai.toString());
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> slots(Map<String, Object> model) {
        return (List<Map<String, Object>>) model.get("slots");
    }

    private static Map<String, Object> pick(Map<String, Object> from, String... keys) {
        Map<String, Object> out = new java.util.HashMap<>();
        for (String k : keys) {
            out.put(k, from.get(k));
        }
        return out;
    }

    @Test
    void plan_ofAnotherTenantsStation_isLikeAMissingStation_andViewersCannotSave() {
        String foreign = Fixtures.stationId(as("qingpu", "VIEWER"), "xujing");
        Client admin = as("wuhan", "TENANT_ADMIN");
        Result a = admin.run("saveServicePlan", "input", Map.of("stationId", foreign, "year", YEAR, "projects", List.of()));
        Result b = admin.run("saveServicePlan", "input", Map.of("stationId",
                io.shegong.core.graphql.GlobalId.encode("Station", java.util.UUID.randomUUID()), "year", YEAR, "projects", List.of()));
        Fixtures.assertSameError(a, b);
        as("wuhan", "VIEWER").run("saveServicePlan", "input", Map.of("stationId", wuhanStation(admin), "year", YEAR,
                "projects", List.of())).assertError("FORBIDDEN", null);
    }
}
