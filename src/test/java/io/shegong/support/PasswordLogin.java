package io.shegong.support;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** POST /login and POST /login/password over HTTP, as a bureau's user's client sends them. */
public final class PasswordLogin {
    private final EmbeddedServer server;
    private final JsonMapper json;
    private final HttpClient http = HttpClient.newHttpClient();

    public PasswordLogin(EmbeddedServer server, JsonMapper json) {
        this.server = server;
        this.json = json;
    }

    /** The status and body of an answer from /login or /login/password. */
    public record Answer(int status, Map<String, Object> body, String raw) {
        public String token() {
            assertEquals(200, status, raw);
            return (String) body.get("access_token");
        }

        public boolean mustChangePassword() {
            return Boolean.TRUE.equals(body.get("must_change_password"));
        }

        public String error() {
            return (String) body.get("error");
        }
    }

    public Answer login(String tenant, String username, String password) {
        Map<String, Object> body = new HashMap<>();
        body.put("tenant", tenant);
        body.put("username", username);
        body.put("password", password);
        return post("/login", null, body);
    }

    public Answer changePassword(String token, String password, String newPassword) {
        Map<String, Object> body = new HashMap<>();
        body.put("password", password);
        body.put("newPassword", newPassword);
        return post("/login/password", token, body);
    }

    /** Logs in with a one-time password and replaces it; answers a token of the new password. */
    public String firstLogin(String tenant, String username, String oneTimePassword, String newPassword) {
        Answer first = login(tenant, username, oneTimePassword);
        assertEquals(true, first.mustChangePassword(), first.raw());
        return changePassword(first.token(), oneTimePassword, newPassword).token();
    }

    private Answer post(String path, String token, Map<String, Object> body) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.getURL() + path))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)));
            if (token != null) {
                b.header("Authorization", "Bearer " + token);
            }
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            Map<String, Object> parsed = r.body().isBlank() ? Map.of()
                    : json.readValue(r.body(), Argument.mapOf(String.class, Object.class));
            return new Answer(r.statusCode(), parsed, r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
