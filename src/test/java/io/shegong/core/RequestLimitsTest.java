package io.shegong.core;

import graphql.introspection.IntrospectionQuery;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.shegong.support.GraphQLTestBase;
import io.shegong.support.Result;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a document may cost: measured as it will execute, refused before it reaches the database. */
@MicronautTest(transactional = false)
class RequestLimitsTest extends GraphQLTestBase {

    private static void assertRefusedBeforeSql(Result r, String reason) {
        r.assertError("QUERY_TOO_COMPLEX", null);
        assertTrue(r.errorMessage().contains(reason), r.raw());
        assertNull(r.body().get("data"), r.raw());
        assertEquals(0, r.sqlStatements(), r.raw());
    }

    @Test
    void fragmentSpreadTenTimes_isCostedTenTimes() {
        Client viewer = as("weihai", "VIEWER");
        viewer.run("oneSpreadOfABigFragment").assertOk();
        assertRefusedBeforeSql(viewer.run("tenSpreadsOfABigFragment"), "too complex");
    }

    @Test
    void chainOf500Fragments_isRefusedBeforeValidation() {
        StringBuilder doc = new StringBuilder("query Chain { ...F0 }\n");
        for (int i = 0; i < 500; i++) {
            doc.append("fragment F").append(i).append(" on Query { viewer { subject } ")
                    .append(i < 499 ? "...F" + (i + 1) : "").append(" }\n");
        }
        assertRefusedBeforeSql(as("wuhan", "VIEWER").query(doc.toString(), Map.of()), "Too many fragments");
    }

    @Test
    void fragmentsThatEachSpreadTheNextTwice_areRefusedBeforeValidation() {
        // 40 fragments, each spreading the next twice: 2^40 fields once expanded
        StringBuilder doc = new StringBuilder("query Doubling { ...F0 }\n");
        for (int i = 0; i < 40; i++) {
            String next = i < 39 ? "...F" + (i + 1) : "";
            doc.append("fragment F").append(i).append(" on Query { viewer { subject } ").append(next).append(' ').append(next).append(" }\n");
        }
        assertRefusedBeforeSql(as("wuhan", "VIEWER").query(doc.toString(), Map.of()), "Too many fields with fragments expanded");
    }

    @Test
    void chainOfFragmentsWithinTheLimit_runs() {
        StringBuilder doc = new StringBuilder("query Chain { ...F0 }\n");
        for (int i = 0; i < 50; i++) {
            doc.append("fragment F").append(i).append(" on Query { viewer { subject } ")
                    .append(i < 49 ? "...F" + (i + 1) : "").append(" }\n");
        }
        Result r = as("wuhan", "VIEWER").query(doc.toString(), Map.of()).assertOk();
        assertEquals("wuhan:viewer", r.string("viewer.subject"));
    }

    @Test
    void nestingThroughFragments_countsTowardDepth() {
        String doc = """
                query { stations(first: 1) { edges { node { ...P } } } }
                fragment P on Station { parent { ...Q } }
                fragment Q on Station { parent { parent { parent { parent { parent { parent { parent { parent { name } } } } } } } } }
                """;
        assertRefusedBeforeSql(as("wuhan", "VIEWER").query(doc, Map.of()), "too deep");
    }

    @Test
    void overlongDocument_isRefusedBeforeParsing() {
        String doc = "query { viewer { subject } }" + " ".repeat(100_001);
        Result r = as("wuhan", "VIEWER").query(doc, Map.of());
        r.assertError("QUERY_TOO_COMPLEX", null);
    }

    @Test
    void documentWithTooManyTokens_isRefused() {
        StringBuilder doc = new StringBuilder("query { viewer { ");
        doc.append("subject ".repeat(11_000)).append("} }");
        Result r = as("wuhan", "VIEWER").query(doc.toString(), Map.of());
        r.assertError("GRAPHQL_VALIDATION_FAILED", null);
        assertEquals(0, r.sqlStatements());
    }

    @Test
    void standardIntrospectionQuery_runsWhenIntrospectionIsOn() {
        Result r = as("wuhan", "VIEWER").query(IntrospectionQuery.INTROSPECTION_QUERY, Map.of()).assertOk();
        assertTrue(((List<?>) r.get("__schema.types")).size() > 50, r.raw().substring(0, 200));
    }
}
