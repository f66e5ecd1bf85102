package io.shegong.tenant;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.shegong.support.Fixtures;
import io.shegong.support.GraphQLTestBase;
import io.shegong.support.PasswordLogin;
import io.shegong.support.Result;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A new bureau is onboarded through the API alone, as a real one would be: the platform creates
 * it with its first administrator, who logs in with the one-time password, chooses a password,
 * sets up the bureau's divisions, policy profile, stations, workers and users; its operator and
 * viewer log in the same way, and the bureau's compliance report answers. No SQL, no test tokens
 * but the platform administrator's.
 */
@MicronautTest(transactional = false)
class SixthCityOnboardingTest extends GraphQLTestBase {
    private static final String CODE = "nanjing-gulou";

    @Test
    @SuppressWarnings("unchecked")
    void sixthCity_isOnboardedAndCheckedThroughTheApiAlone() {
        PasswordLogin logins = new PasswordLogin(server, json);

        // the platform creates the bureau with its first administrator
        Result created = platformAdmin().run("createTenantWithAdministrator", "input", Map.of("code", CODE,
                "nameZh", "南京市鼓楼区民政局", "nameEn", "Gulou District Civil Affairs Bureau, Nanjing", "level", "DISTRICT",
                "region", "江苏省南京市鼓楼区", "administrator", Map.of("username", "chen.jing", "displayName", "陈静"))).assertOk();
        assertEquals(CODE, created.string("createTenant.tenant.code"));
        String otp = created.string("createTenant.oneTimePassword");

        // its administrator logs in with the one-time password, which only lets them choose their own
        PasswordLogin.Answer first = logins.login(CODE, "chen.jing", otp);
        assertTrue(first.mustChangePassword(), first.raw());
        withToken(first.token()).run("viewer").assertError("UNAUTHENTICATED", null);
        String adminToken = logins.changePassword(first.token(), otp, "鼓楼区民政局 2026 管理").token();
        Client admin = withToken(adminToken);
        Result me = admin.run("viewer").assertOk();
        assertEquals(CODE + ":chen.jing", me.string("viewer.subject"));
        assertEquals(List.of("TENANT_ADMIN"), me.get("viewer.roles"));
        assertEquals("南京市鼓楼区民政局", me.string("viewer.tenant.nameZh"));

        // divisions
        String district = admin.run("createDivision", "input", Map.of("code", "gulou", "level", "DISTRICT", "nameZh", "鼓楼区",
                "nameEn", "Gulou District")).assertOk().string("createDivision.division.id");
        String hunanlu = admin.run("createDivision", "input", Map.of("code", "hunanlu", "level", "STREET", "nameZh", "湖南路街道",
                "parentId", district, "communityCount", 8)).assertOk().string("createDivision.division.id");
        String ninghailu = admin.run("createDivision", "input", Map.of("code", "ninghailu", "level", "STREET", "nameZh", "宁海路街道",
                "parentId", district, "communityCount", 12)).assertOk().string("createDivision.division.id");

        // the first policy profile, from Shangcheng's template with the bureau's own station name
        Result draft = admin.run("createPolicyDraft", "input", Map.of("fromTemplate", "shangcheng")).assertOk();
        Map<String, Object> document = new HashMap<>(draft.get("createPolicyDraft.profile.document"));
        document.put("name", Map.of("zh", "鼓楼区街道社会工作站建设要求", "en", "Gulou street social work station requirements"));
        List<Map<String, Object>> kinds = new ArrayList<>((List<Map<String, Object>>) document.get("stationKinds"));
        Map<String, Object> street = new HashMap<>(kinds.getFirst());
        assertEquals("street_station", street.get("code"));
        street.put("naming", Map.of("template", "南京市鼓楼区{street}街道社会工作站",
                "wording", "统一名称为“南京市鼓楼区XX街道社会工作站”", "severity", "ADVISORY"));
        kinds.set(0, street);
        document.put("stationKinds", kinds);
        String draftId = draft.string("createPolicyDraft.profile.id");
        admin.run("updatePolicyDraft", "input", Map.of("id", draftId, "version", 1, "document", document)).assertOk();
        Result published = admin.run("publishPolicyProfile", "input", Map.of("id", draftId, "version", 2,
                "effectiveFrom", "2026-01-01")).assertOk();
        assertEquals("PUBLISHED", published.string("publishPolicyProfile.profile.status"));

        // stations, a worker and the worker's post
        String hunanluStation = admin.run("createStation", "input", Map.of("code", "hunanlu", "name", "南京市鼓楼区湖南路街道社会工作站",
                "kind", "street_station", "divisionId", hunanlu, "operatingMode", "PURCHASED", "status", "OPERATING",
                "statusSince", "2026-03-01")).assertOk().string("createStation.station.id");
        admin.run("createStation", "input", Map.of("code", "ninghailu", "name", "宁海路社工站", "kind", "street_station",
                "divisionId", ninghailu, "operatingMode", "SELF_RUN", "status", "OPERATING", "statusSince", "2026-03-01")).assertOk();
        String worker = admin.run("registerWorker", "input", Map.of("name", "刘洋", "educationLevel", "BACHELOR",
                "birthDate", "1992-04-01", "certificateLevel", "INTERMEDIATE", "certificateDate", "2020-06-01",
                "lastRecordCheckOn", "2026-05-01")).assertOk().string("registerWorker.worker.id");
        admin.run("assignWorker", "input", Map.of("workerId", worker, "stationId", hunanluStation, "role", "HEAD",
                "startsOn", "2026-03-01")).assertOk();

        // its users: an operator of the Hunanlu station, and a viewer
        Result operatorCreated = admin.run("createUser", "input", Map.of("username", "wang.lei", "displayName", "王磊",
                "roles", List.of("STATION_OPERATOR"), "stationIds", List.of(hunanluStation))).assertOk();
        Result viewerCreated = admin.run("createUser", "input", Map.of("username", "zhao.min", "displayName", "赵敏",
                "roles", List.of("VIEWER"))).assertOk();
        assertEquals(3, admin.run("users").assertOk().integer("users.totalCount"));

        // the operator logs in, chooses a password, and edits only its own station
        Client operator = withToken(logins.firstLogin(CODE, "wang.lei",
                operatorCreated.string("createUser.oneTimePassword"), "湖南路社工站 operator 2026"));
        Map<String, Object> own = Fixtures.station(operator, "hunanlu");
        Result edited = operator.run("updateStation", "input", Map.of("id", own.get("id"), "version", own.get("version"),
                "address", "南京市鼓楼区湖南路1号")).assertOk();
        assertEquals("南京市鼓楼区湖南路1号", edited.string("updateStation.station.address"));
        Map<String, Object> other = Fixtures.station(operator, "ninghailu");
        operator.run("updateStation", "input", Map.of("id", other.get("id"), "version", other.get("version"),
                "address", "x")).assertError("FORBIDDEN", null);
        operator.run("users").assertError("FORBIDDEN", null);

        // the viewer reads, and writes nothing
        Client viewer = withToken(logins.firstLogin(CODE, "zhao.min",
                viewerCreated.string("createUser.oneTimePassword"), "只读用户的新密码 2026"));
        assertEquals(2, viewer.run("stationPage", "first", 10).assertOk().integer("stations.totalCount"));
        viewer.run("updateStation", "input", Map.of("id", own.get("id"), "version", 2, "address", "x"))
                .assertError("FORBIDDEN", null);

        // the bureau's compliance, under its own profile
        Result report = viewer.run("complianceReport").assertOk();
        assertEquals(1, report.integer("complianceReport.profile.revision"));
        assertEquals(2, report.integer("complianceReport.totals.stations"));
        List<Map<String, Object>> stations = report.get("complianceReport.stations.edges");
        Map<String, List<Object>> rules = new HashMap<>();
        stations.stream().map(Fixtures::node).forEach(n -> rules.put((String) ((Map<String, Object>) n.get("station")).get("code"),
                ((List<Map<String, Object>>) n.get("findings")).stream().map(f -> f.get("rule")).toList()));
        assertFalse(rules.get("hunanlu").contains("naming"), rules.toString());
        assertTrue(rules.get("ninghailu").contains("naming"), rules.toString());
        assertTrue(rules.get("hunanlu").contains("shangcheng_street_staffing"), rules.toString());

        // the bureau sees its own stations only
        assertEquals(2, admin.run("stationPage", "first", 50).assertOk().integer("stations.totalCount"));
    }
}
