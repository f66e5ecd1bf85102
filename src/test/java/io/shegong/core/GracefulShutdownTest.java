package io.shegong.core;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.shegong.Application;
import io.shegong.devdb.DatabaseSetup;
import io.shegong.support.GraphQLTestBase;
import io.shegong.support.Result;
import io.shegong.support.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static io.shegong.support.Fixtures.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Stops the service as Kubernetes does, with SIGTERM, while an update is held in flight by a row
 * lock taken here. The service runs as a child JVM because only a real signal goes through the
 * JVM's shutdown hook; closing an application context in the test's own JVM would skip it.
 */
class GracefulShutdownTest {
    /** How long the machine may take to start a JVM and answer; these bound waits, they time nothing. */
    private static final Duration STARTUP = Duration.ofMinutes(3);
    private static final Duration PATIENCE = Duration.ofSeconds(90);
    /** The JVM's exit status after a SIGTERM whose shutdown hooks ran: 128 + 15. */
    private static final int EXIT_ON_SIGTERM = 143;
    private static final String NAME = "测试街道社工站";

    private final JsonMapper json = JsonMapper.createDefault();
    private Process service;
    private int port;
    private Path log;
    private Connection lock;

    @AfterEach
    void stopEverything() throws SQLException {
        if (lock != null) {
            lock.close();
        }
        if (service != null && service.isAlive()) {
            service.destroyForcibly();
        }
    }

    @Test
    void sigterm_updateInFlightFinishesAndCommits_newRequestsAreRefused_processExits() throws Exception {
        Duration gracePeriod = Duration.ofSeconds(30);
        start(gracePeriod);
        String token = login("wuhan", "admin");
        String code = createStation(token);
        lockStation(code);
        CompletableFuture<HttpResponse<String>> update = renameStation(token, code, NAME + "（新址）");
        awaitUpdateWaitingOnLock();

        service.destroy();
        awaitListenerClosed();
        Result late = post(token, "viewer", Map.of());
        assertEquals(-1, late.status(), "a request after shutdown began must be refused, got " + late.raw());

        // Keep the update waiting past the second or so in which the service used to be gone.
        Thread.sleep(2_000);
        assertTrue(service.isAlive(), "the service exited with an update in flight\n" + logTail());
        assertFalse(update.isDone(), "the update answered while its row was still locked");

        lock.rollback();
        Result answer = result(update.get(PATIENCE.toSeconds(), TimeUnit.SECONDS));
        assertEquals(200, answer.status(), answer.raw());
        answer.assertOk();
        assertEquals(NAME + "（新址）", answer.string("updateStation.station.name"));
        assertEquals(2, answer.integer("updateStation.station.version"));
        assertEquals(NAME + "（新址）", stationName(code), "the update was not committed");

        assertTrue(service.waitFor(gracePeriod.toSeconds(), TimeUnit.SECONDS),
                "still running a grace period after its last request finished\n" + logTail());
        assertEquals(EXIT_ON_SIGTERM, service.exitValue(), logTail());
    }

    /**
     * A client that gives up closes its connection, so the HTTP server has nothing left to wait
     * for; the update still runs on the blocking executor, which the shutdown waits for too.
     */
    @Test
    void sigterm_updateWhoseClientHasGone_stillCommitsBeforeThePoolCloses() throws Exception {
        start(Duration.ofSeconds(30));
        String token = login("wuhan", "admin");
        String code = createStation(token);
        lockStation(code);
        CompletableFuture<HttpResponse<String>> update = renameStation(token, code, NAME + "（客户端已离开）");
        awaitUpdateWaitingOnLock();
        update.cancel(true);

        service.destroy();
        awaitListenerClosed();
        // As above: the update keeps waiting a while, long enough for a shutdown that ignored it.
        Thread.sleep(2_000);
        assertTrue(service.isAlive(), "the service exited with an update in flight\n" + logTail());

        lock.rollback();
        assertTrue(service.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS), logTail());
        assertEquals(EXIT_ON_SIGTERM, service.exitValue(), logTail());
        assertEquals(NAME + "（客户端已离开）", stationName(code), "the pool closed under the update\n" + logTail());
    }

    @Test
    void sigterm_updateStillWaitingAfterTheGracePeriod_isCutAndRolledBack() throws Exception {
        Duration gracePeriod = Duration.ofSeconds(3);
        start(gracePeriod);
        String token = login("wuhan", "admin");
        String code = createStation(token);
        lockStation(code);
        CompletableFuture<HttpResponse<String>> update = renameStation(token, code, NAME + "（不会保存）");
        awaitUpdateWaitingOnLock();

        long signalled = System.nanoTime();
        service.destroy();
        assertTrue(service.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS),
                "the grace period did not bound the shutdown\n" + logTail());
        assertTrue(System.nanoTime() - signalled >= gracePeriod.toNanos(),
                "exited before the grace period with an update in flight\n" + logTail());
        assertEquals(EXIT_ON_SIGTERM, service.exitValue(), logTail());

        try {
            Result answer = result(update.get(PATIENCE.toSeconds(), TimeUnit.SECONDS));
            assertFalse(answer.errors().isEmpty(), "an update cut by the shutdown answered success: " + answer.raw());
        } catch (ExecutionException cut) {
            assertInstanceOf(IOException.class, cut.getCause());
        }
        lock.rollback();
        assertEquals(NAME, stationName(code), "a cut update must leave nothing behind");
    }

    // --- the service in its own JVM ---

    private void start(Duration gracePeriod) throws Exception {
        DatabaseSetup.Target db = TestDatabase.target();
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Path dir = Files.createDirectories(Path.of("target", "graceful-shutdown"));
        log = Files.createTempFile(dir, "service-", ".log");
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Application.class.getName());
        Map<String, String> env = pb.environment();
        env.put("DATASOURCE_URL", db.url());
        env.put("DATASOURCE_USERNAME", DatabaseSetup.SERVICE);
        env.put("DATASOURCE_PASSWORD", db.servicePassword());
        env.put("MIGRATION_URL", db.url());
        env.put("MIGRATION_USERNAME", DatabaseSetup.OWNER);
        env.put("MIGRATION_PASSWORD", db.ownerPassword());
        env.put("JWT_SECRET", GraphQLTestBase.JWT_SECRET);
        env.put("DEMO_DATA", "true");
        env.put("PORT", String.valueOf(port));
        env.put("SHUTDOWN_GRACE_PERIOD", gracePeriod.toSeconds() + "s");
        service = pb.redirectErrorStream(true).redirectOutput(log.toFile()).start();

        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (readiness() != 200) {
            if (!service.isAlive() || System.nanoTime() > deadline) {
                fail("the service did not become ready\n" + logTail());
            }
            Thread.sleep(200);
        }
    }

    /** Readiness on a new connection: its HTTP status, -1 when the connection is refused, -2 on other failures. */
    private int readiness() throws InterruptedException {
        try (HttpClient http = client()) {
            return http.send(HttpRequest.newBuilder(uri("/health/readiness")).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (ConnectException refused) {
            return -1;
        } catch (IOException other) {
            return -2;
        }
    }

    /**
     * Waits until the listener has closed. Readiness turns DOWN at that same moment, so from
     * outside it goes from UP to refused. A connection that lands in the listen backlog as the
     * listener closes is reset rather than refused (-2); the next one is refused.
     */
    private void awaitListenerClosed() throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        int status;
        while ((status = readiness()) != -1) {
            assertTrue(status == 200 || status == 503 || status == -2, "readiness after SIGTERM answered " + status);
            if (System.nanoTime() > deadline) {
                fail("still accepting connections long after SIGTERM\n" + logTail());
            }
            Thread.sleep(50);
        }
    }

    private String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return "--- " + log + " ---\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    // --- requests, each on its own connection so none rides a connection the shutdown closed ---

    private static HttpClient client() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private String login(String tenant, String username) throws Exception {
        byte[] body = json.writeValueAsBytes(Map.of("tenant", tenant, "username", username, "password", "shegong-demo"));
        try (HttpClient http = client()) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri("/login"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode(), r.body());
            return (String) json.readValue(r.body(), Argument.mapOf(String.class, Object.class)).get("access_token");
        }
    }

    private CompletableFuture<HttpResponse<String>> postAsync(String token, String document, Map<String, Object> variables)
            throws IOException {
        Map<String, Object> body = new HashMap<>();
        body.put("query", document(document));
        body.put("variables", variables);
        HttpClient http = client();
        return http.sendAsync(HttpRequest.newBuilder(uri("/graphql"))
                        .header("Content-Type", "application/json")
                        .header("Authorization", "Bearer " + token)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body))).build(),
                HttpResponse.BodyHandlers.ofString()).whenComplete((r, e) -> http.shutdown());
    }

    /** The answer, or status -1 when the connection was refused. */
    private Result post(String token, String document, Map<String, Object> variables) throws Exception {
        try {
            return result(postAsync(token, document, variables).get(PATIENCE.toSeconds(), TimeUnit.SECONDS));
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ConnectException) {
                return new Result(-1, Map.of(), e.getCause().toString());
            }
            throw e;
        }
    }

    private Result result(HttpResponse<String> r) throws IOException {
        return new Result(r.statusCode(), json.readValue(r.body(), Argument.mapOf(String.class, Object.class)), r.body());
    }

    private static String document(String name) {
        try (InputStream in = GracefulShutdownTest.class.getResourceAsStream("/graphql/" + name + ".graphql")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // --- the station held in flight ---

    /** A fresh Wuhan street station, so that renaming it changes nothing other tests read. */
    private String createStation(String token) throws Exception {
        Result divisions = post(token, "divisions", Map.of("filter", Map.of("text", "dazhi"), "first", 100)).assertOk();
        List<Map<String, Object>> edges = divisions.get("divisions.edges");
        @SuppressWarnings("unchecked")
        String divisionId = edges.stream().map(e -> (Map<String, Object>) e.get("node"))
                .filter(n -> "dazhi".equals(n.get("code"))).map(n -> (String) n.get("id")).findFirst().orElseThrow();
        String code = unique("shutdown");
        post(token, "createStation", Map.of("input", Map.of("code", code, "name", NAME,
                "kind", "street_station", "divisionId", divisionId, "operatingMode", "PURCHASED"))).assertOk();
        return code;
    }

    private CompletableFuture<HttpResponse<String>> renameStation(String token, String code, String name) throws Exception {
        String id = (String) post(token, "stationByText", Map.of("text", code)).assertOk()
                .<List<Map<String, Map<String, Object>>>>get("stations.edges").getFirst().get("node").get("id");
        return postAsync(token, "updateStation", Map.of("input", Map.of("id", id, "version", 1, "name", name)));
    }

    /** Locks the station's row in an open transaction, as a slow writer would. */
    private void lockStation(String code) throws SQLException {
        lock = TestDatabase.admin();
        lock.setAutoCommit(false);
        try (PreparedStatement st = lock.prepareStatement("SELECT 1 FROM station WHERE code = ? FOR UPDATE")) {
            st.setString(1, code);
            try (ResultSet rs = st.executeQuery()) {
                assertTrue(rs.next(), "no station " + code);
            }
        }
    }

    /** Waits until the service's update is blocked on the lock, so that it is truly in flight. */
    private void awaitUpdateWaitingOnLock() throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (true) {
            // A connection of its own: pg_stat_activity is a snapshot taken once per transaction.
            try (Connection c = TestDatabase.admin(); PreparedStatement st = c.prepareStatement("""
                    SELECT count(*) FROM pg_stat_activity
                     WHERE datname = current_database() AND usename = ? AND wait_event_type = 'Lock'
                       AND query ~* '^UPDATE "?station"? '""")) {
                st.setString(1, DatabaseSetup.SERVICE);
                try (ResultSet rs = st.executeQuery()) {
                    rs.next();
                    if (rs.getInt(1) > 0) {
                        return;
                    }
                }
            }
            if (System.nanoTime() > deadline) {
                fail("the update never reached the locked row\n" + logTail());
            }
            Thread.sleep(50);
        }
    }

    private static String stationName(String code) throws SQLException {
        try (Connection c = TestDatabase.admin();
             PreparedStatement st = c.prepareStatement("SELECT name FROM station WHERE code = ?")) {
            st.setString(1, code);
            try (ResultSet rs = st.executeQuery()) {
                assertTrue(rs.next());
                return rs.getString(1);
            }
        }
    }
}
