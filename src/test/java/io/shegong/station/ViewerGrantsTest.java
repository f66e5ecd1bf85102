package io.shegong.station;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.shegong.support.GraphQLTestBase;
import io.shegong.support.Result;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.shegong.support.Fixtures.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** `viewer.grantedStations`: what a console offers an operator to edit, and nothing to anyone else. */
@MicronautTest(transactional = false)
class ViewerGrantsTest extends GraphQLTestBase {

    @Test
    void viewerGrantedStations_operator_answersItsGrantsOnly() {
        Result page = as("wuhan", "VIEWER").run("stationPage", "first", 2).assertOk();
        List<Map<String, Object>> edges = page.get("stations.edges");
        @SuppressWarnings("unchecked")
        String stationId = (String) ((Map<String, Object>) edges.get(1).get("node")).get("id");
        String subject = "wuhan:" + unique("op").replace("_", "-");
        as("wuhan", "TENANT_ADMIN").run("grantStation", "input", Map.of("subject", subject, "stationId", stationId)).assertOk();

        Result operator = withToken(token(subject, "wuhan", "STATION_OPERATOR")).run("viewerGrantedStations").assertOk();
        List<Map<String, Object>> granted = operator.get("viewer.grantedStations");
        assertEquals(List.of(stationId), granted.stream().map(s -> s.get("id")).toList(), operator.raw());

        // the same subject without the operator's role edits nothing, whatever grants it kept
        Result viewer = withToken(token(subject, "wuhan", "VIEWER")).run("viewerGrantedStations").assertOk();
        assertEquals(List.of(), viewer.get("viewer.grantedStations"));
    }

    @Test
    void viewerGrantedStations_adminAndPlatformAdmin_answerEmpty() {
        assertEquals(List.of(), as("wuhan", "TENANT_ADMIN").run("viewerGrantedStations").assertOk().get("viewer.grantedStations"));
        assertEquals(List.of(), platformAdmin().run("viewerGrantedStations").assertOk().get("viewer.grantedStations"));
    }
}
