package io.shegong.target;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.shegong.support.Fixtures;
import io.shegong.support.GraphQLTestBase;
import io.shegong.support.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.shegong.support.Fixtures.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Targets (目标) and coverage as the registry stood on a day. Each target is counted in a bureau
 * of its own, since a target counts the whole bureau. Today is 2026-11-25 (the tests' clock).
 */
@MicronautTest(transactional = false)
@SuppressWarnings("unchecked")
class TargetTest extends GraphQLTestBase {
    private static final String SINCE = "2021-06-01";

    private static Map<String, Object> target(Client admin, String on, String code) {
        List<Map<String, Object>> all = admin.run("targets", "on", on).assertOk().get("targets");
        return all.stream().filter(t -> code.equals(t.get("code"))).findFirst().orElseThrow(() -> new AssertionError(code + " in " + all));
    }

    /** A division of the level with the parents it needs. */
    private static String divisionAt(Client admin, String level) {
        String district = Fixtures.division(admin, "DISTRICT", null);
        if (level.equals("DISTRICT")) {
            return district;
        }
        String street = Fixtures.division(admin, "STREET", district);
        return level.equals("STREET") ? street : Fixtures.division(admin, "COMMUNITY", street);
    }

    private static String station(Client admin, String kind, String domain, String division, String since) {
        Map<String, Object> in = new HashMap<>(Map.of("code", unique("st"), "name", "测试社会工作站", "kind", kind,
                "divisionId", division, "operatingMode", "SELF_RUN", "status", "OPERATING", "statusSince", since));
        if (domain != null) {
            in.put("domain", domain);
        }
        return admin.run("createStation", "input", in).assertOk().string("createStation.station.id");
    }

    private static String worker(Client admin) {
        return admin.run("registerWorker", "input", Map.of("name", "督导" + unique(""), "educationLevel", "MASTER",
                "certificateLevel", "SENIOR", "certificateDate", "2015-01-01", "socialWorkYears", 8))
                .assertOk().string("registerWorker.worker.id");
    }

    /**
     * Every measured target of each bureau's profile, each in a bureau of its own: one short of its
     * threshold it is not met (PENDING the day before its day, UNMET on it), and with one more it is.
     */
    @ParameterizedTest
    @ValueSource(strings = {"qingpu", "yangpu", "shangcheng", "weihai", "wuhan"})
    void everyMeasuredTarget_isUnmetOneShort_andMetWithOneMore(String template) {
        Client probe = newBureau(template, "2021-01-01");
        List<Map<String, Object>> targets = probe.run("targets", "on", "2026-11-25").assertOk().get("targets");
        Map<String, Object> doc = probe.run("profileDocument").assertOk().get("policyProfile.document");
        List<Map<String, Object>> domains = (List<Map<String, Object>>) ((Map<String, Object>) doc.get("vocabularies"))
                .getOrDefault("domains", List.of());
        List<Map<String, Object>> kinds = (List<Map<String, Object>>) doc.get("stationKinds");
        int measured = 0;
        for (Map<String, Object> t : targets) {
            assertFalse(((String) t.get("source")).isBlank(), t.get("code") + " has its source");
            if (t.get("measure") == null) {
                assertEquals("NOT_MEASURED", t.get("state"));
                continue;
            }
            measured++;
            Client admin = measured == 1 ? probe : newBureau(template, "2021-01-01");
            oneShortThenMet(admin, t, kinds, domains.isEmpty() ? null : (String) domains.getFirst().get("code"));
        }
        assertTrue(measured > 0, template + " has measured targets");
    }

    private void oneShortThenMet(Client admin, Map<String, Object> t, List<Map<String, Object>> kinds, String anyDomain) {
        String code = (String) t.get("code");
        Map<String, Object> m = (Map<String, Object>) t.get("measure");
        Map<String, Object> th = (Map<String, Object>) t.get("threshold");
        List<String> stationKinds = (List<String>) m.get("stationKinds");
        String kind = stationKinds.isEmpty() ? (String) kinds.getFirst().get("code") : stationKinds.getFirst();
        boolean needsDomain = kinds.stream().anyMatch(k -> kind.equals(k.get("code")) && Boolean.TRUE.equals(k.get("requiresDomain")));
        String domain = m.get("domain") != null ? (String) m.get("domain") : needsDomain ? anyDomain : null;
        int atLeast = th.get("atLeast") == null ? 1 : ((Number) th.get("atLeast")).intValue();
        String on = t.get("by") == null ? "2026-11-25" : (String) t.get("by");
        List<String> levels = (List<String>) m.get("levels");
        String level = levels.isEmpty() ? "CITY" : levels.getFirst();
        // one street for the stations whose place the count does not read (a target counts up to 100);
        // made only when needed, since a street of its own would count in a coverage's whole
        String[] placed = new String[1];
        java.util.function.Supplier<String> street = () -> placed[0] == null ? placed[0] = divisionAt(admin, "STREET") : placed[0];
        Runnable addOne = switch ((String) m.get("kind")) {
            case "OPERATING_STATIONS" -> () -> station(admin, kind, domain, street.get(), SINCE);
            case "COVERED_DIVISIONS" -> () -> station(admin, kind, domain, divisionAt(admin, (String) m.get("level")), SINCE);
            case "DESIGNATED_STATIONS" -> () -> admin.run("designate", "input", Map.of("kind", "DEMONSTRATION", "level", level,
                    "stationId", station(admin, kind, domain, street.get(), SINCE), "awardedOn", SINCE)).assertOk();
            case "DESIGNATED_WORKERS" -> () -> admin.run("designate", "input", Map.of("kind", m.get("designation"), "level", level,
                    "workerId", worker(admin), "awardedOn", SINCE)).assertOk();
            case "SERVED_FACILITIES" -> () -> admin.run("registerHostFacility", "input", Map.of("name", "测试学校" + unique(""),
                    "divisionId", street.get(), "stationId", station(admin, kind, domain, street.get(), SINCE), "servedSince", SINCE)).assertOk();
            default -> throw new AssertionError("no case for " + m.get("kind"));
        };
        for (int i = 1; i < atLeast; i++) {
            addOne.run();
        }
        Map<String, Object> shortBy1 = target(admin, on, code);
        assertEquals(1, shortBy1.get("shortfall"), code + ": " + shortBy1);
        assertEquals("UNMET", shortBy1.get("state"), code);
        if (t.get("by") != null) {
            String dayBefore = LocalDate.parse(on).minusDays(1).toString();
            assertEquals("PENDING", target(admin, dayBefore, code).get("state"), code + " before its day");
        }
        addOne.run();
        Map<String, Object> met = target(admin, on, code);
        assertEquals("MET", met.get("state"), code + ": " + met);
        assertEquals(0, met.get("shortfall"));
        assertEquals(atLeast, met.get("value"), code);
    }

    @Test
    void coverage_namesTheStreetsWithoutAStation_andItsHistoryFollowsTheStatusHistory() {
        Client admin = newBureau("wuhan", "2021-01-01");
        String district = Fixtures.division(admin, "DISTRICT", null);
        String a = Fixtures.division(admin, "STREET", district);
        String b = Fixtures.division(admin, "STREET", district);
        String communityOfB = Fixtures.division(admin, "COMMUNITY", b);
        String st = station(admin, "street_station", null, a, "2026-03-10");
        // a community room in B does not cover B for street stations
        station(admin, "community_room", null, communityOfB, "2026-01-05");
        Result r = admin.run("coverage", "on", "2026-11-25", "level", "STREET", "stationKinds", List.of("street_station"));
        assertEquals(2, (int) r.get("coverage.divisions"));
        assertEquals(1, (int) r.get("coverage.covered"));
        assertEquals(0.5, ((Number) r.get("coverage.share")).doubleValue());
        List<Map<String, Object>> lacking = r.get("coverage.lacking");
        assertEquals(1, lacking.size());
        assertEquals(2, (int) admin.run("coverage", "on", "2026-11-25", "level", "STREET").get("coverage.covered"),
                "of any kind, the room covers B: its community lies under B");

        Map<String, Object> t = target(admin, "2026-11-25", "street_station_coverage");
        assertEquals("UNMET", t.get("state"), "due by 2023-12-31");
        assertEquals(2, t.get("base"));
        assertEquals(1, t.get("shortfall"));
        assertEquals(1, ((List<?>) t.get("lackingDivisions")).size());
        List<Map<String, Object>> history = (List<Map<String, Object>>) t.get("history");
        assertEquals(11, history.size(), "January to today's month: no point after today");
        assertEquals("2026-02", history.get(1).get("month"));
        assertEquals(0, history.get(1).get("value"), "the station began operating in March");
        assertEquals(1, history.get(2).get("value"));
        assertEquals("2026-11-25", history.getLast().get("on"));

        admin.run("changeStationStatus", "input", Map.of("id", st, "version", 1, "status", "SUSPENDED", "effectiveOn", "2026-11-01")).assertOk();
        assertEquals(0, target(admin, "2026-11-25", "street_station_coverage").get("value"), "a suspended station covers nothing");
        assertEquals(1, target(admin, "2026-10-31", "street_station_coverage").get("value"), "as it stood then");
    }

    @Test
    void designations_countWhileHeld_atTheLevelsTheTargetNames() {
        Client admin = newBureau("shangcheng", "2021-01-01");
        String w = worker(admin);
        Map<String, Object> d = admin.run("designate", "input", Map.of("kind", "SUPERVISOR", "level", "DISTRICT",
                "workerId", w, "awardedOn", "2022-03-01")).assertOk().get("designate.designation");
        assertEquals(true, d.get("heldToday"));
        assertEquals(0, target(admin, "2022-12-31", "supervisors_2022").get("value"), "a district supervisor is not counted");
        String city = admin.run("designate", "input", Map.of("kind", "SUPERVISOR", "level", "CITY", "workerId", w,
                "awardedOn", "2022-06-01", "title", "杭州市社会工作督导")).assertOk().string("designate.designation.id");
        assertEquals(1, target(admin, "2022-12-31", "supervisors_2022").get("value"));
        assertEquals(0, target(admin, "2022-05-31", "supervisors_2022").get("value"), "before it was awarded");
        admin.run("endDesignation", "input", Map.of("id", city, "version", 1, "endsOn", "2022-09-01")).assertOk();
        assertEquals(0, target(admin, "2022-12-31", "supervisors_2022").get("value"), "ended before the target's day");
        Result of = admin.run("designationsOf", "id", w).assertOk();
        assertEquals(2, ((List<?>) of.get("node.designations")).size());
    }

    @Test
    void designate_badInput_namesTheField_andOnlyTheAdministratorDesignates() {
        Client admin = newBureau("shangcheng", "2021-01-01");
        String st = station(admin, "street_station", null, divisionAt(admin, "STREET"), SINCE);
        String w = worker(admin);
        admin.run("designate", "input", Map.of("kind", "DEMONSTRATION", "level", "CITY", "workerId", w, "awardedOn", SINCE))
                .assertError("BAD_USER_INPUT", "input.stationId");
        admin.run("designate", "input", Map.of("kind", "SUPERVISOR", "level", "CITY", "stationId", st, "awardedOn", SINCE))
                .assertError("BAD_USER_INPUT", "input.workerId");
        admin.run("designate", "input", Map.of("kind", "SUPERVISOR", "level", "CITY", "workerId", w, "awardedOn", "2026-11-26"))
                .assertError("BAD_USER_INPUT", "input.awardedOn");
        admin.run("designate", "input", Map.of("kind", "SUPERVISOR", "level", "CITY", "workerId", w, "awardedOn", SINCE,
                "endsOn", SINCE)).assertError("BAD_USER_INPUT", "input.endsOn");
        admin.run("designate", "input", Map.of("kind", "SUPERVISOR", "level", "COUNTY", "workerId", w, "awardedOn", SINCE))
                .assertError("BAD_USER_INPUT", null);
        String tenant = admin.run("viewer").assertOk().string("viewer.tenant.code");
        as(tenant, "SUPERVISOR").run("designate", "input", Map.of("kind", "DEMONSTRATION", "level", "CITY", "stationId", st,
                "awardedOn", SINCE)).assertError("FORBIDDEN", null);
        assertEquals(0, ((List<?>) admin.run("designationsOf", "id", st).get("node.designations")).size(), "nothing written");
    }

    @Test
    void schools_countWhenAnOperatingStationServesThem_andTheGapNamesTheOthers() {
        Client admin = newBureau("shangcheng", "2021-01-01");
        String street = divisionAt(admin, "STREET");
        String st = station(admin, "school_station", null, street, "2026-09-01");
        Map<String, Object> served = admin.run("registerHostFacility", "input", Map.of("name", "杭州市天长小学",
                "divisionId", street, "stationId", st, "servedSince", "2026-09-01")).assertOk().get("registerHostFacility.facility");
        assertEquals("SCHOOL", served.get("kind"));
        String other = admin.run("registerHostFacility", "input", Map.of("name", "杭州市胜利小学", "divisionId", street))
                .assertOk().string("registerHostFacility.facility.id");
        admin.run("registerHostFacility", "input", Map.of("name", "杭州市胜利小学", "divisionId", street))
                .assertError("BAD_USER_INPUT", "input.name");
        admin.run("registerHostFacility", "input", Map.of("name", "学校", "divisionId", street, "stationId", st))
                .assertError("BAD_USER_INPUT", "input.servedSince");
        Map<String, Object> all = target(admin, "2026-11-25", "school_social_work_2025");
        assertEquals(1, all.get("value"));
        assertEquals(2, all.get("base"));
        assertEquals(List.of(Map.of("name", "杭州市胜利小学")), all.get("lackingFacilities"));
        assertEquals(0, target(admin, "2026-08-31", "school_social_work_2025").get("value"), "before the station served it");
        admin.run("serveHostFacility", "input", Map.of("id", other, "version", 1, "stationId", st, "servedSince", "2026-10-01"))
                .assertOk();
        assertEquals("MET", target(admin, "2026-11-25", "school_social_work_2025").get("state"), "多校一社工: one station, two schools");
        Result of = admin.run("designationsOf", "id", st).assertOk();
        assertEquals(2, ((List<?>) of.get("node.servedFacilities")).size());
    }

    @Test
    void targets_noProfileInForce_isEmpty_andUnmeasuredTargetsAreListedAsSuch() {
        Client admin = newBureau("wuhan", "2026-01-01");
        assertEquals(List.of(), admin.run("targets", "on", "2025-12-31").assertOk().get("targets"));
        Map<String, Object> t = target(admin, "2026-11-25", "five_society_linkage");
        assertEquals("NOT_MEASURED", t.get("state"));
        assertNull(t.get("value"));
        assertEquals(List.of(), t.get("history"));
    }

    @Test
    void targets_costTheSameStatementsForFewAndManyStations() {
        Client admin = newBureau("shangcheng", "2021-01-01");
        String street = divisionAt(admin, "STREET");
        station(admin, "street_station", null, street, SINCE);
        Result few = admin.run("targets", "on", "2026-11-25").assertOk();
        for (int i = 0; i < 12; i++) {
            String st = station(admin, i % 2 == 0 ? "street_station" : "community_room", null, divisionAt(admin, "COMMUNITY"), SINCE);
            admin.run("designate", "input", Map.of("kind", "DEMONSTRATION", "level", "CITY", "stationId", st, "awardedOn", SINCE))
                    .assertOk();
            admin.run("registerHostFacility", "input", Map.of("name", "学校" + unique(""), "divisionId", street, "stationId", st,
                    "servedSince", SINCE)).assertOk();
        }
        Result many = admin.run("targets", "on", "2026-11-25").assertOk();
        // tenant, profile, stations, their status histories, divisions, designations, schools: the
        // monthly histories of every target replay what was read
        assertTrue(many.sqlStatements() <= 8, "statements: " + many.sqlStatements());
        assertEquals(few.sqlStatements(), many.sqlStatements(), "a query per station or per target");
    }

    /**
     * A revision published before targets were typed keeps them as given; it cannot be corrected,
     * so it is applied with no targets rather than refused, and its compliance goes on.
     */
    @Test
    void aRevisionPublishedWithUntypedTargets_hasNone_andIsStillApplied() throws java.sql.SQLException {
        Client admin = newBureau("wuhan", "2021-01-01");
        String tenant = admin.run("viewer").assertOk().string("viewer.tenant.code");
        // written as an earlier version of the service published it: the published revision's
        // guard is left aside for this one session only
        try (java.sql.Connection c = io.shegong.support.TestDatabase.admin(); java.sql.Statement replica = c.createStatement();
             java.sql.PreparedStatement st = c.prepareStatement("""
                UPDATE policy_profile SET document = jsonb_set(document, '{targets}',
                       '[{"code": "coverage", "labelZh": "全覆盖", "labelEn": "Coverage", "value": 72, "kinds": ["street_station"]}]')
                 WHERE tenant_id = (SELECT id FROM tenant WHERE code = ?)""")) {
            replica.execute("SET session_replication_role = replica");
            st.setString(1, tenant);
            assertEquals(1, st.executeUpdate());
            replica.execute("SET session_replication_role = origin");
        }
        assertEquals(List.of(), admin.run("targets", "on", "2026-11-25").assertOk().get("targets"));
        String st = station(admin, "street_station", null, divisionAt(admin, "STREET"), SINCE);
        Result standing = admin.run("stationStanding", "id", st, "on", "2026-11-25").assertOk();
        assertTrue(List.of("COMPLIANT", "NOT_COMPLIANT").contains(standing.string("node.compliance.standing")), standing.raw());
        assertFalse(((List<?>) standing.get("node.compliance.findings")).isEmpty(), "the revision's rules still apply to a station with no staff");
    }

    @Test
    void targetHistory_aMalformedMonth_isBadInput() {
        Client admin = newBureau("wuhan", "2021-01-01");
        admin.run("targetHistoryFrom", "from", "2026-13").assertError("BAD_USER_INPUT", null);
    }
}
