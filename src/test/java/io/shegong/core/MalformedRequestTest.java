package io.shegong.core;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.shegong.support.GraphQLTestBase;
import io.shegong.support.Result;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Whatever a client sends, the answer is a status and a coded error; nothing internal leaks. */
@MicronautTest(transactional = false)
class MalformedRequestTest extends GraphQLTestBase {
    private final HttpClient http = HttpClient.newHttpClient();
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();

    @BeforeAll
    void watchTheLog() {
        log.start();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(log);
    }

    @AfterAll
    void noStackTraces() {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(log);
        for (ILoggingEvent e : log.list) {
            assertTrue(e.getThrowableProxy() == null, "stack trace logged: " + e.getFormattedMessage());
        }
    }

    private HttpResponse<String> post(String path, String contentType, byte[] body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.getURL() + path))
                .header("Content-Type", contentType)
                .header("Authorization", "Bearer " + token("wuhan:admin", "wuhan", "TENANT_ADMIN"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static void assertBadRequest(HttpResponse<String> r, int status) {
        assertEquals(status, r.statusCode(), r.body());
        assertTrue(r.body().contains("\"code\":\"BAD_REQUEST\""), r.body());
        assertTrue(r.body().startsWith("{\"errors\":["), r.body());
        for (String leak : new String[]{"io.micronaut", "com.fasterxml", "Jackson", "java.", "Exception", "GraphQLRequestBody"}) {
            assertFalse(r.body().contains(leak), "leaked " + leak + ": " + r.body());
        }
    }

    @Test
    void malformedBodies_answer400() throws Exception {
        String deep = "[".repeat(100_000) + "]".repeat(100_000);
        String[] bodies = {"{", "null", "[]", "\"x\"", "", "42", "{\"query\": 42}", "{\"query\": null}",
                "{\"query\": \"{ viewer { subject } }\", \"variables\": \"x\"}",
                "{\"query\": \"{ viewer { subject } }\", \"variables\": [1]}",
                "{\"query\": \"{ viewer { subject } }\", \"operationName\": {}}", deep,
                "{\"query\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}"};
        for (String body : bodies) {
            assertBadRequest(post("/graphql", "application/json", body.getBytes(StandardCharsets.UTF_8)), 400);
        }
    }

    @Test
    void invalidUtf8_answers400() throws Exception {
        byte[] body = {'{', '"', 'q', 'u', 'e', 'r', 'y', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
        assertBadRequest(post("/graphql", "application/json", body), 400);
    }

    @Test
    void batchOfOperations_answers400SayingBatchingIsNotSupported() throws Exception {
        StringBuilder batch = new StringBuilder("[");
        for (int i = 0; i < 100; i++) {
            batch.append(i == 0 ? "" : ",").append("{\"query\":\"{ viewer { subject } }\"}");
        }
        HttpResponse<String> r = post("/graphql", "application/json", batch.append("]").toString().getBytes(StandardCharsets.UTF_8));
        assertBadRequest(r, 400);
        assertTrue(r.body().contains("Batched requests are not supported"), r.body());
    }

    /**
     * The server answers 413 before reading the body and closes the connection; a client still
     * writing may find the connection reset before it reads the answer, so a reset is tried again
     * on a new connection, and the answer must come within three tries.
     */
    @Test
    void oversizeBody_answers413() throws Exception {
        byte[] body = ("{\"query\":\"" + "x".repeat(2_000_000) + "\"}").getBytes(StandardCharsets.UTF_8);
        java.io.IOException reset = null;
        for (int i = 0; i < 3; i++) {
            try {
                assertBadRequest(post("/graphql", "application/json", body), 413);
                return;
            } catch (java.io.IOException e) {
                reset = e;
            }
        }
        throw reset;
    }

    @Test
    void malformedLoginBodies_answer400() throws Exception {
        for (String body : new String[]{"{", "null", "[]", "\"x\"", "{\"username\": [], \"password\": 1}"}) {
            assertBadRequest(post("/login", "application/json", body.getBytes(StandardCharsets.UTF_8)), 400);
        }
    }

    @Test
    void queryAsApplicationGraphql_runs() throws Exception {
        HttpResponse<String> r = post("/graphql", "application/graphql", "{ viewer { subject } }".getBytes(StandardCharsets.UTF_8));
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.body().contains("wuhan:admin"), r.body());
    }

    @Test
    void mutationOverGet_answersBadRequestAskingForPost() throws Exception {
        String q = URLEncoder.encode("mutation { registerWorker(input: {name: \"x\", educationLevel: COLLEGE}) { worker { id } } }",
                StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.getURL() + "/graphql?query=" + q))
                .header("Authorization", "Bearer " + token("wuhan:admin", "wuhan", "TENANT_ADMIN")).GET().build();
        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertTrue(r.body().contains("\"code\":\"BAD_REQUEST\"") && r.body().contains("POST"), r.body());
        assertTrue(r.body().contains("\"data\":null"), r.body());
    }

    @Test
    void controlCharacterInAVariable_isBadInputNamingTheField() {
        Result r = as("wuhan", "TENANT_ADMIN").run("registerWorker", "input",
                Map.of("name", "张\u0000三", "educationLevel", "COLLEGE"));
        r.assertError("BAD_USER_INPUT", "input.name");
        r.assertNullAt("registerWorker");
    }

    @Test
    void controlCharacterInAVariable_isRefusedAlsoWhenTheDocumentIsCached() {
        Client admin = as("wuhan", "TENANT_ADMIN");
        // the same document, valid and then kept, with a clean variable and then a dirty one
        admin.run("stationByText", "text", "街道").assertOk();
        admin.run("stationByText", "text", "街\u0000道").assertError("BAD_USER_INPUT", "text");
        admin.run("stationByText", "text", "街道").assertOk();
    }

    @Test
    void controlCharacterInALiteralOrFilter_isBadInput() {
        Client admin = as("wuhan", "TENANT_ADMIN");
        admin.query("mutation { registerWorker(input: {name: \"张\\u0000三\", educationLevel: COLLEGE}) { worker { id } } }", Map.of())
                .assertError("BAD_USER_INPUT", "input.name");
        admin.run("stationByText", "text", "街\u0000道").assertError("BAD_USER_INPUT", "text");
        admin.run("stationByText", "text", "街\u001b[31m道").assertError("BAD_USER_INPUT", "text");
    }

    @Test
    void implausibleDates_areBadInput() {
        Client admin = as("wuhan", "TENANT_ADMIN");
        admin.run("registerWorker", "input", Map.of("name", "张三", "educationLevel", "COLLEGE", "birthDate", "-999999999-01-01"))
                .assertError("BAD_USER_INPUT", null);
        admin.run("registerWorker", "input", Map.of("name", "张三", "educationLevel", "COLLEGE", "birthDate", "1899-12-31"))
                .assertError("BAD_USER_INPUT", null);
        admin.run("registerWorker", "input", Map.of("name", "张三", "educationLevel", "COLLEGE", "birthDate", "2199-01-01"))
                .assertError("BAD_USER_INPUT", "input.birthDate");
    }

    @Test
    void lineBreaksAndTabs_areAcceptedInText() {
        as("wuhan", "TENANT_ADMIN").run("registerWorker", "input",
                Map.of("name", "张三", "educationLevel", "COLLEGE", "educationMajor", "社会\t工作")).assertOk();
    }
}
