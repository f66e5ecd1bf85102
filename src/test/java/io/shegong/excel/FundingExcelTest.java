package io.shegong.excel;

import io.micronaut.core.type.Argument;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.shegong.support.Fixtures;
import io.shegong.support.GraphQLTestBase;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Funding ledger entries through Excel: a dry run says what is wrong at its column and writes
 * nothing, a good file is recorded whole as one audited change with its amounts to the fen, and
 * the export holds the ledger's amounts as text and reads back in. In a bureau of its own.
 */
@MicronautTest
@SuppressWarnings("unchecked")
class FundingExcelTest extends GraphQLTestBase {
    private static final List<Object> TITLES = List.of("类型", "资金来源", "金额（元）", "日期", "财政年度", "拨付层级",
            "拨付区划编码", "用途", "站点编码或名称", "文号", "备注");
    private static final List<Object> FIELDS = List.of("kind", "source", "amount", "entryDate", "fiscalYear", "payerLevel",
            "payer", "purpose", "station", "reference", "note");

    private URI uri(String path) {
        return URI.create(server.getURL() + path);
    }

    private static byte[] sheet(List<List<Object>> rows) {
        List<List<Object>> all = new ArrayList<>(List.of(TITLES, FIELDS));
        all.addAll(rows);
        return Sheets.xlsx(all);
    }

    private Map<String, Object> importFile(Client client, boolean dryRun, byte[] content) {
        HttpResponse<byte[]> r = Sheets.upload(uri("/excel/import/funding?dryRun=" + dryRun), client.token(), "资金台账.xlsx", content);
        assertEquals(200, r.statusCode(), new String(r.body()));
        try {
            return json.readValue(r.body(), Argument.mapOf(String.class, Object.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Map<String, Object>> errors(Map<String, Object> answer) {
        return (List<Map<String, Object>>) answer.get("errors");
    }

    private record Setup(Client admin, String stationCode, String district) {
    }

    private Setup setup() {
        Client admin = newBureau("weihai", "2024-01-01");
        String district = Fixtures.unique("qu");
        String qu = admin.run("createDivision", "input", Map.of("code", district, "level", "DISTRICT", "nameZh", "示例区"))
                .assertOk().string("createDivision.division.id");
        String street = admin.run("createDivision", "input", Map.of("code", Fixtures.unique("jd"), "level", "STREET",
                "nameZh", "示例镇", "parentId", qu, "communityCount", 4)).assertOk().string("createDivision.division.id");
        String code = Fixtures.unique("st");
        admin.run("createStation", "input", Map.of("code", code, "name", "威海市示例镇社会工作服务站", "kind", "town_station",
                "divisionId", street, "operatingMode", "SELF_RUN", "status", "OPERATING", "statusSince", "2024-01-01")).assertOk();
        return new Setup(admin, code, district);
    }

    private static List<Object> row(Object source, Object amount, Object payer, Object purpose, Object station) {
        return Arrays.asList("安排", source, amount, LocalDate.of(2025, 3, 1), 2025, "区（县、区市）级", payer, purpose, station,
                "威财〔2025〕1号", null);
    }

    @Test
    void dryRun_reportsEachBadCellAtItsColumn_andWritesNothing() {
        Setup s = setup();
        Map<String, Object> answer = importFile(s.admin(), true, sheet(List.of(
                row("区市财政预算", "150000.10", s.district(), "站点运营", s.stationCode()),
                row("区市财政预算", "1.005", null, "站点运营", s.stationCode()),
                row("彩票", "100", null, "站点运营", s.stationCode()),
                row("county_budget", "-3", null, "人力成本", s.stationCode()),
                row("county_budget", "100", "nowhere", "统筹（不指定站点）", null),
                row("county_budget", "100", null, "统筹（不指定站点）", s.stationCode()))));
        assertEquals(6, answer.get("rows"));
        assertEquals(0, answer.get("written"));
        List<Map<String, Object>> errors = errors(answer);
        assertEquals(List.of(4, 5, 6, 7, 8), errors.stream().map(e -> e.get("row")).toList(), errors.toString());
        assertEquals(List.of("amount", "source", "amount", "payer", "station"), errors.stream().map(e -> e.get("column")).toList());
        assertTrue(errors.get(1).get("message").toString().startsWith("未知的资金来源：彩票"), errors.toString());
        assertEquals(List.of(), s.admin().run("fundingEntries").assertOk().get("fundingEntries"));
    }

    @Test
    void goodFile_isRecordedWholeToTheFen_auditedOnce_andExportsAsItReadsBackIn() {
        Setup s = setup();
        Map<String, Object> answer = importFile(s.admin(), false, sheet(List.of(
                row("区市财政预算", "150000.10", s.district(), "站点运营", s.stationCode()),
                row("provincial_assistance_fund", new BigDecimal("49999.9"), null, "LABOUR", s.stationCode()))));
        assertEquals(List.of(), answer.get("errors"));
        assertEquals(2, answer.get("written"));
        List<Map<String, Object>> ledger = s.admin().run("fundingEntries", "year", 2025).assertOk().get("fundingEntries");
        assertEquals(List.of("150000.10", "49999.90"), ledger.stream().map(e -> e.get("amount")).toList());
        assertEquals("importFunding", s.admin().run("auditLog", "entity", "FundingEntry").assertOk()
                .string("auditLog.edges.0.node.action"));

        HttpResponse<byte[]> r = Sheets.get(uri("/excel/export/funding.xlsx?year=2025"), s.admin().token());
        assertEquals(200, r.statusCode(), new String(r.body()));
        List<List<String>> rows = Sheets.read(r.body(), 0);
        assertEquals(3, rows.size(), rows.toString());
        assertEquals(List.of("ID", "类型", "资金来源", "金额（元）"), rows.getFirst().subList(0, 4));
        assertEquals("区市财政预算", rows.get(1).get(2));
        assertEquals("150000.10", rows.get(1).get(3));
        assertEquals(s.district(), rows.get(1).get(7));
        assertEquals(s.stationCode(), rows.get(1).get(9));
        // the exported sheet reads back in as it is
        Map<String, Object> again = importFile(s.admin(), true, r.body());
        assertEquals(List.of(), again.get("errors"), again.toString());
        assertEquals(2, again.get("rows"));

        assertEquals(403, Sheets.get(uri("/excel/export/funding.xlsx"), as("weihai", "STATION_OPERATOR").token()).statusCode());
        assertEquals(403, Sheets.upload(uri("/excel/import/funding?dryRun=true"), as("weihai", "SUPERVISOR").token(),
                "a.xlsx", sheet(List.of())).statusCode());
        assertEquals(200, Sheets.get(uri("/excel/templates/funding.xlsx"), s.admin().token()).statusCode());
        assertEquals(400, Sheets.get(uri("/excel/export/funding.xlsx?year=20x5"), s.admin().token()).statusCode());
    }
}
