package io.shegong.support;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Looks up demo records through the API, as a client would. */
public final class Fixtures {
    private Fixtures() {
    }

    /** The demo station with exactly this code. */
    public static Map<String, Object> station(GraphQLTestBase.Client client, String code) {
        Result r = client.run("stationByText", "text", code).assertOk();
        List<Map<String, Object>> edges = r.get("stations.edges");
        return edges.stream().map(e -> node(e)).filter(n -> code.equals(n.get("code"))).findFirst()
                .orElseThrow(() -> new AssertionError("no station " + code + " in " + r.raw()));
    }

    public static String stationId(GraphQLTestBase.Client client, String code) {
        return (String) station(client, code).get("id");
    }

    public static String divisionId(GraphQLTestBase.Client client, String code) {
        Result r = client.run("divisions", "filter", Map.of("text", code), "first", 100).assertOk();
        List<Map<String, Object>> edges = r.get("divisions.edges");
        return edges.stream().map(Fixtures::node).filter(n -> code.equals(n.get("code"))).findFirst()
                .map(n -> (String) n.get("id")).orElseThrow(() -> new AssertionError("no division " + code));
    }

    public static int stationCount(GraphQLTestBase.Client client) {
        return client.run("stationPage", "first", 1).assertOk().integer("stations.totalCount");
    }

    /**
     * The stations in a division or below it that compliance checks: signed, operating or
     * suspended, as the station list's filter counts them.
     */
    public static int checkedStationsUnder(GraphQLTestBase.Client client, String divisionId) {
        int checked = 0;
        for (String status : List.of("SIGNED", "OPERATING", "SUSPENDED")) {
            checked += client.run("stationByDivision", "divisionId", divisionId, "status", status).assertOk()
                    .integer("stations.totalCount");
        }
        return checked;
    }

    /** A new Shangcheng street with its street station and one community room under it; the room's id. */
    public static String shangchengCommunityRoom(GraphQLTestBase.Client admin, String code, String roomName) {
        String street = admin.run("createDivision", "input", Map.of("code", code, "level", "STREET", "nameZh", "示例街道",
                "parentId", divisionId(admin, "shangcheng"), "communityCount", 4)).assertOk()
                .string("createDivision.division.id");
        String station = admin.run("createStation", "input", Map.of("code", code, "name", "杭州市上城区示例街道社会工作站",
                "kind", "street_station", "divisionId", street, "operatingMode", "SELF_RUN", "status", "OPERATING",
                "statusSince", "2024-01-01")).assertOk().string("createStation.station.id");
        return admin.run("createStation", "input", Map.of("code", code + "r", "name", roomName,
                "kind", "community_room", "divisionId", street, "parentId", station, "operatingMode", "SELF_RUN",
                "status", "OPERATING", "statusSince", "2024-01-01")).assertOk().string("createStation.station.id");
    }

    /** A new division of the level under the parent (none for a city or district); its id. */
    public static String division(GraphQLTestBase.Client admin, String level, String parentId) {
        java.util.Map<String, Object> input = new java.util.HashMap<>(java.util.Map.of("code", unique("d"), "level", level,
                "nameZh", "测试区划"));
        if (parentId != null) {
            input.put("parentId", parentId);
        }
        return admin.run("createDivision", "input", input).assertOk().string("createDivision.division.id");
    }

    public static String unique(String prefix) {
        return prefix + "_" + UUID.randomUUID().toString().substring(0, 8);
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> node(Map<String, Object> edge) {
        return (Map<String, Object>) edge.get("node");
    }

    public static void assertSameError(Result a, Result b) {
        assertEquals(a.errors().toString(), b.errors().toString());
    }
}
