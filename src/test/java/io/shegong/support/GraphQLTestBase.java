package io.shegong.support;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.generator.TokenGenerator;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Base of the API tests: a running service on a real PostgreSQL with the demo bureaus, and one
 * authenticated client per tenant and role. Documents live in `src/test/resources/graphql`.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class GraphQLTestBase implements TestPropertyProvider {
    public static final String JWT_SECRET = "test-secret-that-is-long-enough-for-hs256-signing";
    /** The service's clock in tests: 10:00 in Beijing on this day, whatever day the tests run. */
    public static final String CLOCK = "2026-11-25T02:00:00Z";
    /** The bureaus' today under {@link #CLOCK}. */
    public static final java.time.LocalDate TODAY = java.time.LocalDate.of(2026, 11, 25);

    @Inject
    protected EmbeddedServer server;
    @Inject
    protected JsonMapper json;
    @Inject
    protected TokenGenerator tokens;

    private final HttpClient http = HttpClient.newHttpClient();

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> p = new HashMap<>();
        TestDatabase.target().properties().forEach((k, v) -> p.put(k, String.valueOf(v)));
        p.put("micronaut.security.token.jwt.signatures.secret.generator.secret", JWT_SECRET);
        p.put("shegong.demo-data", "true");
        p.put("shegong.graphql.statement-count", "true");
        // 10:00 in Beijing on a fixed day: the demo data's dates lie before it, whatever the year of the run
        p.put("test.clock", CLOCK);
        // any free port: runs side by side must not meet on 8080
        p.put("micronaut.server.port", "-1");
        return p;
    }

    private static final Map<String, String> DEMO_USERS = Map.of("TENANT_ADMIN", "admin",
            "STATION_OPERATOR", "operator", "SUPERVISOR", "supervisor", "VIEWER", "viewer");

    /** A client acting as a tenant's demo user of that role (subject `tenant:user`, as login issues). */
    protected Client as(String tenant, String role) {
        return withToken(token(tenant + ":" + DEMO_USERS.getOrDefault(role, role.toLowerCase()), tenant, role));
    }

    protected Client platformAdmin() {
        return withToken(token("platform:test", null, "PLATFORM_ADMIN"));
    }

    /**
     * A new bureau of its own on a template's profile, in force from the day given; its
     * administrator. For tests that count the whole bureau (targets, the calendar, past days),
     * which rows other tests add to the demo bureaus would disturb.
     */
    protected Client newBureau(String template, String effectiveFrom) {
        String code = Fixtures.unique(template.substring(0, 2)).replace("_", "-");
        platformAdmin().run("createTenant", "input", Map.of("code", code, "nameZh", "测试民政局", "nameEn", "Test Bureau",
                "level", "DISTRICT", "region", "测试")).assertOk();
        Client admin = as(code, "TENANT_ADMIN");
        String draft = admin.run("createPolicyDraft", "input", Map.of("fromTemplate", template)).assertOk()
                .string("createPolicyDraft.profile.id");
        admin.run("publishPolicyProfile", "input", Map.of("id", draft, "version", 1, "effectiveFrom", effectiveFrom)).assertOk();
        return admin;
    }

    protected Client withToken(String token) {
        return new Client(token);
    }

    protected String token(String subject, String tenant, String... roles) {
        Map<String, Object> attributes = tenant == null ? Map.of() : Map.of("tenant", tenant);
        return tokens.generateToken(Authentication.build(subject, List.of(roles), attributes), 600).orElseThrow();
    }

    /** Reads `src/test/resources/graphql/<name>.graphql`. */
    protected static String document(String name) {
        try (InputStream in = GraphQLTestBase.class.getResourceAsStream("/graphql/" + name + ".graphql")) {
            if (in == null) {
                throw new IllegalArgumentException("no document " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public final class Client {
        private final String token;

        Client(String token) {
            this.token = token;
        }

        /** The bearer token, for endpoints beside /graphql. */
        public String token() {
            return token;
        }

        /**
         * Reads the bureau's divisions into what the service keeps between queries, so that the
         * next query's statements are those of any query after the first since the bureau's last
         * change: for tests that compare statement counts of queries of different bureaus.
         */
        public Client warm() {
            run("warmDivisions").assertOk();
            return this;
        }

        /** Runs a named document from `graphql/` with variables given as key, value pairs. */
        public Result run(String name, Object... variables) {
            return query(document(name), vars(variables));
        }

        public Result query(String query, Map<String, Object> variables) {
            Map<String, Object> body = new HashMap<>();
            body.put("query", query);
            body.put("variables", variables);
            try {
                HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.getURL() + "/graphql"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)));
                if (token != null) {
                    b.header("Authorization", "Bearer " + token);
                }
                HttpResponse<byte[]> response = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
                Map<String, Object> parsed = json.readValue(response.body(), Argument.mapOf(String.class, Object.class));
                return new Result(response.statusCode(), parsed, new String(response.body(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    public static Map<String, Object> vars(Object... pairs) {
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], pairs[i + 1]);
        }
        return m;
    }
}
