package io.shegong.core;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.core.type.Argument;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.shegong.core.security.LoginController;
import io.shegong.core.security.LoginThrottle;
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
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * POST /login over HTTP against the real database: input checking, the bcrypt verification every
 * attempt runs, the throttle on failed attempts, and what is logged. Each test logs in with users
 * of its own, made here, so that no test throttles another's.
 */
// Not transactional: one test calls the throttle directly, and its unit of work must commit
// rather than join a test transaction that is rolled back afterwards.
@MicronautTest(transactional = false)
class LoginTest extends GraphQLTestBase {
    private static final String PASSWORD = "correct horse battery";
    private static final String HASH = Passwords.hash(PASSWORD);

    @Inject
    MeterRegistry meters;
    @Inject
    LoginThrottle throttle;

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

    @Test
    void login_answers429FromTheSixthFailureOnEvenForTheRightPassword() throws Exception {
        String user = user("qingpu");
        for (int i = 1; i <= 30; i++) {
            HttpResponse<String> r = login("qingpu", user, "wrong-" + i);
            if (i <= 5) {
                assertEquals(401, r.statusCode(), "attempt " + i + ": " + r.body());
            } else {
                assertThrottled(r, 850, 900);
            }
        }
        double before = verifications();
        assertThrottled(login("qingpu", user, PASSWORD), 850, 900);
        assertEquals(before, verifications(), "a throttled attempt checked the password");
    }

    @Test
    void login_throttlingOneUsernameLeavesTheTenantsOtherUsernamesAlone() throws Exception {
        String locked = user("qingpu");
        String other = user("qingpu");
        failLogins(5, "qingpu", locked);
        assertThrottled(login("qingpu", locked, PASSWORD), 850, 900);
        assertEquals(200, login("qingpu", other, PASSWORD).statusCode());
    }

    @Test
    void login_throttlingAUsernameInOneTenantLeavesTheSameUsernameInAnotherAlone() throws Exception {
        String user = user("qingpu");
        user("wuhan", user);
        failLogins(5, "qingpu", user);
        assertThrottled(login("qingpu", user, PASSWORD), 850, 900);
        assertEquals(200, login("wuhan", user, PASSWORD).statusCode());
    }

    @Test
    void login_failuresOlderThanFifteenMinutesNoLongerCount() throws Exception {
        String user = user("qingpu");
        failedAgo(5, "qingpu", user, "16 minutes");
        failedAgo(4, "qingpu", user, "1 minute");
        assertEquals(200, login("qingpu", user, PASSWORD).statusCode());
    }

    @Test
    void login_failuresWithinFifteenMinutesCountUntilTheOldestLeavesTheWindow() throws Exception {
        String user = user("qingpu");
        failedAgo(1, "qingpu", user, "14 minutes");
        failedAgo(4, "qingpu", user, "1 minute");
        assertThrottled(login("qingpu", user, PASSWORD), 1, 60);
    }

    @Test
    void login_successEndsTheCountButKeepsTheFailures() throws Exception {
        String user = user("wuhan");
        failLogins(4, "wuhan", user);
        assertEquals(200, login("wuhan", user, PASSWORD).statusCode());
        failLogins(4, "wuhan", user);
        assertEquals(200, login("wuhan", user, PASSWORD).statusCode());
        assertEquals(Map.of(false, 8, true, 2), attempts("wuhan", user));
    }

    @Test
    void login_parallelAttemptsGetNoMoreThanFiveTries() throws Exception {
        String user = user("wuhan");
        List<CompletableFuture<HttpResponse<String>>> sent = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            sent.add(http.sendAsync(request("wuhan", user, "wrong-" + i), HttpResponse.BodyHandlers.ofString()));
        }
        Map<Integer, Long> statuses = new TreeMap<>();
        for (CompletableFuture<HttpResponse<String>> f : sent) {
            statuses.merge(f.get().statusCode(), 1L, Long::sum);
        }
        assertEquals(Map.of(401, 5L, 429, 7L), statuses);
    }

    @Test
    void loginAttemptBegin_waitsForAParallelAttemptOfTheSameKeySoTheCountHolds() throws Exception {
        String user = user("qingpu");
        failedAgo(4, "qingpu", user, "1 minute");
        try (Connection first = TestDatabase.service(); Connection second = TestDatabase.service()) {
            first.setAutoCommit(false);
            assertEquals(0, begin(first, user), "the fifth attempt is allowed");
            int secondPid = backendPid(second);
            CompletableFuture<Integer> parallel = CompletableFuture.supplyAsync(() -> begin(second, user));
            // Let the second attempt reach the count while the fifth is still uncommitted: it
            // must wait for it rather than count four and pass.
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (!parallel.isDone() && !waitsOnALock(secondPid) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            first.commit();
            assertTrue(parallel.get(10, TimeUnit.SECONDS) > 0, "the sixth attempt was not throttled");
        }
    }

    @Test
    void login_throttlesUnknownTenantsAndUsernamesAndPlatformAdminsAlike() throws Exception {
        String nowhere = Fixtures.unique("nowhere");
        String nobody = Fixtures.unique("nobody");
        failLogins(5, nowhere, nobody);
        assertThrottled(login(nowhere, nobody, PASSWORD), 850, 900);
        failLogins(5, "qingpu", nobody);
        assertThrottled(login("qingpu", nobody, PASSWORD), 850, 900);
        failLogins(5, null, nobody);
        assertThrottled(login(null, nobody, PASSWORD), 850, 900);
        assertEquals(200, login(null, "platform", "shegong-demo").statusCode());
    }

    @Test
    void loginAttemptPrune_forgetsOnlyAttemptsOlderThanADay() throws Exception {
        String user = user("qingpu");
        failedAgo(2, "qingpu", user, "25 hours");
        failedAgo(3, "qingpu", user, "23 hours");
        try (Connection c = TestDatabase.service(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT login_attempt_prune()")) {
            assertTrue(rs.next());
            assertTrue(rs.getInt(1) >= 2);
        }
        assertEquals(Map.of(false, 3), attempts("qingpu", user));
    }

    @Test
    void loginThrottlePrune_runsOutsideAnyRequest_andForgetsOnlyAttemptsOlderThanADay() throws Exception {
        String user = user("qingpu");
        failedAgo(2, "qingpu", user, "25 hours");
        failedAgo(1, "qingpu", user, "1 hour");
        throttle.prune();
        assertEquals(Map.of(false, 1), attempts("qingpu", user));
    }

    private void assertThrottled(HttpResponse<String> r, int minRetryAfter, int maxRetryAfter) {
        assertEquals(429, r.statusCode(), r.body());
        int retryAfter = Integer.parseInt(r.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(retryAfter >= minRetryAfter && retryAfter <= maxRetryAfter, "Retry-After " + retryAfter);
        Map<String, Object> body = body(r);
        assertEquals(Map.of("error", "too_many_attempts", "message", body.get("message")), body, r.body());
    }

    private void failLogins(int times, String tenant, String username) throws Exception {
        for (int i = 0; i < times; i++) {
            HttpResponse<String> r = login(tenant, username, "wrong-" + i);
            assertEquals(401, r.statusCode(), r.body());
        }
    }

    /** Failed attempts recorded as if made that long ago, the way the service records them. */
    private static void failedAgo(int times, String tenant, String username, String age) throws SQLException {
        try (Connection c = TestDatabase.admin(); PreparedStatement ps = c.prepareStatement("""
                INSERT INTO login_attempt (tenant_code, username, at)
                SELECT ?, ?, now() - ?::interval FROM generate_series(1, ?)""")) {
            ps.setString(1, tenant);
            ps.setString(2, username);
            ps.setString(3, age);
            ps.setInt(4, times);
            assertEquals(times, ps.executeUpdate());
        }
    }

    /** Starts an attempt as the service does; answers its retry_after. */
    private static int begin(Connection c, String username) {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT retry_after FROM login_attempt_begin('qingpu', ?, 5, 900)")) {
            ps.setString(1, username);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                return rs.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int backendPid(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static boolean waitsOnALock(int pid) throws SQLException {
        try (Connection c = TestDatabase.admin(); PreparedStatement ps = c.prepareStatement(
                "SELECT wait_event_type = 'Lock' FROM pg_stat_activity WHERE pid = ?")) {
            ps.setInt(1, pid);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    /** The key's recorded attempts, counted by whether they succeeded. */
    private static Map<Boolean, Integer> attempts(String tenant, String username) throws SQLException {
        Map<Boolean, Integer> counts = new HashMap<>();
        try (Connection c = TestDatabase.admin(); PreparedStatement ps = c.prepareStatement(
                "SELECT succeeded, count(*) FROM login_attempt WHERE tenant_code = ? AND username = ? GROUP BY 1")) {
            ps.setString(1, tenant);
            ps.setString(2, username);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    counts.put(rs.getBoolean(1), rs.getInt(2));
                }
            }
        }
        return counts;
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
        return http.send(request(tenant, username, password), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest request(String tenant, String username, String password) throws java.io.IOException {
        Map<String, Object> body = new HashMap<>();
        body.put("tenant", tenant);
        body.put("username", username);
        body.put("password", password);
        return HttpRequest.newBuilder(URI.create(server.getURL() + "/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body))).build();
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
