package io.shegong.excel;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.shegong.support.Fixtures;
import io.shegong.support.GraphQLTestBase;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * GET /excel/export over HTTP against the real database: workbooks that open, hold the rows the
 * GraphQL list would, with its filters and its rights, and never another tenant's.
 */
@MicronautTest
class ExcelExportTest extends GraphQLTestBase {

    private HttpResponse<byte[]> export(String list, String query, String tenant, String role) {
        return Sheets.get(URI.create(server.getURL() + "/excel/export/" + list + ".xlsx" + (query.isEmpty() ? "" : "?" + query)),
                as(tenant, role).token());
    }

    private List<List<String>> rows(String list, String query, String tenant, String role) {
        HttpResponse<byte[]> r = export(list, query, tenant, role);
        assertEquals(200, r.statusCode(), new String(r.body()));
        assertEquals(Workbooks.CONTENT_TYPE, r.headers().firstValue("Content-Type").orElseThrow());
        return Sheets.read(r.body(), 0);
    }

    private static List<String> column(List<List<String>> rows, int c) {
        return rows.stream().skip(1).map(r -> c < r.size() ? r.get(c) : null).toList();
    }

    @Test
    void stations_exportOpensAndHoldsTheFilteredRows_withIdsLabelsAndDates() {
        String jiangan = Fixtures.divisionId(as("wuhan", "VIEWER"), "jiangan");
        HttpResponse<byte[]> r = export("stations", "divisionId=" + URLEncoder.encode(jiangan, StandardCharsets.UTF_8),
                "wuhan", "VIEWER");
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Disposition").orElseThrow().contains("stations.xlsx"));
        List<List<String>> rows = Sheets.read(r.body(), 0);
        assertEquals(List.of("ID", "站点编码", "站点名称", "站点类型"), rows.getFirst().subList(0, 4));
        List<String> codes = column(rows, 1);
        // the district's stations and those of its streets, as the GraphQL filter gives them
        assertTrue(codes.containsAll(List.of("jiangan_centre", "dazhi")), codes.toString());
        assertFalse(codes.contains("wuchang_centre"), codes.toString());
        int total = as("wuhan", "VIEWER").run("stationPage", "first", 1, "filter", Map.of("divisionId", jiangan))
                .assertOk().integer("stations.totalCount");
        assertEquals(total, codes.size());
        int centre = codes.indexOf("jiangan_centre") + 1;
        assertEquals(Fixtures.stationId(as("wuhan", "VIEWER"), "jiangan_centre"), rows.get(centre).get(0));
        assertEquals("区级社会工作服务指导中心", rows.get(centre).get(3));
        assertEquals("政府购买服务", rows.get(centre).get(7));
        assertTrue(rows.get(centre).get(15).contains("社工办公室"), rows.get(centre).toString());
        Cell since = Sheets.cell(r.body(), 0, centre, 9);
        assertEquals(CellType.NUMBER, since.getType());
        assertEquals("2022-01-10", since.asDate().toLocalDate().toString());

        List<List<String>> operating = rows("stations", "status=OPERATING&kind=street_station&text=" +
                URLEncoder.encode("江岸", StandardCharsets.UTF_8), "wuhan", "VIEWER");
        assertTrue(column(operating, 8).stream().allMatch("运营中"::equals), operating.toString());
        assertTrue(column(operating, 3).stream().allMatch("街道（乡镇）社工站"::equals), operating.toString());
    }

    @Test
    void export_neverShowsAnotherTenantsRows() {
        List<String> wuhan = column(rows("stations", "", "wuhan", "VIEWER"), 1);
        List<String> shangcheng = column(rows("stations", "", "shangcheng", "VIEWER"), 1);
        assertEquals(Fixtures.stationCount(as("wuhan", "VIEWER")), wuhan.size());
        assertTrue(wuhan.stream().noneMatch(shangcheng::contains), "no station of one bureau in the other's export");
        List<String> theirWorkers = column(rows("workers", "", "shangcheng", "TENANT_ADMIN"), 1);
        List<String> ourWorkers = column(rows("workers", "", "wuhan", "TENANT_ADMIN"), 1);
        assertFalse(ourWorkers.contains("邵晓峰") && theirWorkers.contains("邵晓峰"));
        assertTrue(ourWorkers.contains("邵晓峰"), ourWorkers.toString());
    }

    @Test
    void anotherTenantsDivisionId_givesAnEmptyExport() {
        String theirs = URLEncoder.encode(Fixtures.divisionId(as("shangcheng", "VIEWER"), "shangcheng"), StandardCharsets.UTF_8);
        for (String list : List.of("stations", "findings", "compliance-report")) {
            List<List<String>> rows = rows(list, "divisionId=" + theirs, "wuhan", "TENANT_ADMIN");
            assertEquals(1, rows.size(), list + ": only the headings, " + rows);
        }
    }

    @Test
    void workers_personalFieldsForTenantAdminOnly() {
        List<List<String>> admin = rows("workers", "text=" + URLEncoder.encode("邵晓峰", StandardCharsets.UTF_8), "wuhan",
                "TENANT_ADMIN");
        assertTrue(admin.getFirst().containsAll(List.of("出生日期", "联系电话", "身份证号")), admin.getFirst().toString());
        assertEquals(2, admin.size(), admin.toString());
        assertTrue(admin.get(1).contains("13800005001"), admin.toString());
        assertTrue(admin.get(1).contains("jiangan_centre 站长"), admin.toString());
        assertTrue(admin.get(1).contains("硕士"), admin.toString());
        for (String role : List.of("VIEWER", "STATION_OPERATOR", "SUPERVISOR")) {
            List<List<String>> others = rows("workers", "text=" + URLEncoder.encode("邵晓峰", StandardCharsets.UTF_8),
                    "wuhan", role);
            assertFalse(others.getFirst().contains("联系电话"), role);
            assertFalse(others.stream().flatMap(List::stream).anyMatch("13800005001"::equals), role);
        }
    }

    @Test
    void complianceReportAndFindings_exportTheReport() {
        List<List<String>> report = rows("compliance-report", "on=2026-11-25", "wuhan", "VIEWER");
        int checked = as("wuhan", "VIEWER").run("complianceReport").assertOk().integer("complianceReport.totals.stations");
        assertEquals(checked, report.size() - 1);
        assertTrue(column(report, 6).stream().allMatch(List.of("合规", "不合规")::contains), report.toString());
        HttpResponse<byte[]> r = export("compliance-report", "", "wuhan", "VIEWER");
        assertFalse(Sheets.read(r.body(), 1).isEmpty(), "counts by rule on a second sheet");

        List<List<String>> violations = rows("findings", "severity=VIOLATION", "wuhan", "VIEWER");
        assertFalse(violations.size() <= 1, "the demo has violations");
        assertTrue(column(violations, 3).stream().allMatch("违规"::equals), violations.toString());
        List<List<String>> all = rows("findings", "", "wuhan", "VIEWER");
        assertTrue(all.size() > violations.size());
    }

    @Test
    void badRequests_areAnsweredAsJsonErrors() {
        HttpResponse<byte[]> badId = export("stations", "divisionId=nonsense", "wuhan", "VIEWER");
        assertEquals(400, badId.statusCode());
        String body = new String(badId.body(), StandardCharsets.UTF_8);
        assertTrue(body.contains("\"code\":\"BAD_USER_INPUT\""), body);
        assertTrue(body.contains("divisionId is not a valid Division id"), body);
        assertEquals(400, export("findings", "on=yesterday", "wuhan", "VIEWER").statusCode());
        assertEquals(400, export("findings", "severity=SEVERE", "wuhan", "VIEWER").statusCode());
        assertEquals(404, export("visits", "", "wuhan", "VIEWER").statusCode());
        HttpResponse<byte[]> anonymous = Sheets.get(URI.create(server.getURL() + "/excel/export/stations.xlsx"), null);
        assertEquals(401, anonymous.statusCode());
        assertEquals(403, Sheets.get(URI.create(server.getURL() + "/excel/export/stations.xlsx"), platformAdmin().token())
                .statusCode());
    }
}
