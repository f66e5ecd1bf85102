package io.shegong.contract;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.shegong.support.Fixtures;
import io.shegong.support.GraphQLTestBase;
import io.shegong.support.Result;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.shegong.contract.ContractTest.create;
import static io.shegong.contract.ContractTest.operator;
import static io.shegong.contract.ContractTest.signed;
import static io.shegong.contract.ContractTest.weihaiInput;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Editing a draft contract (updateContract): partial changes, whole lists replaced, versions, and what is refused. */
@MicronautTest
class ContractEditTest extends GraphQLTestBase {

    private static Map<String, Object> change(String id, int version, Object... fields) {
        Map<String, Object> in = new HashMap<>(Map.of("id", id, "version", version));
        for (int i = 0; i < fields.length; i += 2) {
            in.put((String) fields[i], fields[i + 1]);
        }
        return in;
    }

    @Test
    void aDraft_changesOnlyTheFieldsSent_andItsListsAreReplacedWhole() {
        Client admin = as("weihai", "TENANT_ADMIN");
        String draft = create(admin, weihaiInput(admin, operator(admin), "2026-01-01", "2026-12-31"));
        Result changed = admin.run("updateContract", "input", change(draft, 1, "title", "张村镇社工站运营服务项目（修订）",
                "price", "500000", "tranches", List.of(Map.of("dueOn", "2026-03-01", "amount", "100000"),
                        Map.of("dueOn", "2026-06-01", "amount", "200000", "condition", "中期评估合格"),
                        Map.of("dueOn", "2026-12-01", "amount", "200000")),
                "deliverables", List.of(), "takeoverPlan", "临时接管预案第1号")).assertOk();
        Map<String, Object> contract = changed.get("updateContract.contract");
        assertEquals("张村镇社工站运营服务项目（修订）", contract.get("title"));
        assertEquals("500000.00", contract.get("price"));
        assertEquals(2, contract.get("version"));
        assertEquals(3, ((List<?>) contract.get("tranches")).size());
        assertEquals("中期评估合格", changed.string("updateContract.contract.tranches.1.condition"));
        assertEquals(List.of(), contract.get("deliverables"));
        assertEquals("临时接管预案第1号", contract.get("takeoverPlan"));
        // what was not sent is kept
        assertEquals("2026-12-31", contract.get("endsOn"));
        assertEquals(List.of("环民购〔2025〕12号"), contract.get("documents"));
        assertEquals(List.of(Map.of("id", Fixtures.stationId(admin, "zhangcun"))), contract.get("stations"));

        // a new term is checked against the tranches kept
        admin.run("updateContract", "input", change(draft, 2, "endsOn", "2026-10-31"))
                .assertError("BAD_USER_INPUT", "input.tranches[2].dueOn");
        Result moved = admin.run("updateContract", "input", change(draft, 2, "startsOn", "2026-02-01",
                "stationIds", List.of(Fixtures.stationId(admin, "yangting")), "code", null)).assertOk();
        assertEquals("2026-02-01", moved.string("updateContract.contract.startsOn"));
        assertNull(moved.get("updateContract.contract.code"));
        assertEquals(List.of(Map.of("id", Fixtures.stationId(admin, "yangting"))), moved.get("updateContract.contract.stations"));
        assertEquals(3, ((List<?>) moved.get("updateContract.contract.tranches")).size(), "tranches not sent are kept");
    }

    @Test
    void badInput_staleVersions_andSignedContracts_areRefusedWithoutWriting() {
        Client admin = as("weihai", "TENANT_ADMIN");
        String op = operator(admin);
        String draft = create(admin, weihaiInput(admin, op, "2026-01-01", "2026-12-31"));
        admin.run("updateContract", "input", change(draft, 1, "endsOn", "2025-12-31")).assertError("BAD_USER_INPUT", "input.endsOn");
        admin.run("updateContract", "input", change(draft, 1, "price", "100000")).assertError("BAD_USER_INPUT", "input.tranches");
        admin.run("updateContract", "input", change(draft, 1, "price", "-1")).assertError("BAD_USER_INPUT", "input.price");
        admin.run("updateContract", "input", change(draft, 1, "title", null)).assertError("BAD_USER_INPUT", "input.title");
        admin.run("updateContract", "input", change(draft, 1, "landingPartyId", Fixtures.divisionId(admin, "huancui")))
                .assertError("BAD_USER_INPUT", "input.landingPartyId");
        admin.run("updateContract", "input", change(draft, 1, "deliverables", List.of(Map.of("description", "x", "quantity", 1,
                "unit", "个", "slot", "no_such_slot")))).assertError("BAD_USER_INPUT", "input.deliverables[0].slot");
        admin.run("updateContract", "input", change(draft, 1, "tranches", List.of(Map.of("dueOn", "2027-01-01", "amount", "1"))))
                .assertError("BAD_USER_INPUT", "input.tranches[0].dueOn");
        admin.run("updateContract", "input", change(draft, 9, "title", "x")).assertError("CONFLICT", "input.version");
        Result kept = admin.run("contract", "id", draft).assertOk();
        assertEquals(1, kept.integer("node.version"), "nothing was written");
        assertEquals(2, ((List<?>) kept.get("node.tranches")).size());

        String contract = signed(admin, weihaiInput(admin, op, "2026-01-01", "2026-12-31"), "2025-12-20");
        admin.run("updateContract", "input", change(contract, 2, "title", "x")).assertError("BAD_USER_INPUT", "input.id");
        as("weihai", "SUPERVISOR").run("updateContract", "input", change(draft, 1, "title", "x")).assertError("FORBIDDEN", null);
        // another bureau's draft reads as none
        as("wuhan", "TENANT_ADMIN").run("updateContract", "input", change(draft, 1, "title", "x")).assertError("NOT_FOUND", "input.id");
    }
}
