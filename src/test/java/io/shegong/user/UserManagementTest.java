package io.shegong.user;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.shegong.core.graphql.GlobalId;
import io.shegong.support.Fixtures;
import io.shegong.support.GraphQLTestBase;
import io.shegong.support.PasswordLogin;
import io.shegong.support.Result;
import io.shegong.support.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import static io.shegong.support.Fixtures.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A bureau's administrators manage its users through the API: one-time passwords replaced at
 * the first login, roles and station grants, disabling, resets, and the rules that keep a bureau
 * from locking itself out. Users log in over the real POST /login.
 */
@MicronautTest(transactional = false)
class UserManagementTest extends GraphQLTestBase {
    private static final String PASSWORD = "correct horse battery staple";
    private static final List<String> NON_ADMIN_ROLES = List.of("VIEWER", "STATION_OPERATOR", "SUPERVISOR");

    private PasswordLogin logins;

    @BeforeAll
    void logins() {
        logins = new PasswordLogin(server, json);
    }

    /** A bureau created with its first administrator `admin`, whom `as(code, "TENANT_ADMIN")` acts as. */
    private record Bureau(String code, String adminId, String oneTimePassword) {
    }

    private Bureau newBureau() {
        String code = unique("b").replace("_", "-");
        Result r = platformAdmin().run("createTenantWithAdministrator", "input", Map.of("code", code,
                "nameZh", "测试区民政局", "nameEn", "Test District Bureau", "level", "DISTRICT", "region", "测试省测试市",
                "administrator", Map.of("username", "admin", "displayName", "管理员"))).assertOk();
        return new Bureau(code, r.string("createTenant.administrator.id"), r.string("createTenant.oneTimePassword"));
    }

    private static Map<String, Object> input(String username, List<String> roles, Object... more) {
        Map<String, Object> in = new HashMap<>(Map.of("username", username, "displayName", "用户 " + username, "roles", roles));
        for (int i = 0; i < more.length; i += 2) {
            in.put((String) more[i], more[i + 1]);
        }
        return in;
    }

    private Result createUser(Client admin, String username, List<String> roles, Object... more) {
        return admin.run("createUser", "input", input(username, roles, more)).assertOk();
    }

    /** A user created by the admin who has replaced its one-time password with {@link #PASSWORD}; its id. */
    private String activeUser(Client admin, String tenant, String username, List<String> roles, Object... more) {
        Result created = createUser(admin, username, roles, more);
        logins.firstLogin(tenant, username, created.string("createUser.oneTimePassword"), PASSWORD);
        return created.string("createUser.user.id");
    }

    private String loginToken(String tenant, String username) {
        PasswordLogin.Answer a = logins.login(tenant, username, PASSWORD);
        assertFalse(a.mustChangePassword(), a.raw());
        return a.token();
    }

    private static int version(Client admin, String userId) {
        return admin.run("userNode", "id", userId).assertOk().integer("node.version");
    }

    private static List<Object> codes(List<Map<String, Object>> stations) {
        return stations.stream().map(s -> s.get("code")).toList();
    }

    private static void assertUnauthenticated(Result r) {
        r.assertError("UNAUTHENTICATED", null);
        assertNull(r.body().get("data"), r.raw());
    }

    // --- creating users and one-time passwords -------------------------------------------------

    @Test
    void createUser_byTenantAdmin_answersTheUserAndItsOneTimePasswordOnce() {
        Client admin = as("weihai", "TENANT_ADMIN");
        String username = unique("clerk");
        Result r = createUser(admin, username, List.of("VIEWER", "SUPERVISOR"));
        String otp = r.string("createUser.oneTimePassword");
        assertTrue(otp.matches("[a-zA-Z2-9]{4}(-[a-zA-Z2-9]{4}){3}"), otp);
        assertEquals(username, r.string("createUser.user.username"));
        assertEquals("weihai:" + username, r.string("createUser.user.subject"));
        assertEquals(List.of("SUPERVISOR", "VIEWER"), r.get("createUser.user.roles"));
        assertEquals(true, r.get("createUser.user.active"));
        assertEquals(true, r.get("createUser.user.mustChangePassword"));
        assertEquals(List.of(), r.get("createUser.user.stations"));

        String id = r.string("createUser.user.id");
        Result again = admin.run("userNode", "id", id).assertOk();
        assertEquals("User", again.string("node.__typename"));
        assertFalse(again.raw().contains(otp), again.raw());
        assertEquals(1, admin.run("users", "filter", Map.of("text", username)).assertOk().integer("users.totalCount"));
    }

    @Test
    void createUser_byViewerOperatorSupervisorOrPlatformAdmin_isForbidden() {
        for (String role : NON_ADMIN_ROLES) {
            as("weihai", role).run("createUser", "input", input(unique("nope"), List.of("VIEWER")))
                    .assertError("FORBIDDEN", null);
        }
        platformAdmin().run("createUser", "input", input(unique("nope"), List.of("VIEWER"))).assertError("FORBIDDEN", null);
    }

    @Test
    void createUser_withATakenUsername_isConflict_andWritesNothing() {
        Client admin = as("weihai", "TENANT_ADMIN");
        String username = unique("twin");
        createUser(admin, username, List.of("VIEWER"));
        admin.run("createUser", "input", input(username, List.of("SUPERVISOR"))).assertError("CONFLICT", "input.username");
        Result list = admin.run("users", "filter", Map.of("text", username)).assertOk();
        assertEquals(1, list.integer("users.totalCount"));
        assertEquals(List.of("VIEWER"), list.get("users.edges.0.node.roles"));
        as("weihai", "TENANT_ADMIN").run("createUser", "input", input("admin", List.of("VIEWER")))
                .assertError("CONFLICT", "input.username");
    }

    @Test
    void createUser_badInput_isRefusedWithTheField_andWritesNothing() throws SQLException {
        String actor = "weihai:" + unique("admin");
        Client admin = withToken(token(actor, "weihai", "TENANT_ADMIN"));
        String station = Fixtures.stationId(admin, "zhangcun");
        int users = admin.run("users", "first", 1).assertOk().integer("users.totalCount");
        List<Map.Entry<String, Map<String, Object>>> cases = List.of(
                Map.entry("input.username", input("Upper Case", List.of("VIEWER"))),
                Map.entry("input.username", input("weihai:admin2", List.of("VIEWER"))),
                Map.entry("input.username", input("a", List.of("VIEWER"))),
                Map.entry("input.username", input("x".repeat(65), List.of("VIEWER"))),
                Map.entry("input.displayName", input(unique("u"), List.of("VIEWER"), "displayName", "   ")),
                Map.entry("input.displayName", input(unique("u"), List.of("VIEWER"), "displayName", "名".repeat(201))),
                Map.entry("input.roles", input(unique("u"), List.of())),
                Map.entry("input.roles", input(unique("u"), List.of("PLATFORM_ADMIN"))),
                Map.entry("input.roles", input(unique("u"), List.of("PLATFORM_ADMIN", "TENANT_ADMIN"))),
                Map.entry("input.stationIds", input(unique("u"), List.of("VIEWER"), "stationIds", List.of(station))),
                Map.entry("input.stationIds[0]", input(unique("u"), List.of("STATION_OPERATOR"), "stationIds", List.of("not-an-id"))),
                Map.entry("input.stationIds[1]", input(unique("u"), List.of("STATION_OPERATOR"), "stationIds",
                        List.of(station, GlobalId.encode("Division", UUID.randomUUID())))));
        cases.forEach(c -> admin.run("createUser", "input", c.getValue()).assertError("BAD_USER_INPUT", c.getKey()));
        // an unknown role is refused by the schema, before anything runs
        Result unknown = admin.run("createUser", "input", input(unique("u"), List.of("ROOT")));
        assertFalse(unknown.errors().isEmpty(), unknown.raw());
        assertEquals(200, unknown.status());
        assertFalse(unknown.raw().contains("Exception") || unknown.raw().contains("java."), unknown.raw());

        assertEquals(users, admin.run("users", "first", 1).assertOk().integer("users.totalCount"));
        assertEquals(0, auditEntries(actor), "bad input writes nothing, not even an audit entry");
    }

    // --- listing --------------------------------------------------------------------------------

    @Test
    void users_pageByUsername_untilThereIsNoNextPage_andFilter() {
        Bureau bureau = newBureau();
        Client admin = as(bureau.code(), "TENANT_ADMIN");
        // plain letters: the order is the same under any collation of the database
        for (String name : List.of("ewu", "bli", "dzhou", "awang", "czhao")) {
            createUser(admin, name, name.startsWith("a") || name.startsWith("c") ? List.of("SUPERVISOR") : List.of("VIEWER"));
        }
        List<String> names = new ArrayList<>();
        String after = null;
        for (int pages = 0; pages < 10; pages++) {
            Map<String, Object> vars = new HashMap<>(Map.of("first", 2));
            vars.put("after", after);
            Result page = admin.query(document("users"), vars).assertOk();
            assertEquals(6, page.integer("users.totalCount"));
            List<Map<String, Object>> edges = page.get("users.edges");
            assertTrue(edges.size() <= 2);
            edges.forEach(e -> names.add((String) Fixtures.node(e).get("username")));
            if (!Boolean.TRUE.equals(page.get("users.pageInfo.hasNextPage"))) {
                break;
            }
            after = page.string("users.pageInfo.endCursor");
        }
        assertEquals(List.of("admin", "awang", "bli", "czhao", "dzhou", "ewu"), names);

        assertEquals(2, admin.run("users", "filter", Map.of("role", "SUPERVISOR")).assertOk().integer("users.totalCount"));
        assertEquals(1, admin.run("users", "filter", Map.of("text", "ZHOU")).assertOk().integer("users.totalCount"));
        String wang = userId(admin, "awang");
        admin.run("disableUser", "input", Map.of("id", wang)).assertOk();
        Result disabled = admin.run("users", "filter", Map.of("active", false)).assertOk();
        assertEquals(1, disabled.integer("users.totalCount"));
        assertEquals("awang", disabled.string("users.edges.0.node.username"));
        assertEquals(5, admin.run("users", "filter", Map.of("active", true)).assertOk().integer("users.totalCount"));
    }

    @Test
    void users_byViewerOperatorSupervisorOrPlatformAdmin_isForbidden() {
        for (String role : NON_ADMIN_ROLES) {
            as("weihai", role).run("users").assertError("FORBIDDEN", null);
        }
        platformAdmin().run("users").assertError("FORBIDDEN", null);
    }

    @Test
    void node_ofAUser_isSeenByTenantAdminsOnly() {
        Client admin = as("weihai", "TENANT_ADMIN");
        String id = createUser(admin, unique("seen"), List.of("VIEWER")).string("createUser.user.id");
        admin.run("userNode", "id", id).assertOk();
        for (String role : NON_ADMIN_ROLES) {
            as("weihai", role).run("userNode", "id", id).assertOk().assertNullAt("node");
        }
        platformAdmin().run("userNode", "id", id).assertError("FORBIDDEN", null);
    }

    private static String userId(Client admin, String username) {
        Result r = admin.run("users", "filter", Map.of("text", username)).assertOk();
        List<Map<String, Object>> edges = r.get("users.edges");
        return edges.stream().map(Fixtures::node).filter(n -> username.equals(n.get("username"))).findFirst()
                .map(n -> (String) n.get("id")).orElseThrow(() -> new AssertionError("no user " + username));
    }

    // --- roles and stations ---------------------------------------------------------------------

    @Test
    void updateUser_grantsStationsToAnOperator_whoThenEditsThoseStationsOnly() {
        Client admin = as("weihai", "TENANT_ADMIN");
        Map<String, Object> zhangcun = Fixtures.station(admin, "zhangcun");
        Map<String, Object> wenquan = Fixtures.station(admin, "wenquan");
        String username = unique("op");
        String id = activeUser(admin, "weihai", username, List.of("STATION_OPERATOR"), "stationIds", List.of(zhangcun.get("id")));
        Client operator = withToken(loginToken("weihai", username));
        assertEquals(List.of(Map.of("code", "zhangcun")), admin.run("userNode", "id", id).assertOk().get("node.stations"));

        operator.run("updateStation", "input", Map.of("id", zhangcun.get("id"), "version", zhangcun.get("version"),
                "address", "张村镇示例路1号")).assertOk();
        operator.run("updateStation", "input", Map.of("id", wenquan.get("id"), "version", wenquan.get("version"),
                "address", "x")).assertError("FORBIDDEN", null);

        Result moved = admin.run("updateUser", "input", Map.of("id", id, "version", version(admin, id),
                "stationIds", List.of(wenquan.get("id")))).assertOk();
        assertEquals(List.of("wenquan"), codes(moved.get("updateUser.user.stations")));
        // station grants are checked as each change is made: the operator's token still holds
        Map<String, Object> z = Fixtures.station(admin, "zhangcun");
        operator.run("updateStation", "input", Map.of("id", z.get("id"), "version", z.get("version"), "address", "y"))
                .assertError("FORBIDDEN", null);
        operator.run("updateStation", "input", Map.of("id", wenquan.get("id"), "version", wenquan.get("version"),
                "address", "温泉镇示例路2号")).assertOk();
    }

    @Test
    void updateUser_droppingStationOperator_takesTheStationsAway_andEndsTheUsersTokens() {
        Client admin = as("weihai", "TENANT_ADMIN");
        String station = Fixtures.stationId(admin, "yangting");
        String username = unique("op");
        String id = activeUser(admin, "weihai", username, List.of("STATION_OPERATOR"), "stationIds", List.of(station));
        String before = loginToken("weihai", username);
        withToken(before).run("viewer").assertOk();

        Result r = admin.run("updateUser", "input", Map.of("id", id, "version", version(admin, id),
                "roles", List.of("VIEWER"))).assertOk();
        assertEquals(List.of("VIEWER"), r.get("updateUser.user.roles"));
        assertEquals(List.of(), r.get("updateUser.user.stations"));
        assertUnauthenticated(withToken(before).run("viewer"));
        Result now = withToken(loginToken("weihai", username)).run("viewer").assertOk();
        assertEquals(List.of("VIEWER"), now.get("viewer.roles"));
    }

    @Test
    void updateUser_displayNameOnly_keepsRolesStationsAndTokens() {
        Client admin = as("weihai", "TENANT_ADMIN");
        String station = Fixtures.stationId(admin, "qiaotou");
        String username = unique("op");
        String id = activeUser(admin, "weihai", username, List.of("STATION_OPERATOR"), "stationIds", List.of(station));
        String before = loginToken("weihai", username);
        Result r = admin.run("updateUser", "input", Map.of("id", id, "version", version(admin, id), "displayName", "王社工"))
                .assertOk();
        assertEquals("王社工", r.string("updateUser.user.displayName"));
        assertEquals(List.of("qiaotou"), codes(r.get("updateUser.user.stations")));
        withToken(before).run("viewer").assertOk();
    }

    @Test
    void updateUser_staleVersionOrBadInput_isRefused_andWritesNothing() {
        Client admin = as("weihai", "TENANT_ADMIN");
        String id = createUser(admin, unique("u"), List.of("VIEWER")).string("createUser.user.id");
        int version = version(admin, id);
        admin.run("updateUser", "input", Map.of("id", id, "version", version + 5, "displayName", "过期"))
                .assertError("CONFLICT", "input.version");
        Map<String, Object> nullRoles = new HashMap<>(Map.of("id", id, "version", version));
        nullRoles.put("roles", null);
        admin.run("updateUser", "input", nullRoles).assertError("BAD_USER_INPUT", "input.roles");
        admin.run("updateUser", "input", Map.of("id", id, "version", version, "roles", List.of()))
                .assertError("BAD_USER_INPUT", "input.roles");
        admin.run("updateUser", "input", Map.of("id", id, "version", version, "roles", List.of("PLATFORM_ADMIN")))
                .assertError("BAD_USER_INPUT", "input.roles");
        admin.run("updateUser", "input", Map.of("id", id, "version", version,
                "stationIds", List.of(Fixtures.stationId(admin, "zhangcun")))).assertError("BAD_USER_INPUT", "input.stationIds");
        admin.run("updateUser", "input", Map.of("id", GlobalId.encode("Station", UUID.randomUUID()), "version", version,
                "displayName", "x")).assertError("BAD_USER_INPUT", "input.id");
        Result now = admin.run("userNode", "id", id).assertOk();
        assertEquals(version, now.integer("node.version"));
        assertEquals(List.of("VIEWER"), now.get("node.roles"));
    }

    @Test
    void userMutations_byViewerOperatorOrSupervisor_areForbidden_andEachRefusalIsAudited() {
        Client admin = as("weihai", "TENANT_ADMIN");
        String id = createUser(admin, unique("target"), List.of("VIEWER")).string("createUser.user.id");
        int version = version(admin, id);
        for (String role : NON_ADMIN_ROLES) {
            Client other = as("weihai", role);
            other.run("updateUser", "input", Map.of("id", id, "version", version, "roles", List.of("TENANT_ADMIN")))
                    .assertError("FORBIDDEN", null);
            other.run("disableUser", "input", Map.of("id", id)).assertError("FORBIDDEN", null);
            other.run("enableUser", "input", Map.of("id", id)).assertError("FORBIDDEN", null);
            Result reset = other.run("resetUserPassword", "input", Map.of("id", id)).assertError("FORBIDDEN", null);
            reset.assertNullAt("resetUserPassword.oneTimePassword");
        }
        Result refused = admin.run("auditTrail", "filter", Map.of("targetId", id, "outcome", "REFUSED"), "first", 50).assertOk();
        assertEquals(12, refused.integer("auditLog.totalCount"), refused.raw());
        Result now = admin.run("userNode", "id", id).assertOk();
        assertEquals(version, now.integer("node.version"));
        assertEquals(true, now.get("node.active"));
    }

    // --- disabling ------------------------------------------------------------------------------

    @Test
    void disableUser_userCannotLogIn_itsTokensStopWorking_andEnablingLetsItLogInAnew() {
        Client admin = as("weihai", "TENANT_ADMIN");
        String username = unique("leaver");
        String id = activeUser(admin, "weihai", username, List.of("VIEWER"));
        String token = loginToken("weihai", username);
        withToken(token).run("viewer").assertOk();

        Result disabled = admin.run("disableUser", "input", Map.of("id", id)).assertOk();
        assertEquals(false, disabled.get("disableUser.user.active"));
        assertTrue(disabled.string("disableUser.user.disabledAt") != null, disabled.raw());
        assertEquals(401, logins.login("weihai", username, PASSWORD).status());
        assertUnauthenticated(withToken(token).run("viewer"));
        assertUnauthenticated(withToken(token).run("stationPage", "first", 1));
        // disabling again changes nothing
        assertEquals(disabled.string("disableUser.user.disabledAt"),
                admin.run("disableUser", "input", Map.of("id", id)).assertOk().string("disableUser.user.disabledAt"));

        Result enabled = admin.run("enableUser", "input", Map.of("id", id)).assertOk();
        assertEquals(true, enabled.get("enableUser.user.active"));
        enabled.assertNullAt("enableUser.user.disabledAt");
        assertUnauthenticated(withToken(token).run("viewer"));
        withToken(loginToken("weihai", username)).run("viewer").assertOk();
    }

    @Test
    void lockOut_anAdministratorCannotDisableThemselfDropTheirOwnRoleOrResetTheirOwnPassword() {
        Bureau bureau = newBureau();
        Client admin = as(bureau.code(), "TENANT_ADMIN");
        admin.run("disableUser", "input", Map.of("id", bureau.adminId())).assertError("BAD_USER_INPUT", "input.id");
        admin.run("updateUser", "input", Map.of("id", bureau.adminId(), "version", 1, "roles", List.of("VIEWER")))
                .assertError("BAD_USER_INPUT", "input.roles");
        admin.run("resetUserPassword", "input", Map.of("id", bureau.adminId())).assertError("BAD_USER_INPUT", "input.id");
        // adding roles to oneself is fine
        admin.run("updateUser", "input", Map.of("id", bureau.adminId(), "version", 1,
                "roles", List.of("TENANT_ADMIN", "SUPERVISOR"))).assertOk();
        Result now = admin.run("userNode", "id", bureau.adminId()).assertOk();
        assertEquals(true, now.get("node.active"));
        assertEquals(List.of("TENANT_ADMIN", "SUPERVISOR"), now.get("node.roles"));
        // and the one-time password still logs in, to be replaced
        assertTrue(logins.login(bureau.code(), "admin", bureau.oneTimePassword()).mustChangePassword());
    }

    @Test
    void lockOut_theBureausLastActiveAdministratorCannotBeDisabledOrDemoted() {
        Bureau bureau = newBureau();
        // an administrator signed in through the bureau's identity provider, who is no user here
        Client outsider = withToken(token(bureau.code() + ":idp-admin", bureau.code(), "TENANT_ADMIN"));
        outsider.run("disableUser", "input", Map.of("id", bureau.adminId())).assertError("BAD_USER_INPUT", "input.id");
        outsider.run("updateUser", "input", Map.of("id", bureau.adminId(), "version", 1, "roles", List.of("VIEWER")))
                .assertError("BAD_USER_INPUT", "input.roles");

        createUser(outsider, "deputy", List.of("TENANT_ADMIN"));
        outsider.run("disableUser", "input", Map.of("id", bureau.adminId())).assertOk();
        String deputy = userId(outsider, "deputy");
        outsider.run("disableUser", "input", Map.of("id", deputy)).assertError("BAD_USER_INPUT", "input.id");
        outsider.run("enableUser", "input", Map.of("id", bureau.adminId())).assertOk();
        outsider.run("updateUser", "input", Map.of("id", deputy, "version", version(outsider, deputy),
                "roles", List.of("VIEWER"))).assertOk();
    }

    // --- passwords --------------------------------------------------------------------------------

    @Test
    void login_withAOneTimePassword_answersATokenGoodOnlyForChoosingAPassword() {
        Client admin = as("weihai", "TENANT_ADMIN");
        String username = unique("newbie");
        String otp = createUser(admin, username, List.of("SUPERVISOR")).string("createUser.oneTimePassword");

        PasswordLogin.Answer first = logins.login("weihai", username, otp);
        assertEquals(200, first.status(), first.raw());
        assertTrue(first.mustChangePassword(), first.raw());
        assertEquals(600, ((Number) first.body().get("expires_in")).intValue());
        String restricted = first.token();
        assertUnauthenticated(withToken(restricted).run("viewer"));
        assertUnauthenticated(withToken(restricted).run("recordSupervisionVisit", "input", Map.of(
                "stationId", Fixtures.stationId(admin, "zhangcun"), "visitedOn", "2026-11-01", "supervisor", "x", "findings", "x")));

        PasswordLogin.Answer changed = logins.changePassword(restricted, otp, PASSWORD);
        assertEquals(200, changed.status(), changed.raw());
        assertFalse(changed.mustChangePassword());
        Result me = withToken(changed.token()).run("viewer").assertOk();
        assertEquals("weihai:" + username, me.string("viewer.subject"));
        assertEquals(List.of("SUPERVISOR"), me.get("viewer.roles"));

        assertEquals(401, logins.changePassword(restricted, otp, PASSWORD + "!").status(), "the restricted token still holds");
        assertEquals(401, logins.login("weihai", username, otp).status(), "the one-time password still logs in");
        assertFalse(logins.login("weihai", username, PASSWORD).mustChangePassword());
        assertEquals(false, admin.run("users", "filter", Map.of("text", username)).assertOk()
                .get("users.edges.0.node.mustChangePassword"));
    }

    @Test
    void changePassword_refusesAShortRepeatedOverlongOrMissingPassword_andAWrongCurrentOne() {
        Client admin = as("weihai", "TENANT_ADMIN");
        String username = unique("picky");
        String otp = createUser(admin, username, List.of("VIEWER")).string("createUser.oneTimePassword");
        String restricted = logins.login("weihai", username, otp).token();

        for (String bad : List.of("eleven-char", "            ", "a".repeat(73), "密".repeat(25), "tab\tinside-the-password", otp)) {
            PasswordLogin.Answer a = logins.changePassword(restricted, otp, bad);
            assertEquals(400, a.status(), bad + ": " + a.raw());
            assertEquals("invalid_request", a.error());
        }
        assertEquals(400, logins.changePassword(restricted, otp, null).status());
        assertEquals(400, logins.changePassword(restricted, null, PASSWORD).status());
        PasswordLogin.Answer wrong = logins.changePassword(restricted, "not-the-one-time-password", PASSWORD);
        assertEquals(401, wrong.status(), wrong.raw());
        assertEquals("invalid_grant", wrong.error());
        assertFalse(wrong.raw().contains("Exception") || wrong.raw().contains("SQL"), wrong.raw());

        // nothing changed: the one-time password still logs in, and a twelve-character password is taken
        assertTrue(logins.login("weihai", username, otp).mustChangePassword());
        assertEquals(200, logins.changePassword(restricted, otp, "twelve-chars").status());
        assertEquals(200, logins.login("weihai", username, "twelve-chars").status());
    }

    @Test
    void changePassword_ownPassword_withTheCurrentOne_endsTheOtherTokens() {
        Client admin = as("weihai", "TENANT_ADMIN");
        String username = unique("mover");
        activeUser(admin, "weihai", username, List.of("VIEWER"));
        String phone = loginToken("weihai", username);
        String laptop = loginToken("weihai", username);
        PasswordLogin.Answer changed = logins.changePassword(laptop, PASSWORD, "a new passphrase of mine");
        assertEquals(200, changed.status(), changed.raw());
        withToken(changed.token()).run("viewer").assertOk();
        assertUnauthenticated(withToken(phone).run("viewer"));
        assertUnauthenticated(withToken(laptop).run("viewer"));
        assertEquals(401, logins.login("weihai", username, PASSWORD).status());
        assertEquals(200, logins.login("weihai", username, "a new passphrase of mine").status());
    }

    @Test
    void changePassword_withATokenOfNoPasswordLogin_isForbidden_andWithoutOneUnauthorized() {
        assertEquals(403, logins.changePassword(token("weihai:admin", "weihai", "TENANT_ADMIN"), "shegong-demo", PASSWORD).status());
        assertEquals(403, logins.changePassword(token("platform:test", null, "PLATFORM_ADMIN"), "shegong-demo", PASSWORD).status());
        assertEquals(401, logins.changePassword(null, "shegong-demo", PASSWORD).status());
        assertEquals(401, logins.changePassword("not.a.jwt", "shegong-demo", PASSWORD).status());
    }

    @Test
    void resetUserPassword_answersANewOneTimePassword_andEndsTheUsersTokensAndPassword() {
        Client admin = as("weihai", "TENANT_ADMIN");
        String username = unique("forgetful");
        String id = activeUser(admin, "weihai", username, List.of("VIEWER"));
        String token = loginToken("weihai", username);

        Result reset = admin.run("resetUserPassword", "input", Map.of("id", id)).assertOk();
        String otp = reset.string("resetUserPassword.oneTimePassword");
        assertEquals(true, reset.get("resetUserPassword.user.mustChangePassword"));
        assertUnauthenticated(withToken(token).run("viewer"));
        assertEquals(401, logins.login("weihai", username, PASSWORD).status());
        String mine = logins.firstLogin("weihai", username, otp, "my own passphrase again");
        withToken(mine).run("viewer").assertOk();
        Result again = admin.run("resetUserPassword", "input", Map.of("id", id)).assertOk();
        assertNotEquals(otp, again.string("resetUserPassword.oneTimePassword"));
    }

    // --- audit --------------------------------------------------------------------------------------

    @Test
    void everyUserChange_isAuditedInItsTransaction_withoutAPasswordOrHash() throws Exception {
        String actor = "yangpu:" + unique("admin");
        Client admin = withToken(token(actor, "yangpu", "TENANT_ADMIN"));
        String username = unique("audited");
        List<String> secrets = new ArrayList<>();
        List<ILoggingEvent> log = captureLog(() -> {
            Result created = createUser(admin, username, List.of("VIEWER"));
            String id = created.string("createUser.user.id");
            secrets.add(created.string("createUser.oneTimePassword"));
            String mine = logins.firstLogin("yangpu", username, secrets.getFirst(), PASSWORD);
            secrets.add(PASSWORD);
            admin.run("updateUser", "input", Map.of("id", id, "version", version(admin, id), "roles", List.of("SUPERVISOR"))).assertOk();
            admin.run("disableUser", "input", Map.of("id", id)).assertOk();
            admin.run("enableUser", "input", Map.of("id", id)).assertOk();
            secrets.add(admin.run("resetUserPassword", "input", Map.of("id", id)).assertOk().string("resetUserPassword.oneTimePassword"));
            assertUnauthenticated(withToken(mine).run("viewer"));
        });
        String id = userId(admin, username);
        Result trail = admin.run("auditTrail", "filter", Map.of("targetId", id), "first", 50).assertOk();
        List<Map<String, Object>> entries = trail.get("auditLog.edges");
        assertEquals(List.of("resetUserPassword", "enableUser", "disableUser", "updateUser", "changePassword", "createUser"),
                entries.stream().map(e -> Fixtures.node(e).get("action")).toList(), trail.raw());
        Map<String, Object> reset = Fixtures.node(entries.get(0));
        assertEquals(Map.of("password", "reset", "mustChangePassword", true), reset.get("after"), trail.raw());
        Map<String, Object> change = Fixtures.node(entries.get(4));
        assertEquals("yangpu:" + username, change.get("actor"));
        assertEquals(Map.of("password", "changed", "mustChangePassword", false), change.get("after"));
        assertEquals(Map.of("roles", List.of("SUPERVISOR")), Fixtures.node(entries.get(3)).get("after"));
        assertEquals(false, ((Map<?, ?>) Fixtures.node(entries.get(2)).get("after")).get("active"));
        Map<?, ?> create = (Map<?, ?>) Fixtures.node(entries.get(5)).get("after");
        assertEquals(username, create.get("username"));
        assertEquals(true, create.get("mustChangePassword"));
        assertTrue(entries.stream().allMatch(e -> "User".equals(Fixtures.node(e).get("entity"))), trail.raw());

        for (String secret : secrets) {
            assertFalse(trail.raw().contains(secret), "the audit shows a password");
            assertFalse(log.stream().anyMatch(e -> e.getFormattedMessage().contains(secret)), "the log shows a password");
        }
        try (Connection c = TestDatabase.admin(); PreparedStatement ps = c.prepareStatement("""
                SELECT count(*) FROM audit_entry
                 WHERE concat(before::text, after::text) ~* '\\$2[aby]\\$|password_?hash'
                    OR concat(before::text, after::text) LIKE ANY (?)""")) {
            ps.setArray(1, c.createArrayOf("text", secrets.stream().map(s -> "%" + s + "%").toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertEquals(0, rs.getInt(1), "an audit entry holds a password or a hash");
            }
        }
    }

    @Test
    void createTenant_withAnAdministrator_isAuditedOnThePlatform_withoutThePassword() throws Exception {
        String code = unique("t").replace("_", "-");
        Result r = platformAdmin().run("createTenantWithAdministrator", "input", Map.of("code", code, "nameZh", "审计区民政局",
                "nameEn", "Audit Bureau", "level", "DISTRICT", "region", "测试省",
                "administrator", Map.of("username", "chief", "displayName", "局管理员"))).assertOk();
        String otp = r.string("createTenant.oneTimePassword");
        assertEquals(code + ":chief", r.string("createTenant.administrator.subject"));
        assertEquals(List.of("TENANT_ADMIN"), r.get("createTenant.administrator.roles"));
        assertEquals(true, r.get("createTenant.administrator.mustChangePassword"));
        try (Connection c = TestDatabase.admin(); PreparedStatement ps = c.prepareStatement("""
                SELECT action, after->>'code', after->>'active', after->>'administrator', after::text
                  FROM platform_audit_entry WHERE entity = 'Tenant' AND after->>'code' = ?""")) {
            ps.setString(1, code);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                assertEquals("createTenant", rs.getString(1));
                assertEquals("true", rs.getString(3));
                assertEquals("chief", rs.getString(4));
                assertFalse(rs.getString(5).contains(otp));
                assertFalse(rs.getString(5).matches("(?s).*\\$2[aby]\\$.*"));
                assertFalse(rs.next(), "one entry for the tenant and its administrator");
            }
        }
        // the new bureau's own trail starts empty: its administrator was made by the platform
        assertEquals(0, as(code, "TENANT_ADMIN").run("auditTrail").assertOk().integer("auditLog.totalCount"));
    }

    @Test
    void createTenant_withABadAdministrator_writesNeitherTenantNorUser() {
        String code = unique("t").replace("_", "-");
        Map<String, Object> in = new HashMap<>(Map.of("code", code, "nameZh", "坏", "nameEn", "Bad", "level", "CITY",
                "region", "x", "administrator", Map.of("username", "Not Valid", "displayName", "x")));
        platformAdmin().run("createTenantWithAdministrator", "input", in).assertError("BAD_USER_INPUT", "input.administrator.username");
        in.put("administrator", Map.of("username", "chief", "displayName", " "));
        platformAdmin().run("createTenantWithAdministrator", "input", in).assertError("BAD_USER_INPUT", "input.administrator.displayName");
        List<Map<String, Object>> tenants = platformAdmin().run("tenants", "first", 100).assertOk().get("tenants.edges");
        assertTrue(tenants.stream().noneMatch(e -> code.equals(Fixtures.node(e).get("code"))));
        as("wuhan", "TENANT_ADMIN").run("createTenantWithAdministrator", "input", Map.of("code", code, "nameZh", "x",
                "nameEn", "x", "level", "CITY", "region", "x", "administrator", Map.of("username", "chief", "displayName", "x")))
                .assertError("FORBIDDEN", null);
    }

    // --- other bureaus' ids ----------------------------------------------------------------------

    /** Mutation document, and its input for a given id. */
    private record Case(String document, String type, Function<String, Map<String, Object>> input) {
    }

    @Test
    void everyUserIdTakingField_answersAnotherBureausIdAsIfItDidNotExist_andChangesNothing() {
        Client wuhanAdmin = as("wuhan", "TENANT_ADMIN");
        String wuhanUsername = unique("wuhanuser");
        String wuhanUser = createUser(wuhanAdmin, wuhanUsername, List.of("VIEWER")).string("createUser.user.id");
        String wuhanStation = Fixtures.stationId(wuhanAdmin, "dazhi");
        Client qingpu = as("qingpu", "TENANT_ADMIN");
        String qingpuUser = createUser(qingpu, unique("qingpuop"), List.of("STATION_OPERATOR")).string("createUser.user.id");
        int qingpuVersion = version(qingpu, qingpuUser);

        Map<String, String> wuhan = Map.of("User", wuhanUser, "Station", wuhanStation);
        List<Case> cases = List.of(
                new Case("updateUser", "User", id -> Map.of("id", id, "version", 1, "displayName", "x")),
                new Case("updateUser", "Station", id -> Map.of("id", qingpuUser, "version", qingpuVersion, "stationIds", List.of(id))),
                new Case("disableUser", "User", id -> Map.of("id", id)),
                new Case("enableUser", "User", id -> Map.of("id", id)),
                new Case("resetUserPassword", "User", id -> Map.of("id", id)),
                new Case("createUser", "Station", id -> input(unique("x"), List.of("STATION_OPERATOR"), "stationIds", List.of(id))));
        for (Case c : cases) {
            Result foreign = qingpu.run(c.document(), "input", c.input().apply(wuhan.get(c.type())));
            Result absent = qingpu.run(c.document(), "input", c.input().apply(GlobalId.encode(c.type(), UUID.randomUUID())));
            assertTrue(List.of("NOT_FOUND", "BAD_USER_INPUT").contains(foreign.errorCode()), c + foreign.raw());
            assertNull(foreign.get(c.document() + ".oneTimePassword"), foreign.raw());
            Fixtures.assertSameError(foreign, absent);
            assertEquals(absent.userErrors(), foreign.userErrors());
        }
        Result node = qingpu.run("userNode", "id", wuhanUser).assertOk();
        node.assertNullAt("node");
        assertEquals(0, qingpu.run("users", "filter", Map.of("text", wuhanUsername)).assertOk().integer("users.totalCount"));

        Result unchanged = wuhanAdmin.run("userNode", "id", wuhanUser).assertOk();
        assertEquals(1, unchanged.integer("node.version"));
        assertEquals(true, unchanged.get("node.active"));
        assertEquals(List.of(), qingpu.run("userNode", "id", qingpuUser).assertOk().get("node.stations"));
    }

    private static int auditEntries(String actor) throws SQLException {
        try (Connection c = TestDatabase.admin(); PreparedStatement ps = c.prepareStatement(
                "SELECT count(*) FROM audit_entry WHERE actor = ?")) {
            ps.setString(1, actor);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private static List<ILoggingEvent> captureLog(Runnable work) {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        root.addAppender(appender);
        try {
            work.run();
        } finally {
            root.detachAppender(appender);
        }
        return List.copyOf(appender.list);
    }
}
