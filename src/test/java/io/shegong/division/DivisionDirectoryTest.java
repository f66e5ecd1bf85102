package io.shegong.division;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.shegong.support.Fixtures;
import io.shegong.support.GraphQLTestBase;
import io.shegong.support.Result;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * A bureau's divisions kept between queries: read at no statement until the bureau changes
 * anything, never stale after a change, and never another bureau's.
 */
@MicronautTest(transactional = false)
class DivisionDirectoryTest extends GraphQLTestBase {

    @Test
    void queries_readKeptDivisions_untilTheBureauChangesAnything() {
        Client admin = newBureau("weihai", "2026-01-01");
        String city = Fixtures.division(admin, "CITY", null);
        String district = Fixtures.division(admin, "DISTRICT", city);
        String street = Fixtures.division(admin, "STREET", district);

        Result first = admin.run("divisionWithParent", "id", street).assertOk();
        assertEquals("测试区划", first.string("node.parent.parent.nameZh"));
        // the binding, then every division of the bureau once after its change
        assertEquals(2, first.sqlStatements());
        Result again = admin.run("divisionWithParent", "id", street).assertOk();
        assertEquals(1, again.sqlStatements(), "only the binding: the divisions are kept");

        int version = admin.run("divisionWithParent", "id", city).assertOk().integer("node.version");
        admin.run("updateDivision", "input", Map.of("id", city, "version", version, "nameZh", "改名市")).assertOk();
        Result after = admin.run("divisionWithParent", "id", street).assertOk();
        assertEquals("改名市", after.string("node.parent.parent.nameZh"), "a change is seen by the next query");
        assertEquals(2, after.sqlStatements());
    }

    @Test
    void aMutation_readsDivisionsItHasJustWritten() {
        Client admin = newBureau("weihai", "2026-01-01");
        String city = Fixtures.division(admin, "CITY", null);
        admin.run("divisionWithParent", "id", city).assertOk();
        // the new district's parent is read inside the mutation, where nothing kept may answer
        Result created = admin.run("createDivision", "input", Map.of("code", Fixtures.unique("d"), "level", "DISTRICT",
                "nameZh", "新区", "parentId", city)).assertOk();
        assertEquals(city, created.string("createDivision.division.parent.id"));
    }

    @Test
    void anotherBureausDivision_isNotFoundThroughTheKeptOnes() {
        Client weihai = as("weihai", "VIEWER");
        String wuhanDivision = Fixtures.division(as("wuhan", "TENANT_ADMIN"), "DISTRICT", null);
        weihai.run("divisionWithParent", "id", Fixtures.divisionId(weihai, "huancui")).assertOk();
        Result r = weihai.run("divisionWithParent", "id", wuhanDivision);
        assertNull(r.get("node"));
    }
}
