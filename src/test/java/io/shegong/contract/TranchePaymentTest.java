package io.shegong.contract;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.shegong.support.Fixtures;
import io.shegong.support.GraphQLTestBase;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A tranche is paid by the ledger's payments that name it: due until its day, overdue after it,
 * paid once they add up to its amount. Today is 2026-11-25 (the tests' clock).
 */
@MicronautTest(transactional = false)
@SuppressWarnings("unchecked")
class TranchePaymentTest extends GraphQLTestBase {

    private static Map<String, Object> payment(String trancheId, String amount, String kind) {
        Map<String, Object> in = new HashMap<>(Map.of("kind", kind, "source", "county_budget", "amount", amount,
                "entryDate", "2026-07-10", "fiscalYear", 2026, "payerLevel", "DISTRICT", "purpose", "SERVICE_PURCHASE",
                "trancheId", trancheId));
        return in;
    }

    private static Map<String, Object> standing(Client c, String trancheId) {
        List<Map<String, Object>> all = c.run("contractTranches", "from", "2026-01-01", "to", "2027-12-31").assertOk()
                .get("contractTranches");
        return all.stream().filter(t -> trancheId.equals(((Map<String, Object>) t.get("tranche")).get("id"))).findFirst()
                .orElseThrow(() -> new AssertionError(trancheId + " in " + all));
    }

    @Test
    void aTranche_isOverdueAfterItsDay_untilThePaymentsNamingItAddUpToItsAmount() {
        Client admin = as("weihai", "TENANT_ADMIN");
        Map<String, Object> input = ContractTest.weihaiInput(admin, ContractTest.operator(admin), "2026-01-01", "2026-12-31");
        input.put("tranches", List.of(Map.of("dueOn", "2026-06-30", "amount", "225000.00"),
                Map.of("dueOn", "2026-12-31", "amount", "225000.00")));
        String contract = ContractTest.signed(admin, input, "2025-12-20");
        List<Map<String, Object>> tranches = admin.run("contractTranchePaid", "id", contract).assertOk().get("node.tranches");
        String first = (String) tranches.get(0).get("id");
        String second = (String) tranches.get(1).get("id");
        assertEquals("OVERDUE", tranches.get(0).get("status"), "due on 30 June, nothing paid");
        assertEquals("0.00", tranches.get(0).get("paid"));
        assertEquals("DUE", tranches.get(1).get("status"));

        String station = (String) ((List<Object>) input.get("stationIds")).getFirst();
        Map<String, Object> part = payment(first, "100000", "PAYMENT");
        part.put("stationId", station);
        admin.run("recordFundingEntry", "input", part).assertOk();
        Map<String, Object> partly = standing(admin, first);
        assertEquals("100000.00", partly.get("paid"));
        assertEquals("OVERDUE", partly.get("status"));
        Map<String, Object> rest = payment(first, "125000.00", "PAYMENT");
        rest.put("stationId", station);
        admin.run("recordFundingEntry", "input", rest).assertOk();
        assertEquals("PAID", standing(admin, first).get("status"));
        assertEquals(List.of(Map.of("fiscalYear", 2026, "source", "county_budget", "allocated", "0.00", "paid", "225000.00")),
                admin.run("contractFunding", "id", contract).assertOk().get("node.funding"), "the contract's money, from its tranches' payments");
        assertEquals("DUE", standing(admin, second).get("status"));
        List<Map<String, Object>> overdue = admin.run("contractTranches", "from", "2026-01-01", "to", "2027-12-31",
                "status", "OVERDUE").assertOk().get("contractTranches");
        assertEquals(0, overdue.stream().filter(t -> first.equals(((Map<String, Object>) t.get("tranche")).get("id"))).count());
    }

    @Test
    void onlyAPayment_namesATranche_andOnlyTheLedgersReadersSeeTranchesStanding() {
        Client admin = as("weihai", "TENANT_ADMIN");
        String contract = ContractTest.signed(admin, ContractTest.weihaiInput(admin, ContractTest.operator(admin),
                "2026-01-01", "2026-12-31"), "2025-12-20");
        String tranche = admin.run("contractTranchePaid", "id", contract).assertOk().string("node.tranches.0.id");
        Map<String, Object> allocation = payment(tranche, "1000", "ALLOCATION");
        allocation.put("stationId", Fixtures.stationId(admin, "zhangcun"));
        admin.run("recordFundingEntry", "input", allocation).assertError("BAD_USER_INPUT", "input.trancheId");
        as("weihai", "STATION_OPERATOR").run("contractTranches").assertError("FORBIDDEN", null);
        admin.run("contractTranches", "from", "2026-02-01", "to", "2026-01-01").assertError("BAD_USER_INPUT", "to");
    }
}
