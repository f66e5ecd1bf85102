package io.shegong.tenant;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.shegong.support.Fixtures;
import io.shegong.support.GraphQLTestBase;
import io.shegong.support.Result;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reading the tenant registry: platform administrators see every bureau, a bureau only itself. */
@MicronautTest
class TenantTest extends GraphQLTestBase {

    private Map<String, String> idsByCode() {
        List<Map<String, Object>> edges = platformAdmin().run("tenants").assertOk().get("tenants.edges");
        Map<String, String> ids = new HashMap<>();
        edges.stream().map(Fixtures::node).forEach(n -> ids.put((String) n.get("code"), (String) n.get("id")));
        return ids;
    }

    @Test
    void tenants_pageByCode_untilThereIsNoNextPage() {
        List<String> codes = new ArrayList<>();
        String after = null;
        for (int pages = 0; pages < 100; pages++) {
            Map<String, Object> vars = new HashMap<>(Map.of("first", 2));
            vars.put("after", after);
            Result page = platformAdmin().query(document("tenantPage"), vars).assertOk();
            List<Map<String, Object>> edges = page.get("tenants.edges");
            assertTrue(edges.size() <= 2, page.raw());
            edges.stream().map(e -> (String) Fixtures.node(e).get("code")).forEach(codes::add);
            if (!Boolean.TRUE.equals(page.get("tenants.pageInfo.hasNextPage"))) {
                break;
            }
            after = page.string("tenants.pageInfo.endCursor");
        }
        assertEquals(codes.stream().sorted().toList(), codes);
        assertEquals(codes.stream().distinct().count(), codes.size());
        assertTrue(codes.containsAll(List.of("qingpu", "shangcheng", "wuhan", "weihai", "yangpu")), codes.toString());
    }

    @Test
    void nodes_tenantMemberSeesItsOwnTenantOnly_platformAdminSeesBoth() {
        Map<String, String> ids = idsByCode();
        List<String> both = List.of(ids.get("wuhan"), ids.get("weihai"));

        Result member = as("wuhan", "VIEWER").run("tenantNodes", "ids", both).assertOk();
        List<Map<String, Object>> seen = member.get("nodes");
        assertEquals("wuhan", seen.get(0).get("code"), member.raw());
        assertNull(seen.get(1), member.raw());

        Result admin = platformAdmin().run("tenantNodes", "ids", both).assertOk();
        List<Map<String, Object>> all = admin.get("nodes");
        assertEquals(List.of("wuhan", "weihai"), all.stream().map(n -> n.get("code")).toList());
        assertTrue(all.stream().allMatch(n -> Boolean.TRUE.equals(n.get("active"))), admin.raw());
    }

    @Test
    void viewer_tenantIsTheCallersOwn_andNoneForThePlatform() {
        Result member = as("weihai", "SUPERVISOR").run("viewer").assertOk();
        assertEquals("weihai", member.string("viewer.tenant.code"));
        assertFalse(member.string("viewer.tenant.nameZh").isBlank());
        platformAdmin().run("viewer").assertOk().assertNullAt("viewer.tenant");
    }
}
