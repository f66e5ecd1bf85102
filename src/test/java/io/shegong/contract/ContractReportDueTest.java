package io.shegong.contract;

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
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The reports a signed contract owes under the profile's REPORTS rules, as due items of the
 * calendar (Weihai's monthly brief 10 days after each month, its mid-term and final reports 30
 * days after the term's first half and its end). Each test runs in a new bureau on Weihai's
 * profile, so that it counts its own contracts. Today is 2026-11-25.
 */
@MicronautTest(transactional = false)
@SuppressWarnings("unchecked")
class ContractReportDueTest extends GraphQLTestBase {

    /** A bureau's district, a street in it and a station there. */
    private record Place(String district, String street, String station) {
    }

    private static Place place(Client admin) {
        String district = Fixtures.division(admin, "DISTRICT", null);
        String street = Fixtures.division(admin, "STREET", district);
        return new Place(district, street, station(admin, street));
    }

    private static String station(Client admin, String street) {
        return admin.run("createStation", "input", Map.of("code", unique("s"), "name", "测试社工站", "kind", "town_station",
                        "divisionId", street, "operatingMode", "PURCHASED", "status", "OPERATING", "statusSince", "2026-01-01"))
                .assertOk().string("createStation.station.id");
    }

    private static Map<String, Object> input(Client admin, Place at, String station, String startsOn, String endsOn) {
        Map<String, Object> in = new HashMap<>();
        in.put("title", unique("社工站运营服务项目"));
        in.put("purchaserId", at.district());
        in.put("landingPartyId", at.street());
        in.put("operatorId", ContractTest.operator(admin));
        in.put("stationIds", List.of(station));
        in.put("startsOn", startsOn);
        in.put("endsOn", endsOn);
        in.put("price", "300000");
        return in;
    }

    private static List<Map<String, Object>> reports(Client client, String from, String to, Map<String, Object> filter) {
        Result r = filter == null ? client.run("contractReportDueItems", "from", from, "to", to)
                : client.run("contractReportDueItems", "from", from, "to", to, "filter", filter);
        List<Map<String, Object>> all = r.assertOk().get("dueItems");
        return all.stream().filter(i -> "CONTRACT_REPORT".equals(i.get("origin"))).toList();
    }

    private static List<Map<String, Object>> of(List<Map<String, Object>> items, String contract) {
        return items.stream().filter(i -> contract.equals(((Map<String, Object>) i.get("contract")).get("id"))).toList();
    }

    private static Map<String, Object> item(List<Map<String, Object>> items, String milestone, String dueOn) {
        return items.stream().filter(i -> milestone.equals(i.get("milestone")) && dueOn.equals(i.get("dueOn"))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + milestone + " due " + dueOn + " in " + items));
    }

    @Test
    void aSignedContractsReports_areDueItems_overdueAfterTheirDay_andDoneOnceSubmitted() {
        Client admin = newBureau("weihai", "2025-01-01");
        Place at = place(admin);
        String contract = ContractTest.signed(admin, input(admin, at, at.station(), "2026-07-01", "2027-06-30"), "2026-06-20");
        String draft = ContractTest.create(admin, input(admin, at, at.station(), "2026-07-01", "2027-06-30"));

        List<Map<String, Object>> items = reports(admin, "2026-07-01", "2027-12-31", null);
        assertEquals(List.of(), of(items, draft), "a draft owes no report");
        List<Map<String, Object>> owed = of(items, contract);
        // twelve monthly briefs, the mid-term and the final report
        assertEquals(14, owed.size(), owed.toString());
        Map<String, Object> july = item(owed, "weihai_contract_monthly_brief", "2026-08-10");
        assertEquals("OVERDUE", july.get("status"), "ten days after July have passed");
        assertEquals("OPERATOR", july.get("responsible"));
        assertEquals("MONTHLY_BRIEF", july.get("reportKind"));
        assertEquals("2026-07-01", july.get("periodStart"));
        assertEquals("2026-07-31", july.get("periodEnd"));
        assertEquals("003 四、(四)", july.get("source"));
        assertEquals("ADVISORY", july.get("severity"), "the days are the bureau's setting");
        assertEquals("报告期结束后10日内", july.get("window"));
        assertNull(july.get("station"), "the operator owes it, through the contract's stations");
        Map<String, Object> october = item(owed, "weihai_contract_monthly_brief", "2026-11-10");
        assertEquals("OVERDUE", october.get("status"));
        assertEquals("DUE", item(owed, "weihai_contract_monthly_brief", "2026-12-10").get("status"), "November is not yet reported on");
        // the term's first half ends on 30 December: the mid-term report is due 30 days later
        Map<String, Object> midTerm = item(owed, "weihai_contract_mid_term_report", "2027-01-29");
        assertEquals("2026-12-30", midTerm.get("periodEnd"));
        assertEquals("DUE", item(owed, "weihai_contract_final_report", "2027-07-30").get("status"));

        String report = admin.run("submitContractReport", "input", Map.of("contractId", contract, "kind", "MONTHLY_BRIEF",
                "periodStart", "2026-10-01", "periodEnd", "2026-10-31", "body", "十月份工作简报")).assertOk()
                .string("submitContractReport.report.id");
        List<Map<String, Object>> after = of(reports(admin, "2026-07-01", "2027-12-31", null), contract);
        Map<String, Object> done = item(after, "weihai_contract_monthly_brief", "2026-11-10");
        assertEquals("DONE", done.get("status"));
        assertEquals(report, ((Map<String, Object>) done.get("report")).get("id"));
        assertEquals("2026-11-25", ((Map<String, Object>) done.get("report")).get("submittedOn"));
        assertNull(done.get("completion"), "a report closes it, not a completion");
        assertEquals("OVERDUE", item(after, "weihai_contract_monthly_brief", "2026-10-10").get("status"),
                "a report of October is not September's");

        // the calendar's completion does not close a report's item
        admin.run("completeDueItem", "input", Map.of("milestone", "weihai_contract_monthly_brief", "year", 2026,
                "doneOn", "2026-11-20", "evidence", "简报")).assertError("BAD_USER_INPUT", "input.milestone");
    }

    @Test
    void theFilters_narrowByTheContractsStations_andByStatus() {
        Client admin = newBureau("weihai", "2025-01-01");
        Place at = place(admin);
        String other = station(admin, at.street());
        String elsewhere = Fixtures.division(admin, "STREET", at.district());
        String contract = ContractTest.signed(admin, input(admin, at, at.station(), "2026-07-01", "2027-06-30"), "2026-06-20");

        assertEquals(5, reports(admin, "2026-08-01", "2026-12-31", Map.of("stationId", at.station())).size(),
                "the briefs of July to November");
        assertEquals(List.of(), reports(admin, "2026-08-01", "2026-12-31", Map.of("stationId", other)),
                "a station the contract does not serve");
        assertEquals(5, reports(admin, "2026-08-01", "2026-12-31", Map.of("divisionId", at.district())).size());
        assertEquals(List.of(), reports(admin, "2026-08-01", "2026-12-31", Map.of("divisionId", elsewhere)));
        List<Map<String, Object>> overdue = reports(admin, "2026-08-01", "2026-12-31", Map.of("statuses", List.of("OVERDUE")));
        assertEquals(4, overdue.size(), "December's is only due");
        assertEquals(1, reports(admin, "2026-08-01", "2026-12-31", Map.of("status", "DUE")).size());
        assertEquals(List.of(), reports(admin, "2026-08-01", "2026-09-30", Map.of("stationId", at.station(), "status", "DONE")));
        assertEquals(2, of(reports(admin, "2026-08-01", "2026-09-30", null), contract).size(), "the window narrows");

        // another bureau's station or division lists none of this bureau's items
        Client weihai = as("weihai", "TENANT_ADMIN");
        assertEquals(List.of(), reports(weihai, "2026-08-01", "2026-12-31", Map.of("stationId", at.station())));
        assertEquals(List.of(), reports(weihai, "2026-08-01", "2026-12-31", Map.of("divisionId", at.district())));
    }

    @Test
    void anOperatorsStaff_seeTheReportsOfTheContractsServingTheirStations() {
        Client admin = newBureau("weihai", "2025-01-01");
        Place at = place(admin);
        String other = station(admin, at.street());
        String theirs = ContractTest.signed(admin, input(admin, at, at.station(), "2026-07-01", "2027-06-30"), "2026-06-20");
        String notTheirs = ContractTest.signed(admin, input(admin, at, other, "2026-07-01", "2027-06-30"), "2026-06-20");
        String code = admin.run("viewer").assertOk().string("viewer.tenant.code");
        admin.run("createUser", "input", Map.of("username", "operator", "displayName", "驻站社工", "roles", List.of("STATION_OPERATOR"),
                "stationIds", List.of(at.station()))).assertOk();
        Client operator = as(code, "STATION_OPERATOR");
        List<Map<String, Object>> seen = reports(operator, "2026-08-01", "2026-12-31", null);
        assertEquals(5, of(seen, theirs).size());
        assertEquals(List.of(), of(seen, notTheirs));
        assertEquals(List.of(), reports(operator, "2026-08-01", "2026-12-31", Map.of("stationId", other)));
        assertEquals(10, reports(as(code, "VIEWER"), "2026-08-01", "2026-12-31", null).size(), "a viewer sees every contract's");

        // the operator submits the brief, which closes its item for the bureau too
        operator.run("submitContractReport", "input", Map.of("contractId", theirs, "kind", "MONTHLY_BRIEF",
                "periodStart", "2026-08-01", "periodEnd", "2026-08-31", "body", "八月份工作简报")).assertOk();
        assertEquals("DONE", item(of(reports(admin, "2026-08-01", "2026-12-31", null), theirs),
                "weihai_contract_monthly_brief", "2026-09-10").get("status"));
    }

    @Test
    void theMonthlyBrief_listsTheReportsDueInTheMonth_andTheOperatorThatIsLate() {
        Client admin = newBureau("weihai", "2025-01-01");
        Place at = place(admin);
        String contract = ContractTest.signed(admin, input(admin, at, at.station(), "2026-07-01", "2027-06-30"), "2026-06-20");
        Result brief = admin.run("contractReportBrief", "month", "2026-11").assertOk();
        List<Map<String, Object>> due = ((List<Map<String, Object>>) brief.get("monthlyBrief.dueThisMonth")).stream()
                .filter(i -> "CONTRACT_REPORT".equals(i.get("origin"))).toList();
        assertEquals(1, due.size(), due.toString());
        assertEquals("2026-11-10", due.getFirst().get("dueOn"));
        assertEquals("OVERDUE", due.getFirst().get("status"));
        List<Map<String, Object>> late = ((List<Map<String, Object>>) brief.get("monthlyBrief.late")).stream()
                .filter(p -> "OPERATOR".equals(p.get("responsible"))).toList();
        assertEquals(1, late.size(), late.toString());
        assertEquals(4, ((Number) late.getFirst().get("overdue")).intValue(), "July to October");
        assertTrue(late.getFirst().get("operator") != null, late.toString());

        // October's brief, submitted on 25 November, was still missing at the end of October's month after
        admin.run("submitContractReport", "input", Map.of("contractId", contract, "kind", "MONTHLY_BRIEF",
                "periodStart", "2026-09-01", "periodEnd", "2026-09-30", "body", "九月份工作简报")).assertOk();
        Result october = admin.run("contractReportBrief", "month", "2026-10").assertOk();
        Map<String, Object> september = ((List<Map<String, Object>>) october.get("monthlyBrief.dueThisMonth")).stream()
                .filter(i -> "CONTRACT_REPORT".equals(i.get("origin"))).findFirst().orElseThrow();
        assertEquals("2026-10-10", september.get("dueOn"));
        assertEquals("OVERDUE", september.get("status"), "as of 31 October it had not been submitted");
    }

    @Test
    void dueItems_costTheSameStatementsForOneContractAndMany() {
        Client few = newBureau("weihai", "2025-01-01");
        Place fewAt = place(few);
        String single = ContractTest.signed(few, input(few, fewAt, fewAt.station(), "2026-01-01", "2026-12-31"), "2025-12-20");
        few.run("submitContractReport", "input", Map.of("contractId", single, "kind", "MONTHLY_BRIEF",
                "periodStart", "2026-03-01", "periodEnd", "2026-03-31", "body", "三月份工作简报")).assertOk();
        Client many = newBureau("weihai", "2025-01-01");
        Place manyAt = place(many);
        for (int i = 0; i < 4; i++) {
            String contract = ContractTest.signed(many, input(many, manyAt, station(many, manyAt.street()), "2026-01-01", "2026-12-31"),
                    "2025-12-20");
            many.run("submitContractReport", "input", Map.of("contractId", contract, "kind", "MONTHLY_BRIEF",
                    "periodStart", "2026-03-01", "periodEnd", "2026-03-31", "body", "三月份工作简报")).assertOk();
        }
        Result one = few.run("contractReportDueItems", "from", "2026-01-01", "to", "2026-12-31").assertOk();
        Result four = many.run("contractReportDueItems", "from", "2026-01-01", "to", "2026-12-31").assertOk();
        List<Map<String, Object>> items = four.get("dueItems");
        // January to November: December's falls due in January
        assertEquals(4 * 11, items.stream().filter(i -> "CONTRACT_REPORT".equals(i.get("origin"))
                && "MONTHLY_BRIEF".equals(i.get("reportKind"))).count());
        assertEquals(one.sqlStatements(), four.sqlStatements(), "a statement per contract or per report");
        assertTrue(four.sqlStatements() <= 16, "statements: " + four.sqlStatements());
    }

    @Test
    void aStationsDueItems_includeTheReportsOfTheContractsServingIt() {
        Client admin = newBureau("weihai", "2025-01-01");
        Place at = place(admin);
        String elsewhere = station(admin, at.street());
        String contract = ContractTest.signed(admin, input(admin, at, at.station(), "2026-07-01", "2027-06-30"), "2026-06-20");

        List<Map<String, Object>> served = admin.run("stationContractReportDueItems", "id", at.station(),
                "from", "2026-07-01", "to", "2026-12-31").assertOk().get("node.dueItems");
        List<Map<String, Object>> briefs = served.stream().filter(i -> "CONTRACT_REPORT".equals(i.get("origin"))).toList();
        // the monthly briefs of July to October are due by 2026-11-10, November's on 2026-12-10
        assertEquals(5, briefs.size(), served.toString());
        assertTrue(briefs.stream().allMatch(i -> contract.equals(((Map<String, Object>) i.get("contract")).get("id"))));
        assertEquals("OVERDUE", item(briefs, "weihai_contract_monthly_brief", "2026-08-10").get("status"));
        assertEquals("DUE", item(briefs, "weihai_contract_monthly_brief", "2026-12-10").get("status"));

        List<Map<String, Object>> other = admin.run("stationContractReportDueItems", "id", elsewhere,
                "from", "2026-07-01", "to", "2026-12-31").assertOk().get("node.dueItems");
        assertTrue(other.stream().noneMatch(i -> "CONTRACT_REPORT".equals(i.get("origin"))), other.toString());
    }
}
