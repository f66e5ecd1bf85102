package io.shegong.station;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.shegong.support.GraphQLTestBase;
import io.shegong.support.Result;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
class StationQueryTest extends GraphQLTestBase {

    @Test
    void viewer_showsSubjectRolesAndTenant() {
        Result r = as("wuhan", "VIEWER").run("viewer").assertOk();
        assertEquals("wuhan", r.string("viewer.tenant.code"));
        assertEquals(List.of("VIEWER"), r.get("viewer.roles"));
    }

    @Test
    void stations_pageWithDivisionsAndWorkers() {
        Result r = as("qingpu", "VIEWER").run("stationPage", "first", 5).assertOk();
        List<?> edges = r.get("stations.edges");
        assertEquals(5, edges.size());
        assertTrue(r.integer("stations.totalCount") > 5);
        assertTrue((Boolean) r.get("stations.pageInfo.hasNextPage"));
    }
}
