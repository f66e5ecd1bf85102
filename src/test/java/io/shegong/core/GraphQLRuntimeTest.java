package io.shegong.core;

import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.SchemaPrinter;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.shegong.support.GraphQLTestBase;
import io.shegong.support.Result;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The schema served, the limits, N+1 freedom and the operational endpoints. */
@MicronautTest(transactional = false)
class GraphQLRuntimeTest extends GraphQLTestBase {
    @Inject
    graphql.GraphQL graphQL;

    private static String print(GraphQLSchema schema) {
        return new SchemaPrinter(SchemaPrinter.Options.defaultOptions().includeDirectives(false)
                .includeSchemaDefinition(true)).print(schema);
    }

    @Test
    void servedSchema_isTheRepositorySchemaFile() throws Exception {
        String file = Files.readString(Path.of("schema.graphqls"));
        GraphQLSchema fromFile = UnExecutableSchemaGenerator.makeUnExecutableSchema(new SchemaParser().parse(file));
        assertEquals(print(fromFile), print(graphQL.getGraphQLSchema()));
    }

    @Test
    void stationPage_costsTheSameStatementsFor5And50Stations() {
        Client viewer = as("weihai", "VIEWER");
        viewer.run("stationPage", "first", 1).assertOk(); // the bureau's divisions, read once after its last change
        Result five = viewer.run("stationPage", "first", 5).assertOk();
        Result fifty = viewer.run("stationPage", "first", 50).assertOk();
        assertEquals(50, ((List<?>) fifty.get("stations.edges")).size());
        assertEquals(five.sqlStatements(), fifty.sqlStatements(), "statements grow with the page: N+1");
        // tenant binding, page, count, kinds, posts with their workers; divisions are kept between queries
        assertEquals(5, fifty.sqlStatements());
        for (Object edge : (List<?>) fifty.get("stations.edges")) {
            Map<?, ?> station = (Map<?, ?>) ((Map<?, ?>) edge).get("node");
            Map<?, ?> division = (Map<?, ?>) station.get("division");
            assertNotNull(division.get("nameZh"), "division of " + station.get("code"));
            for (Object post : (List<?>) station.get("assignments")) {
                assertNotNull(((Map<?, ?>) ((Map<?, ?>) post).get("worker")).get("name"), "worker at " + station.get("code"));
            }
        }
    }

    @Test
    void associationsAskedForInFragments_comeInTheSameStatements() {
        Client viewer = as("weihai", "VIEWER");
        viewer.run("stationPageWithFragments", "first", 1).assertOk();
        Result r = viewer.run("stationPageWithFragments", "first", 50).assertOk();
        // tenant binding, page, posts with their workers (divisions and their parents are kept)
        assertEquals(3, r.sqlStatements());
        for (Object edge : (List<?>) r.get("stations.edges")) {
            Map<?, ?> station = (Map<?, ?>) ((Map<?, ?>) edge).get("node");
            for (Object post : (List<?>) station.get("assignments")) {
                assertNotNull(((Map<?, ?>) ((Map<?, ?>) post).get("worker")).get("name"), "worker at " + station.get("code"));
            }
        }
    }

    @Test
    void tooDeep_tooComplex_andTooManyAliases_areRejectedBeforeAnySql() {
        for (String doc : List.of("tooDeep", "tooComplex", "tooManyAliases")) {
            Result r = as("wuhan", "VIEWER").run(doc);
            r.assertError("QUERY_TOO_COMPLEX", null);
            assertEquals(0, r.sqlStatements(), doc);
        }
    }

    @Test
    void unknownField_isAValidationErrorWithACode() {
        Result r = as("wuhan", "VIEWER").run("unknownField");
        r.assertError("GRAPHQL_VALIDATION_FAILED", null);
        assertEquals(0, r.sqlStatements());
    }

    @Test
    void pageSize_isCappedAndNegativeIsRefused() {
        Client viewer = as("weihai", "VIEWER");
        Result capped = viewer.run("stationPage", "first", 1000).assertOk();
        assertEquals(Math.min(100, capped.integer("stations.totalCount")), ((List<?>) capped.get("stations.edges")).size());
        viewer.run("stationPage", "first", -1).assertError("BAD_USER_INPUT", "first");
    }

    @Test
    void mutationsOverGet_areRefused() throws Exception {
        String q = URLEncoder.encode("mutation { registerWorker(input: {name: \"x\", educationLevel: COLLEGE}) { worker { id } } }",
                StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.getURL() + "/graphql?query=" + q))
                .header("Authorization", "Bearer " + token("wuhan:admin", "wuhan", "TENANT_ADMIN")).GET().build();
        String body = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).body();
        assertTrue(body.contains("BAD_REQUEST") && body.contains("POST"), body);
        assertTrue(!body.contains("\"worker\":{"), body);
    }

    @Test
    void healthAndMetrics_areServed() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(server.getURL() + "/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, health.statusCode(), health.body());
        assertTrue(health.body().contains("UP"));
        HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(URI.create(server.getURL() + "/prometheus")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, metrics.statusCode());
        assertTrue(metrics.body().contains("jvm_memory_used_bytes"), metrics.body().substring(0, Math.min(500, metrics.body().length())));
    }

    @Test
    void internalFailures_doNotLeakDetails() {
        Result r = as("wuhan", "VIEWER").query("{ stations(first: 1, after: \"%%%\") { edges { cursor } } }", Map.of());
        r.assertError("BAD_USER_INPUT", "after");
    }
}
