package io.shegong.core;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.shegong.support.GraphQLTestBase;
import io.shegong.support.Result;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What production switches off: GraphiQL and introspection. */
@MicronautTest(transactional = false)
class ProductionSwitchesTest extends GraphQLTestBase {

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> p = super.getProperties();
        p.put("shegong.graphql.introspection", "false");
        p.put("graphql.graphiql.enabled", "false");
        return p;
    }

    @Test
    void introspection_isRefusedWhenSwitchedOff_whileQueriesStillWork() {
        Result r = as("wuhan", "VIEWER").run("introspection");
        r.assertError("GRAPHQL_VALIDATION_FAILED", null);
        r.assertNullAt("__schema");
        as("wuhan", "VIEWER").run("viewer").assertOk();
    }

    @Test
    void graphiql_isNotServedWhenSwitchedOff() throws Exception {
        HttpResponse<String> page = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(server.getURL() + "/graphiql")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(404, page.statusCode());
    }
}
