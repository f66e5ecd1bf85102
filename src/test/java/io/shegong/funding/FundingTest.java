package io.shegong.funding;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
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

/**
 * The funding ledger through the API: entries kept to the cent, refused bad input, who reads the
 * amounts, and each profile's funding rules with a passing and a failing case, in bureaus of their
 * own so that the demo's entries cannot move a sum. 2025 is a closed fiscal year on the test
 * clock's today (2026-11-25); 2026 is still open.
 */
@MicronautTest(transactional = false)
@SuppressWarnings("unchecked")
class FundingTest extends GraphQLTestBase {

    /** A bureau of its own on a template's profile, in force since before the years the tests record. */
    private Client bureau(String template) {
        return newBureau(template, "2024-01-01");
    }

    private static String district(Client admin) {
        return admin.run("createDivision", "input", Map.of("code", unique("qu"), "level", "DISTRICT", "nameZh", "示例区"))
                .assertOk().string("createDivision.division.id");
    }

    private static String street(Client admin, String district) {
        return admin.run("createDivision", "input", Map.of("code", unique("jd"), "level", "STREET", "nameZh", "示例街道",
                "parentId", district, "communityCount", 4)).assertOk().string("createDivision.division.id");
    }

    /** An operating station of a kind in a new street of the district, since 2024. */
    private static String station(Client admin, String district, String kind, String name) {
        return admin.run("createStation", "input", Map.of("code", unique("st"), "name", name, "kind", kind,
                "divisionId", street(admin, district), "operatingMode", "SELF_RUN", "status", "OPERATING",
                "statusSince", "2024-01-01")).assertOk().string("createStation.station.id");
    }

    private static Map<String, Object> entry(String source, String amount, int year, String payerLevel, String purpose, String stationId) {
        Map<String, Object> in = new HashMap<>(Map.of("kind", "ALLOCATION", "source", source, "amount", amount,
                "entryDate", year + "-03-01", "fiscalYear", year, "payerLevel", payerLevel, "purpose", purpose));
        if (stationId != null) {
            in.put("stationId", stationId);
        }
        return in;
    }

    private static Result record(Client admin, Map<String, Object> input) {
        return admin.run("recordFundingEntry", "input", input);
    }

    private static List<Map<String, Object>> findings(Client client, int year) {
        return client.run("fundingFindings", "year", year).assertOk().get("fundingFindings.findings");
    }

    private static List<Map<String, Object>> findingsOf(Client client, int year, String rule) {
        return findings(client, year).stream().filter(f -> rule.equals(f.get("code"))).toList();
    }

    private static Map<String, Object> station(Map<String, Object> finding) {
        return (Map<String, Object>) finding.get("station");
    }

    // ---- the ledger ----------------------------------------------------------------------------

    @Test
    void recordFundingEntry_keepsTheAmountToTheCent_andTheLedgerTotalsAndStationAddItUp() {
        Client admin = bureau("weihai");
        String qu = district(admin);
        String st = station(admin, qu, "town_station", "威海市示例镇社会工作服务站");
        Result r = record(admin, entry("county_budget", "100000.10", 2025, "DISTRICT", "OPERATION", st)).assertOk();
        assertEquals("100000.10", r.string("recordFundingEntry.entry.amount"));
        assertEquals("区市财政预算", r.string("recordFundingEntry.entry.sourceLabelZh"));
        Map<String, Object> paid = entry("county_budget", "0.20", 2025, "DISTRICT", "OPERATION", st);
        paid.put("kind", "PAYMENT");
        record(admin, paid).assertOk();
        record(admin, entry("city_special_fund", "50000", 2025, "CITY", "GENERAL", null)).assertOk();

        List<Map<String, Object>> ledger = admin.run("fundingEntries", "year", 2025).assertOk().get("fundingEntries");
        assertEquals(3, ledger.size());
        assertEquals(2, ((List<?>) admin.run("fundingEntries", "stationId", st).assertOk().get("fundingEntries")).size());

        List<Map<String, Object>> bySource = admin.run("fundingTotals", "year", 2025, "groupBy", List.of("SOURCE")).assertOk()
                .get("fundingTotals");
        Map<String, Object> county = bySource.stream().filter(t -> "county_budget".equals(t.get("source"))).findFirst().orElseThrow();
        assertEquals("100000.10", county.get("allocated"));
        assertEquals("0.20", county.get("paid"));
        assertEquals(2, county.get("entries"));

        List<Map<String, Object>> byDistrict = admin.run("fundingTotals", "groupBy", List.of("YEAR", "DISTRICT")).assertOk()
                .get("fundingTotals");
        Map<String, Object> inDistrict = byDistrict.stream().filter(t -> t.get("district") != null
                && qu.equals(((Map<String, Object>) t.get("district")).get("id"))).findFirst().orElseThrow();
        assertEquals(2025, inDistrict.get("fiscalYear"));
        assertEquals("100000.10", inDistrict.get("allocated"));
        Map<String, Object> cityWide = byDistrict.stream().filter(t -> t.get("district") == null).findFirst().orElseThrow();
        assertEquals("50000.00", cityWide.get("allocated"));

        List<Map<String, Object>> funding = (List<Map<String, Object>>) ((List<Map<String, Object>>) admin.run("stationsFunding",
                "first", 10, "year", 2025).assertOk().get("stations.edges")).stream().map(e -> (Map<String, Object>) e.get("node"))
                .filter(n -> st.equals(n.get("id"))).findFirst().orElseThrow().get("funding");
        assertEquals(List.of(Map.of("fiscalYear", 2025, "source", "county_budget", "sourceLabelZh", "区市财政预算",
                "allocated", "100000.10", "paid", "0.20")), funding);
    }

    @Test
    void recordFundingEntry_badInput_isRefusedNamingTheField_andWritesNothing() {
        Client admin = bureau("weihai");
        String qu = district(admin);
        String st = station(admin, qu, "town_station", "威海市示例镇社会工作服务站");
        Map<String, Map.Entry<String, Object>> faults = new java.util.LinkedHashMap<>();
        faults.put("input.amount", Map.entry("amount", "-1"));
        faults.put("input.amount ", Map.entry("amount", "1.005"));
        faults.put("input.amount  ", Map.entry("amount", "十万"));
        faults.put("input.amount   ", Map.entry("amount", "1e3"));
        faults.put("input.amount    ", Map.entry("amount", "1000000000000"));
        faults.put("input.source", Map.entry("source", "lottery"));
        faults.put("input.entryDate", Map.entry("entryDate", "2026-12-01"));
        faults.put("input.fiscalYear", Map.entry("fiscalYear", 2021));
        faults.put("input.stationId", Map.entry("purpose", "GENERAL"));
        for (var fault : faults.entrySet()) {
            Map<String, Object> in = entry("county_budget", "100", 2025, "DISTRICT", "OPERATION", st);
            in.put(fault.getValue().getKey(), fault.getValue().getValue());
            record(admin, in).assertError("BAD_USER_INPUT", fault.getKey().strip());
        }
        record(admin, entry("county_budget", "100", 2025, "DISTRICT", "LABOUR", null)).assertError("BAD_USER_INPUT", "input.stationId");
        Map<String, Object> provincial = entry("provincial_assistance_fund", "100", 2025, "PROVINCIAL", "OPERATION", st);
        provincial.put("payerDivisionId", qu);
        record(admin, provincial).assertError("BAD_USER_INPUT", "input.payerDivisionId");
        Map<String, Object> wrongLevel = entry("county_budget", "100", 2025, "STREET", "OPERATION", st);
        wrongLevel.put("payerDivisionId", qu);
        record(admin, wrongLevel).assertError("BAD_USER_INPUT", "input.payerDivisionId");
        assertEquals(List.of(), admin.run("fundingEntries").assertOk().get("fundingEntries"));
        // an amount sent as a number is refused by GraphQL itself: the field is a string, so no float ever reaches the ledger
        Map<String, Object> number = entry("county_budget", "100", 2025, "DISTRICT", "OPERATION", st);
        number.put("amount", 100.5);
        assertFalse(record(admin, number).errors().isEmpty());
        assertEquals(List.of(), admin.run("fundingEntries").assertOk().get("fundingEntries"));
        admin.run("fundingFindings", "year", 1800).assertError("BAD_USER_INPUT", "year");
        admin.run("fundingTotals", "year", 3000, "groupBy", List.of()).assertError("BAD_USER_INPUT", "year");
        admin.run("fundingEntries", "stationId", "not-an-id").assertError("BAD_USER_INPUT", "stationId");
    }

    @Test
    void recordFundingEntry_retriedWithItsIdempotencyKey_recordsTheMoneyOnce() {
        Client admin = bureau("weihai");
        Map<String, Object> in = entry("city_special_fund", "1860000", 2025, "CITY", "GENERAL", null);
        in.put("idempotencyKey", java.util.UUID.randomUUID().toString());
        String first = record(admin, in).assertOk().string("recordFundingEntry.entry.id");
        assertEquals(first, record(admin, in).assertOk().string("recordFundingEntry.entry.id"));
        assertEquals(1, ((List<?>) admin.run("fundingEntries").assertOk().get("fundingEntries")).size());
        in.put("amount", "1");
        record(admin, in).assertError("CONFLICT", null);
    }

    @Test
    void removeFundingEntry_atAStaleVersionIsConflict_atTheVersionReadRemovesIt() {
        Client admin = bureau("weihai");
        String id = record(admin, entry("city_special_fund", "10", 2025, "CITY", "GENERAL", null)).assertOk()
                .string("recordFundingEntry.entry.id");
        admin.run("removeFundingEntry", "input", Map.of("id", id, "version", 2)).assertError("CONFLICT", "input.version");
        admin.run("removeFundingEntry", "input", Map.of("id", id, "version", 1)).assertOk();
        assertEquals(List.of(), admin.run("fundingEntries").assertOk().get("fundingEntries"));
        admin.run("removeFundingEntry", "input", Map.of("id", id, "version", 1)).assertError("NOT_FOUND", "input.id");
        List<Map<String, Object>> audit = admin.run("auditLog", "entity", "FundingEntry").assertOk().get("auditLog.edges");
        assertTrue(audit.size() >= 2, "recorded and removed are audited: " + audit);
    }

    @Test
    void ledger_isReadBySupervisorsAndViewers_writtenByAdminsOnly_andHiddenFromStationOperators() {
        for (String role : List.of("SUPERVISOR", "VIEWER")) {
            Client reader = as("weihai", role);
            reader.run("fundingEntries", "year", 2025).assertOk();
            reader.run("fundingTotals", "groupBy", List.of("SOURCE")).assertOk();
            reader.run("fundingFindings", "year", 2025).assertOk();
            record(reader, entry("city_special_fund", "10", 2025, "CITY", "GENERAL", null)).assertError("FORBIDDEN", null);
        }
        Client operator = as("weihai", "STATION_OPERATOR");
        operator.run("fundingEntries", "year", 2025).assertError("FORBIDDEN", null);
        operator.run("fundingTotals", "groupBy", List.of("SOURCE")).assertError("FORBIDDEN", null);
        operator.run("fundingFindings", "year", 2025).assertError("FORBIDDEN", null);
        record(operator, entry("city_special_fund", "10", 2025, "CITY", "GENERAL", null)).assertError("FORBIDDEN", null);
        // a station the operator reads shows no money: the field is null with a FORBIDDEN error
        Result stations = operator.run("stationsFunding", "first", 1, "year", 2025);
        assertEquals("FORBIDDEN", stations.errorCode(), stations.raw());
        assertNull(((Map<String, Object>) ((List<Map<String, Object>>) stations.get("stations.edges")).getFirst().get("node")).get("funding"));
    }

    // ---- the profiles' rules, each with a passing and a failing case ----------------------------

    @Test
    void weihai_stationYearlyMinimum_150000_isAdvisory_andJudgedOnceTheYearIsOver() {
        Client admin = bureau("weihai");
        String qu = district(admin);
        String met = station(admin, qu, "town_station", "威海市甲镇社会工作服务站");
        String short_ = station(admin, qu, "town_station", "威海市乙镇社会工作服务站");
        record(admin, entry("provincial_assistance_fund", "50000", 2025, "PROVINCIAL", "OPERATION", met)).assertOk();
        record(admin, entry("county_budget", "100000", 2025, "DISTRICT", "LABOUR", met)).assertOk();
        record(admin, entry("county_budget", "149999.99", 2025, "DISTRICT", "OPERATION", short_)).assertOk();
        List<Map<String, Object>> found = findingsOf(admin, 2025, "station_yearly_minimum");
        assertEquals(1, found.size(), found.toString());
        assertEquals(short_, station(found.getFirst()).get("id"));
        assertEquals("ADVISORY", found.getFirst().get("severity"));
        assertEquals("003 五、(二)", found.getFirst().get("source"));
        assertEquals("150000.00", found.getFirst().get("required"));
        assertEquals("149999.99", found.getFirst().get("actual"));
        // the open year's shortfall is money still to come
        record(admin, entry("county_budget", "1", 2026, "DISTRICT", "OPERATION", short_)).assertOk();
        assertEquals(List.of(), findingsOf(admin, 2026, "station_yearly_minimum"));
        assertFalse((Boolean) admin.run("fundingFindings", "year", 2026).assertOk().get("fundingFindings.yearClosed"));
    }

    @Test
    void weihai_cityFundYearlyMinimum_1860000_countsWhatTheCityAllocatesFromItsSpecialFund() {
        Client admin = bureau("weihai");
        record(admin, entry("city_special_fund", "1859999.99", 2025, "CITY", "GENERAL", null)).assertOk();
        // money of another level or another source does not count towards the city's
        record(admin, entry("county_budget", "500000", 2025, "DISTRICT", "GENERAL", null)).assertOk();
        Map<String, Object> paid = entry("city_special_fund", "10", 2025, "CITY", "GENERAL", null);
        paid.put("kind", "PAYMENT");
        record(admin, paid).assertOk();
        List<Map<String, Object>> found = findingsOf(admin, 2025, "city_fund_yearly_minimum");
        assertEquals(1, found.size(), found.toString());
        assertNull(found.getFirst().get("station"));
        assertEquals("1859999.99", found.getFirst().get("actual"));
        record(admin, entry("city_special_fund", "0.01", 2025, "CITY", "GENERAL", null)).assertOk();
        assertEquals(List.of(), findingsOf(admin, 2025, "city_fund_yearly_minimum"));
    }

    @Test
    void qingpu_constructionSubsidy_30000_onceForEveryComprehensiveStation_neverTwice() {
        Client admin = bureau("qingpu");
        String qu = district(admin);
        String once = station(admin, qu, "comprehensive", "青浦区甲镇社会工作站");
        String never = station(admin, qu, "comprehensive", "青浦区乙镇社会工作站");
        String twice = station(admin, qu, "comprehensive", "青浦区丙镇社会工作站");
        record(admin, entry("city_bureau_subsidy", "30000", 2024, "CITY", "CONSTRUCTION_SUBSIDY", once)).assertOk();
        record(admin, entry("city_bureau_subsidy", "30000", 2024, "CITY", "CONSTRUCTION_SUBSIDY", twice)).assertOk();
        record(admin, entry("city_bureau_subsidy", "30000", 2026, "CITY", "CONSTRUCTION_SUBSIDY", twice)).assertOk();
        Map<String, String> problems = new HashMap<>();
        for (Map<String, Object> f : findingsOf(admin, 2025, "construction_subsidy")) {
            problems.put((String) station(f).get("id"), (String) f.get("problem"));
        }
        assertEquals(Map.of(never, "MISSING"), problems, "2025 knows nothing of 2026's second subsidy");
        // the second subsidy is a finding as soon as it is recorded, in the open year
        List<Map<String, Object>> open = findingsOf(admin, 2026, "construction_subsidy");
        assertEquals(1, open.size(), open.toString());
        assertEquals(twice, station(open.getFirst()).get("id"));
        assertEquals("REPEATED", open.getFirst().get("problem"));
        assertEquals("60000.00", open.getFirst().get("actual"));
        assertEquals("ADVISORY", open.getFirst().get("severity"));
    }

    @Test
    void shangcheng_ventureFundShare_20percent_toStreetStations_isAViolation() {
        Client admin = bureau("shangcheng");
        String qu = district(admin);
        String st = station(admin, qu, "street_station", "杭州市上城区示例街道社会工作站");
        record(admin, entry("venture_fund", "1000000", 2025, "DISTRICT", "GENERAL", null)).assertOk();
        record(admin, entry("district_budget", "199999.99", 2025, "DISTRICT", "SERVICE_PURCHASE", st)).assertOk();
        // operating money is not the purchase of the station's services
        record(admin, entry("district_budget", "50000", 2025, "DISTRICT", "OPERATION", st)).assertOk();
        List<Map<String, Object>> found = findingsOf(admin, 2025, "venture_fund_share");
        assertEquals(1, found.size(), found.toString());
        assertEquals("VIOLATION", found.getFirst().get("severity"));
        assertEquals("200000.00", found.getFirst().get("required"));
        assertEquals("199999.99", found.getFirst().get("actual"));
        record(admin, entry("street_funds", "0.01", 2025, "STREET", "SERVICE_PURCHASE", st)).assertOk();
        assertEquals(List.of(), findingsOf(admin, 2025, "venture_fund_share"));
    }

    @Test
    void wuhan_labourCostFloor_perFullTimeWorkerYear_againstTheBureausWageOfTheYear() {
        Client admin = bureau("wuhan");
        String qu = district(admin);
        String st = station(admin, qu, "street_station", "江岸区示例街道社工站");
        for (String name : List.of("全年社工", "半年社工")) {
            String worker = admin.run("registerWorker", "input", Map.of("name", name, "educationLevel", "BACHELOR"))
                    .assertOk().string("registerWorker.worker.id");
            Map<String, Object> post = new HashMap<>(Map.of("workerId", worker, "stationId", st, "role", "SOCIAL_WORKER",
                    "startsOn", "2025-01-01"));
            if (name.equals("半年社工")) {
                post.put("endsOn", "2025-07-01");
            }
            admin.run("assignWorker", "input", post).assertOk();
        }
        Map<String, Object> rule = ((List<Map<String, Object>>) admin.run("fundingFindings", "year", 2025).assertOk()
                .get("fundingFindings.rules")).getFirst();
        assertEquals("120000.00", rule.get("wage"));
        assertEquals(true, rule.get("bureauSetting"));
        // a worker-year and 182 days (1 January to 1 July, both held) of 365: 120000 × 547 / 365 = 179835.62, rounded up
        record(admin, entry("district_budget", "179835.61", 2025, "DISTRICT", "LABOUR", st)).assertOk();
        List<Map<String, Object>> found = findingsOf(admin, 2025, "labour_cost_floor");
        assertEquals(1, found.size(), found.toString());
        assertEquals("179835.62", found.getFirst().get("required"));
        assertEquals("ADVISORY", found.getFirst().get("severity"));
        // money for the station's running costs is not its labour cost
        record(admin, entry("district_budget", "100000", 2025, "DISTRICT", "OPERATION", st)).assertOk();
        assertEquals(1, findingsOf(admin, 2025, "labour_cost_floor").size());
        record(admin, entry("welfare_lottery", "0.01", 2025, "DISTRICT", "LABOUR", st)).assertOk();
        assertEquals(List.of(), findingsOf(admin, 2025, "labour_cost_floor"));
        // a year the bureau set no wage for is not judged
        assertNull(((List<Map<String, Object>>) admin.run("fundingFindings", "year", 2024).assertOk()
                .get("fundingFindings.rules")).getFirst().get("wage"));
        assertEquals(List.of(), findingsOf(admin, 2024, "labour_cost_floor"));
    }

    @Test
    void yangpu_fundingHasNotesOnly() {
        Result r = bureau("yangpu").run("fundingFindings", "year", 2025).assertOk();
        assertEquals(List.of(), r.get("fundingFindings.rules"));
        assertEquals(2, ((List<?>) r.get("fundingFindings.notes")).size());
    }

    // ---- the demo bureaus' ledgers meet and miss their rules ---------------------------------------

    private static List<String> stationCodes(List<Map<String, Object>> findings, String problem) {
        return findings.stream().filter(f -> problem.equals(f.get("problem"))).map(f -> (String) station(f).get("code")).toList();
    }

    @Test
    void demoLedgers_meetAndMissTheirBureausRules() {
        Client weihai = as("weihai", "VIEWER");
        List<String> short_ = stationCodes(findingsOf(weihai, 2025, "station_yearly_minimum"), "BELOW_MINIMUM");
        assertTrue(short_.containsAll(List.of("zhangcun", "yangting")) && !short_.contains("huancuilou"), short_.toString());
        assertEquals("1800000.00", findingsOf(weihai, 2025, "city_fund_yearly_minimum").getFirst().get("actual"));

        List<Map<String, Object>> subsidies = findingsOf(as("qingpu", "VIEWER"), 2025, "construction_subsidy");
        assertTrue(stationCodes(subsidies, "MISSING").contains("baihe"), subsidies.toString());
        assertEquals(List.of("xiayang"), stationCodes(subsidies, "REPEATED"));

        Client shangcheng = as("shangcheng", "VIEWER");
        assertEquals("VIOLATION", findingsOf(shangcheng, 2024, "venture_fund_share").getFirst().get("severity"));
        assertEquals(List.of(), findingsOf(shangcheng, 2025, "venture_fund_share"));

        List<String> labour = stationCodes(findingsOf(as("wuhan", "VIEWER"), 2025, "labour_cost_floor"), "BELOW_MINIMUM");
        assertTrue(labour.containsAll(List.of("yiyuan", "jiangjunlu")) && !labour.contains("dazhi"), labour.toString());

        List<Map<String, Object>> yangpu = as("yangpu", "VIEWER").run("fundingTotals", "year", 2025, "groupBy", List.of("SOURCE"))
                .assertOk().get("fundingTotals");
        assertEquals("2160000.00", yangpu.stream().filter(t -> "purchase_of_services".equals(t.get("source"))).findFirst()
                .orElseThrow().get("allocated"));
    }

    // ---- statements --------------------------------------------------------------------------

    @Test
    void findingsTotalsAndStationFunding_costTheSameStatementsForFewAndManyStations() {
        Client admin = bureau("weihai");
        String qu = district(admin);
        int[][] counts = new int[2][3];
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < (round == 0 ? 2 : 6); i++) {
                String st = station(admin, qu, "town_station", "威海市示例镇社会工作服务站");
                record(admin, entry("county_budget", "1000", 2025, "DISTRICT", "OPERATION", st)).assertOk();
            }
            counts[round][0] = admin.run("fundingFindings", "year", 2025).assertOk().sqlStatements();
            counts[round][1] = admin.run("fundingTotals", "year", 2025, "groupBy", List.of("SOURCE", "DISTRICT")).assertOk().sqlStatements();
            counts[round][2] = admin.run("stationsFunding", "first", 50, "year", 2025).assertOk().sqlStatements();
        }
        assertEquals(List.of(counts[0][0], counts[0][1], counts[0][2]), List.of(counts[1][0], counts[1][1], counts[1][2]));
        assertEquals(9, ((List<?>) admin.run("fundingFindings", "year", 2025).assertOk().get("fundingFindings.findings")).size(),
                "eight stations below 150,000 and the city's fund below 1.86 million");
    }

    // ---- the profile's funding section is checked on save ------------------------------------

    @Test
    void fundingSection_faultsAreRefusedWithThePath() {
        Client admin = bureau("weihai");
        Result draft = admin.run("createPolicyDraft", "input", Map.of("fromTemplate", "weihai")).assertOk();
        String id = draft.string("createPolicyDraft.profile.id");
        Map<String, Object> doc = draft.get("createPolicyDraft.profile.document");
        Map<String, Object> rule = ((List<Map<String, Object>>) ((Map<String, Object>) doc.get("funding")).get("rules")).getFirst();
        List<Object[]> faults = List.of(
                new Object[]{"amount", "150000.001", "input.document.funding.rules[0].amount"},
                new Object[]{"amount", "-5", "input.document.funding.rules[0].amount"},
                new Object[]{"amount", 150000.5, "input.document.funding.rules[0].amount"},
                new Object[]{"sources", List.of("lottery"), "input.document.funding.rules[0].sources[0]"},
                new Object[]{"stationKinds", List.of("room"), "input.document.funding.rules[0].stationKinds[0]"},
                new Object[]{"measure", "STATION_AVERAGE", "input.document.funding.rules[0].measure"},
                new Object[]{"severity", "VIOLATION", "input.document.funding.rules[0].severity"},
                new Object[]{"percent", 20, "input.document.funding.rules[0].percent"});
        for (Object[] fault : faults) {
            Object before = rule.get((String) fault[0]);
            rule.put((String) fault[0], fault[1]);
            admin.run("updatePolicyDraft", "input", Map.of("id", id, "version", 1, "document", doc))
                    .assertError("BAD_USER_INPUT", (String) fault[2]);
            if (before == null) {
                rule.remove((String) fault[0]);
            } else {
                rule.put((String) fault[0], before);
            }
        }
        ((Map<String, Object>) doc.get("funding")).put("perStationMinimumCnyPerYear", 150000);
        admin.run("updatePolicyDraft", "input", Map.of("id", id, "version", 1, "document", doc))
                .assertError("BAD_USER_INPUT", "input.document.funding.perStationMinimumCnyPerYear");
        ((Map<String, Object>) doc.get("funding")).remove("perStationMinimumCnyPerYear");
        admin.run("updatePolicyDraft", "input", Map.of("id", id, "version", 1, "document", doc)).assertOk();
    }
}
