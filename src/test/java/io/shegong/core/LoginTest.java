package io.shegong.core;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.core.type.Argument;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.shegong.core.security.LoginController;
import io.shegong.core.security.Passwords;
import io.shegong.support.Fixtures;
import io.shegong.support.GraphQLTestBase;
import io.shegong.support.TestDatabase;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * POST /login over HTTP against the real database: input checking, the bcrypt verification every
 * attempt runs, and what is logged. Each test logs in with users of its own, made here.
 */
@MicronautTest
class LoginTest extends GraphQLTestBase {
    private static final String PASSWORD = "correct horse battery";
    private static final String HASH = Passwords.hash(PASSWORD);

    @Inject
    MeterRegistry meters;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void login_answers400ForAPasswordOver72Bytes() throws Exception {
        String user = user("qingpu");
        assertInvalidRequest(login("qingpu", user, "a".repeat(73)));
        // 37 characters, 74 bytes: the limit is bcrypt's, in bytes
        assertInvalidRequest(login("qingpu", user, "é".repeat(37)));
        assertInvalidRequest(login(null, "platform", "a".repeat(100)));
        assertEquals(401, login("qingpu", user, "a".repeat(72)).statusCode());
    }

    @Test
    void login_answers400ForNulOrControlCharactersInTenantUsernameOrPassword() throws Exception {
        String user = user("qingpu");
        assertInvalidRequest(login("qing\u0000pu", user, PASSWORD));
        assertInvalidRequest(login("qingpu", user + "\u0000", PASSWORD));
        assertInvalidRequest(login("qingpu", user, PASSWORD + "\u0000"));
        assertInvalidRequest(login("qingpu", user + "\nINFO forged line", PASSWORD));
        assertInvalidRequest(login("qingpu", user, "\u007f" + PASSWORD));
        assertInvalidRequest(login(null, "platform\u0000", PASSWORD));
        assertEquals(200, login("qingpu", user, PASSWORD).statusCode());
    }

    @Test
    void login_answers400ForAUsernameOver200Characters() throws Exception {
        assertInvalidRequest(login("qingpu", "u".repeat(201), PASSWORD));
        assertEquals(401, login("qingpu", "u".repeat(200), PASSWORD).statusCode());
    }

    @Test
    void login_answers400WhenUsernameOrPasswordIsMissing() throws Exception {
        assertInvalidRequest(login("qingpu", null, PASSWORD));
        assertInvalidRequest(login("qingpu", "admin", null));
    }

    @Test
    void login_answers401ForAMalformedTenantCode() throws Exception {
        String user = user("qingpu");
        for (String tenant : List.of("", "Qingpu", "q", "qingpu ", "1qingpu", "qingpu;drop", "../qingpu",
                "q".repeat(41), "青浦", "x".repeat(10_000))) {
            HttpResponse<String> r = login(tenant, user, PASSWORD);
            assertEquals(401, r.statusCode(), tenant + ": " + r.body());
            assertEquals("invalid_grant", body(r).get("error"));
        }
    }

    @Test
    void login_runsOneBcryptVerificationWhateverIsUnknown() throws Exception {
        String user = user("qingpu");
        String dormant = inactiveTenantWithUser(user);
        assertOneVerification(401, "qingpu", user, "wrong");
        assertOneVerification(401, "qingpu", Fixtures.unique("nobody"), PASSWORD);
        assertOneVerification(401, Fixtures.unique("nowhere"), user, PASSWORD);
        assertOneVerification(401, dormant, user, PASSWORD);
        assertOneVerification(401, "Not A Tenant", user, PASSWORD);
        assertOneVerification(401, null, Fixtures.unique("nobody"), PASSWORD);
        assertOneVerification(401, null, "platform", "wrong");
        assertOneVerification(200, "qingpu", user, PASSWORD);
    }

    @Test
    void login_invalidRequestRunsNoVerification() throws Exception {
        double before = verifications();
        assertInvalidRequest(login("qingpu", "admin", "a".repeat(73)));
        assertEquals(before, verifications());
    }

    @Test
    void login_logsEachAttemptWithoutThePasswordAndNothingOfAnException() throws Exception {
        String user = user("wuhan");
        String secret = "wrong-" + UUID.randomUUID();
        List<ILoggingEvent> events = captureLog(() -> {
            login("wuhan", user, secret);
            login("wuhan", user, PASSWORD);
            login("wu\u0000han", user, secret);
            login("wuhan", "x\" outcome=SUCCESS", secret);
        });
        List<String> lines = events.stream().map(ILoggingEvent::getFormattedMessage).toList();
        assertTrue(lines.containsAll(List.of(
                "Login tenant=\"wuhan\" username=\"" + user + "\" outcome=FAILURE remote=127.0.0.1",
                "Login tenant=\"wuhan\" username=\"" + user + "\" outcome=SUCCESS remote=127.0.0.1",
                "Login tenant=\"wu?han\" username=\"" + user + "\" outcome=INVALID_REQUEST remote=127.0.0.1",
                "Login tenant=\"wuhan\" username=\"x\\\" outcome=SUCCESS\" outcome=FAILURE remote=127.0.0.1")),
                lines.toString());
        for (ILoggingEvent e : events) {
            assertFalse(e.getFormattedMessage().contains(secret), e.getFormattedMessage());
            assertFalse(e.getFormattedMessage().contains(PASSWORD), e.getFormattedMessage());
            assertFalse(e.getFormattedMessage().contains("Exception"), e.getFormattedMessage());
            assertEquals(null, e.getThrowableProxy(), e.getFormattedMessage());
        }
    }

    /** Proves by count, not by timing, that the attempt ran bcrypt once whatever it named. */
    private void assertOneVerification(int status, String tenant, String username, String password) throws Exception {
        double before = verifications();
        HttpResponse<String> r = login(tenant, username, password);
        assertEquals(status, r.statusCode(), r.body());
        assertEquals(before + 1, verifications(), tenant + " / " + username);
    }

    private void assertInvalidRequest(HttpResponse<String> r) {
        assertEquals(400, r.statusCode(), r.body());
        Map<String, Object> body = body(r);
        assertEquals(Map.of("error", "invalid_request", "message", body.get("message")), body, r.body());
        assertFalse(r.body().contains("Exception") || r.body().contains("org.") || r.body().contains("SQL"), r.body());
    }

    private double verifications() {
        return meters.get(LoginController.VERIFICATION_TIMER).timer().count();
    }

    private HttpResponse<String> login(String tenant, String username, String password) throws Exception {
        Map<String, Object> body = new HashMap<>();
        body.put("tenant", tenant);
        body.put("username", username);
        body.put("password", password);
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.getURL() + "/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body))).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private Map<String, Object> body(HttpResponse<String> r) {
        try {
            return json.readValue(r.body(), Argument.mapOf(String.class, Object.class));
        } catch (java.io.IOException e) {
            throw new AssertionError(r.body(), e);
        }
    }

    /** A new active user of the tenant with {@link #PASSWORD}; its username is returned. */
    private static String user(String tenant) throws SQLException {
        String username = Fixtures.unique("login");
        user(tenant, username);
        return username;
    }

    private static void user(String tenant, String username) throws SQLException {
        try (Connection c = TestDatabase.admin(); PreparedStatement ps = c.prepareStatement("""
                INSERT INTO app_user (tenant_id, id, username, display_name, password_hash, roles)
                SELECT id, gen_random_uuid(), ?, ?, ?, '{VIEWER}' FROM tenant WHERE code = ?""")) {
            ps.setString(1, username);
            ps.setString(2, username);
            ps.setString(3, HASH);
            ps.setString(4, tenant);
            assertEquals(1, ps.executeUpdate());
        }
    }

    /** A deactivated tenant that still has the user with {@link #PASSWORD}. */
    private static String inactiveTenantWithUser(String username) throws SQLException {
        String code = Fixtures.unique("dormant");
        try (Connection c = TestDatabase.admin(); PreparedStatement ps = c.prepareStatement("""
                INSERT INTO tenant (id, code, name_zh, name_en, level, region, active)
                VALUES (gen_random_uuid(), ?, '停用', 'Dormant', 'DISTRICT', 'test', false)""")) {
            ps.setString(1, code);
            ps.executeUpdate();
        }
        user(code, username);
        return code;
    }

    private static List<ILoggingEvent> captureLog(ThrowingRunnable work) throws Exception {
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

    @FunctionalInterface
    private interface ThrowingRunnable {
        void run() throws Exception;
    }
}
