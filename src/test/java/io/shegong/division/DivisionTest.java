package io.shegong.division;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.shegong.support.Fixtures;
import io.shegong.support.GraphQLTestBase;
import io.shegong.support.Result;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.shegong.support.Fixtures.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Listing, filtering and changing a bureau's divisions. */
@MicronautTest
class DivisionTest extends GraphQLTestBase {

    private static String create(Client admin, Map<String, Object> input) {
        return admin.run("createDivision", "input", input).assertOk().string("createDivision.division.id");
    }

    private static List<Map<String, Object>> nodes(Result r) {
        List<Map<String, Object>> edges = r.get("divisions.edges");
        return edges.stream().map(Fixtures::node).toList();
    }

    @Test
    void divisions_filterByZoneLevelRootsAndText() {
        Client admin = as("qingpu", "TENANT_ADMIN");
        String zone = unique("ZONE");
        String district = unique("district");
        String districtId = create(admin, Map.of("code", district, "level", "DISTRICT", "nameZh", district, "zone", zone));
        String street = unique("street");
        create(admin, Map.of("code", street, "level", "STREET", "nameZh", street, "parentId", districtId,
                "zone", zone, "communityCount", 7));

        Result inZone = admin.run("divisions", "filter", Map.of("zone", zone), "first", 10).assertOk();
        assertEquals(2, inZone.integer("divisions.totalCount"));
        assertEquals(List.of(district, street), nodes(inZone).stream().map(n -> n.get("code")).toList());

        Result streets = admin.run("divisions", "filter", Map.of("zone", zone, "level", "STREET"), "first", 10).assertOk();
        Map<String, Object> only = nodes(streets).getFirst();
        assertEquals(1, streets.integer("divisions.totalCount"));
        assertEquals(7, only.get("communityCount"));
        assertEquals(district, ((Map<?, ?>) only.get("parent")).get("code"));

        Result roots = admin.run("divisions", "filter", Map.of("zone", zone, "roots", true), "first", 10).assertOk();
        assertEquals(List.of(district), nodes(roots).stream().map(n -> n.get("code")).toList());
        Result notRoots = admin.run("divisions", "filter", Map.of("roots", false), "first", 100).assertOk();
        assertFalse(nodes(notRoots).isEmpty());
        assertTrue(nodes(notRoots).stream().allMatch(n -> n.get("parent") != null), notRoots.raw());

        Result byText = admin.run("divisions", "filter", Map.of("text", street.toUpperCase()), "first", 10).assertOk();
        assertEquals(List.of(street), nodes(byText).stream().map(n -> n.get("code")).toList());
    }

    @Test
    void division_listsItsChildren() {
        Client admin = as("qingpu", "TENANT_ADMIN");
        String district = unique("district");
        String districtId = create(admin, Map.of("code", district, "level", "DISTRICT", "nameZh", district));
        String street = unique("street");
        create(admin, Map.of("code", street, "level", "STREET", "nameZh", street, "parentId", districtId));

        Result r = admin.run("divisionChildren", "id", districtId).assertOk();
        List<Map<String, Object>> children = r.get("node.children");
        assertEquals(1, children.size(), r.raw());
        assertEquals(street, children.getFirst().get("code"));
        assertEquals(district, ((Map<?, ?>) children.getFirst().get("parent")).get("code"));
    }

    @Test
    void updateDivision_atItsVersion_changesTheFieldsSent_andAStaleVersionIsConflict() {
        Client admin = as("qingpu", "TENANT_ADMIN");
        String code = unique("district");
        String id = create(admin, Map.of("code", code, "level", "DISTRICT", "nameZh", "旧名", "communityCount", 4));

        Result updated = admin.run("updateDivision", "input", Map.of("id", id, "version", 1, "nameZh", "新名")).assertOk();
        assertEquals("新名", updated.string("updateDivision.division.nameZh"));
        assertEquals(2, updated.integer("updateDivision.division.version"));
        assertEquals(4, updated.integer("updateDivision.division.communityCount"));

        Map<String, Object> cleared = new HashMap<>(Map.of("id", id, "version", 2));
        cleared.put("communityCount", null);
        Result again = admin.run("updateDivision", "input", cleared).assertOk();
        assertEquals(3, again.integer("updateDivision.division.version"));
        assertNull(again.get("updateDivision.division.communityCount"));

        admin.run("updateDivision", "input", Map.of("id", id, "version", 1, "nameZh", "过期"))
                .assertError("CONFLICT", "input.version");
        assertEquals("新名", admin.run("node", "id", id).assertOk().string("node.nameZh"));
    }
}
