package io.shegong.excel;

import io.micronaut.core.type.Argument;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.shegong.support.Fixtures;
import io.shegong.support.GraphQLTestBase;
import io.shegong.support.Result;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Activity records through Excel: the import holds each row to `recordActivity`'s rules, says
 * what is wrong in Chinese at its column, writes the whole file or nothing as one audited change;
 * the export lists a period's records of a station or a division. Today is 2026-11-25.
 */
@MicronautTest
@SuppressWarnings("unchecked")
class ActivityExcelTest extends GraphQLTestBase {
    private static final List<Object> TITLES = List.of("站点编码或名称", "所属项目名称", "服务日期", "服务类型", "活动名称",
            "服务时长（小时）", "服务社工姓名", "服务对象人数（类别:人数）", "志愿者人数", "志愿服务时长（小时）");
    private static final List<Object> FIELDS = List.of("station", "project", "heldOn", "kind", "title", "hours", "workers",
            "beneficiaries", "volunteers", "volunteerHours");

    private URI uri(String path) {
        return URI.create(server.getURL() + path);
    }

    private static byte[] sheet(List<List<Object>> rows) {
        List<List<Object>> all = new ArrayList<>(List.of(TITLES, FIELDS));
        all.addAll(rows);
        return Sheets.xlsx(all);
    }

    private Map<String, Object> importFile(Client client, boolean dryRun, byte[] content) {
        HttpResponse<byte[]> r = Sheets.upload(uri("/excel/import/activities?dryRun=" + dryRun), client.token(),
                "服务记录.xlsx", content);
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

    /** A station of its own under Wuhan's Jiang'an district, with one project starting 1 September. */
    private record Setup(String id, String code, String name, String project, String worker) {
    }

    private Setup setup(Client admin) {
        String code = Fixtures.unique("xa");
        String name = "江岸区测试社工站" + code;
        String id = admin.run("createStation", "input", Map.of("code", code, "name", name, "kind", "street_station",
                "divisionId", Fixtures.divisionId(admin, "jiangan"), "operatingMode", "SELF_RUN", "status", "OPERATING",
                "statusSince", "2026-01-05")).assertOk().string("createStation.station.id");
        admin.run("saveServicePlan", "input", Map.of("stationId", id, "year", 2026,
                "projects", List.of(Map.of("name", "党建引领项目", "slot", "core", "item", "party_building")))).assertOk();
        admin.run("startStationProject", "input", Map.of("stationId", id, "year", 2026, "name", "党建引领项目",
                "slot", "core", "item", "party_building", "startsOn", "2026-09-01")).assertOk();
        String worker = "社工" + code;
        admin.run("registerWorker", "input", Map.of("name", worker, "educationLevel", "BACHELOR")).assertOk();
        return new Setup(id, code, name, "党建引领项目", worker);
    }

    private static List<Object> row(Object station, Object project, Object heldOn, Object hours, Object workers, Object served) {
        return Arrays.asList(station, project, heldOn, "group_work", "长者小组", hours, workers, served, 2, 3);
    }

    private int records(Client client, String station) {
        return ((List<?>) client.run("stationYear", "id", station, "from", "2026-01-01", "to", "2026-12-31").assertOk()
                .get("node.activities.records")).size();
    }

    @Test
    void dryRun_reportsEachBadCellInChinese_atItsColumn_andWritesNothing() {
        Client admin = as("wuhan", "TENANT_ADMIN");
        Setup s = setup(admin);
        Map<String, Object> answer = importFile(admin, true, sheet(List.of(
                row(s.code(), s.project(), LocalDate.of(2026, 10, 12), 2, s.worker(), "elderly:12、children:3"),
                row("nowhere", null, LocalDate.of(2026, 10, 12), 2, null, null),
                row(s.code(), null, LocalDate.of(2026, 11, 30), 2, null, null),
                row(s.code(), null, LocalDate.of(2026, 10, 12), -1, null, null),
                row(s.code(), s.project(), LocalDate.of(2026, 8, 1), 2, null, null),
                row(s.code(), null, LocalDate.of(2026, 10, 12), 2, "无此人", "老年人12"))));
        assertEquals("activities", answer.get("kind"));
        assertEquals(6, answer.get("rows"));
        assertEquals(0, answer.get("written"));
        List<Map<String, Object>> errors = errors(answer);
        assertEquals(6, errors.size(), errors.toString());
        // titles in row 1, field names in row 2: the first data row is Excel's row 3
        assertEquals(List.of(4, 5, 6, 7, 8, 8), errors.stream().map(e -> e.get("row")).toList());
        assertEquals(List.of("station", "heldOn", "hours", "heldOn", "workers", "beneficiaries"),
                errors.stream().map(e -> e.get("column")).toList());
        assertTrue(errors.get(0).get("message").toString().startsWith("未知的站点：nowhere"), errors.toString());
        assertEquals("「服务日期」不能晚于今天", errors.get(1).get("message"));
        assertTrue(errors.get(2).get("message").toString().startsWith("「服务时长（小时）」须大于 0"), errors.toString());
        assertEquals("服务日期早于项目开始日期 2026-09-01", errors.get(3).get("message"));
        assertEquals("未知的社工：无此人", errors.get(4).get("message"));
        assertTrue(errors.get(5).get("message").toString().startsWith("服务对象人数应写作“类别:人数”"), errors.toString());
        assertEquals(0, records(admin, s.id()));
    }

    @Test
    void goodFile_isRecordedWhole_throughTheService_andAuditedAsOneChange() {
        Client admin = as("wuhan", "TENANT_ADMIN");
        Setup s = setup(admin);
        int audited = admin.run("auditLog", "entity", "ActivityRecord").assertOk().integer("auditLog.totalCount");
        Map<String, Object> answer = importFile(admin, false, sheet(List.of(
                row(s.code(), s.project(), LocalDate.of(2026, 10, 12), 2.5, s.worker(), "elderly:12、children:3"),
                row(s.name(), null, "2026-11-02", 4, null, "elderly：5"))));
        assertEquals(List.of(), answer.get("errors"));
        assertEquals(2, answer.get("written"));
        Result year = admin.run("stationYear", "id", s.id(), "from", "2026-01-01", "to", "2026-12-31").assertOk();
        assertEquals(6.5, ((Number) year.get("node.activities.hours")).doubleValue());
        assertEquals(4, year.integer("node.activities.volunteers"));
        assertEquals(List.of(Map.of("code", "elderly", "count", 17), Map.of("code", "children", "count", 3)),
                year.get("node.activities.beneficiaries"));
        Result log = admin.run("auditLog", "entity", "ActivityRecord").assertOk();
        assertEquals(audited + 1, log.integer("auditLog.totalCount"), "one entry for the whole import");
        assertEquals("importActivities", log.string("auditLog.edges.0.node.action"));

        // an operator's rows of a station not granted to it are refused, and nothing is written
        String subject = "wuhan:" + Fixtures.unique("op");
        Client operator = withToken(token(subject, "wuhan", "STATION_OPERATOR"));
        Map<String, Object> refused = importFile(operator, false, sheet(List.of(
                row(s.code(), null, "2026-11-03", 1, null, null))));
        assertEquals(0, refused.get("written"));
        assertTrue(errors(refused).getFirst().get("message").toString().startsWith("无权导入此行"), refused.toString());
        admin.run("grantStation", "input", Map.of("subject", subject, "stationId", s.id())).assertOk();
        assertEquals(1, importFile(operator, false, sheet(List.of(row(s.code(), null, "2026-11-03", 1, null, null))))
                .get("written"));
        assertEquals(3, records(admin, s.id()));
        assertEquals(403, Sheets.upload(uri("/excel/import/activities?dryRun=true"), as("wuhan", "VIEWER").token(),
                "a.xlsx", sheet(List.of())).statusCode());
    }

    @Test
    void export_listsThePeriodsRecordsOfAStationOrDivision_andReadsBackIn() {
        Client admin = as("wuhan", "TENANT_ADMIN");
        Setup s = setup(admin);
        importFile(admin, false, sheet(List.of(
                row(s.code(), s.project(), LocalDate.of(2026, 10, 12), 2.5, s.worker(), "elderly:12"),
                row(s.code(), null, LocalDate.of(2026, 11, 2), 4, null, null))));
        String query = "stationId=" + URLEncoder.encode(s.id(), StandardCharsets.UTF_8) + "&from=2026-11-01&to=2026-11-30";
        HttpResponse<byte[]> r = Sheets.get(uri("/excel/export/activities.xlsx?" + query), as("wuhan", "VIEWER").token());
        assertEquals(200, r.statusCode(), new String(r.body()));
        List<List<String>> rows = Sheets.read(r.body(), 0);
        assertEquals(List.of("ID", "站点编码", "站点名称", "所属项目名称", "服务日期"), rows.getFirst().subList(0, 5));
        assertEquals(2, rows.size(), "November's one record: " + rows);
        assertEquals(s.code(), rows.get(1).get(1));

        List<List<String>> year = Sheets.read(Sheets.get(uri("/excel/export/activities.xlsx?stationId="
                + URLEncoder.encode(s.id(), StandardCharsets.UTF_8)), as("wuhan", "VIEWER").token()).body(), 0);
        assertEquals(3, year.size(), "this year until today when no period is given");
        assertEquals(s.project(), year.get(1).get(3));
        assertEquals(s.worker(), year.get(1).get(8));
        assertEquals("老年人:12", year.get(1).get(9), "a declared category is written by its label, which reads back in");

        String jiangan = Fixtures.divisionId(admin, "jiangan");
        List<List<String>> district = Sheets.read(Sheets.get(uri("/excel/export/activities.xlsx?divisionId="
                + URLEncoder.encode(jiangan, StandardCharsets.UTF_8) + "&from=2026-10-12&to=2026-10-12"),
                as("wuhan", "VIEWER").token()).body(), 0);
        assertTrue(district.stream().anyMatch(x -> s.code().equals(x.get(1))), district.toString());
        List<List<String>> foreign = Sheets.read(Sheets.get(uri("/excel/export/activities.xlsx?divisionId="
                + URLEncoder.encode(jiangan, StandardCharsets.UTF_8)), as("qingpu", "VIEWER").token()).body(), 0);
        assertEquals(1, foreign.size(), "another bureau's division: headings only");
        assertEquals(400, Sheets.get(uri("/excel/export/activities.xlsx?from=2025-01-01&to=2026-11-01"),
                as("wuhan", "VIEWER").token()).statusCode(), "a period is at most 366 days");
    }

    @Test
    void template_offersTheOperatorsStations() {
        HttpResponse<byte[]> r = Sheets.get(uri("/excel/templates/activities.xlsx"), as("wuhan", "TENANT_ADMIN").token());
        assertEquals(200, r.statusCode());
        List<List<String>> data = Sheets.read(r.body(), 0);
        assertEquals("站点编码或名称 *", data.get(0).get(0));
        assertEquals(FIELDS.stream().map(Object::toString).toList(), data.get(1));
        assertTrue(Sheets.read(r.body(), 1).stream().flatMap(List::stream).toList().contains("dazhi"));
    }
}
