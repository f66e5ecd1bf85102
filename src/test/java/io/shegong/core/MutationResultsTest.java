package io.shegong.core;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.shegong.support.Fixtures;
import io.shegong.support.GraphQLTestBase;
import io.shegong.support.Result;
import io.shegong.support.TestDatabase;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A response says exactly which mutations of a document succeeded, and the database holds exactly those. */
@MicronautTest(transactional = false)
class MutationResultsTest extends GraphQLTestBase {

    private static String select(String sql, String param) throws Exception {
        try (Connection c = TestDatabase.admin(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, param);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private Map<String, Object> newStation(Client admin, String code) {
        return Map.of("code", code, "name", "结果测试站", "kind", "guidance_centre",
                "divisionId", Fixtures.divisionId(admin, "yangpu"), "operatingMode", "SELF_RUN");
    }

    @Test
    void twoCreates_secondADuplicate_answerTheFirstsResultAndTheSecondsUserErrors() throws Exception {
        Client admin = as("yangpu", "TENANT_ADMIN");
        String code = Fixtures.unique("dup").replace("_", "-");
        Result r = admin.run("twoCreates", "first", newStation(admin, code), "second", newStation(admin, code));
        assertTrue(r.errors().isEmpty(), r.raw());
        assertEquals(code, r.string("first.station.code"));
        assertEquals(List.of(), r.get("first.userErrors"));
        assertNull(r.get("second.station"), r.raw());
        assertEquals("CONFLICT", r.string("second.userErrors.0.code"));
        assertEquals(List.of("input", "code"), r.get("second.userErrors.0.field"));
        assertEquals("1", select("SELECT count(*) FROM station WHERE code = ?", code));
    }

    @Test
    void threeMutations_theMiddleOneFailing_keepTheFirstAndTheThird() throws Exception {
        Client admin = as("yangpu", "TENANT_ADMIN");
        String one = admin.run("createStation", "input", newStation(admin, Fixtures.unique("one").replace("_", "-")))
                .assertOk().string("createStation.station.id");
        String two = admin.run("createStation", "input", newStation(admin, Fixtures.unique("two").replace("_", "-")))
                .assertOk().string("createStation.station.id");
        String a = Fixtures.unique("甲");
        String c = Fixtures.unique("丙");
        Result r = admin.run("threeRenames",
                "a", Map.of("id", one, "version", 1, "name", a),
                "b", Map.of("id", two, "version", 9, "name", "不会保存"),
                "c", Map.of("id", two, "version", 1, "name", c));
        assertTrue(r.errors().isEmpty(), r.raw());
        assertEquals(a, r.string("a.station.name"));
        assertNull(r.get("b.station"));
        assertEquals("CONFLICT", r.string("b.userErrors.0.code"));
        assertEquals(c, r.string("c.station.name"));
        assertEquals(a, select("SELECT name FROM station WHERE id = ?::uuid", uuid(admin, one)));
        assertEquals(c, select("SELECT name FROM station WHERE id = ?::uuid", uuid(admin, two)));
    }

    /** The database id behind a global id, read through the API as a client would. */
    private String uuid(Client admin, String globalId) {
        String code = admin.query("query($id: ID!) { node(id: $id) { ... on Station { code } } }", Map.of("id", globalId))
                .assertOk().string("node.code");
        try {
            return select("SELECT id::text FROM station WHERE code = ?", code);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
