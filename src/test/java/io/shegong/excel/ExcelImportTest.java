package io.shegong.excel;

import io.micronaut.core.type.Argument;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.shegong.support.Fixtures;
import io.shegong.support.GraphQLTestBase;
import io.shegong.support.Result;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * POST /excel/import and GET /excel/templates over HTTP against the real database: rows are held
 * to the create mutations' rules, a file is written whole or not at all, and the tenant is the
 * token's.
 */
@MicronautTest
class ExcelImportTest extends GraphQLTestBase {
    private static final Logger LOG = LoggerFactory.getLogger(ExcelImportTest.class);
    private static final List<Object> STATION_TITLES = List.of("站点编码", "站点名称", "站点类型", "所属区划编码", "运营模式",
            "状态", "状态起始日期", "上级站点编码", "功能室");
    private static final List<Object> STATION_FIELDS = List.of("code", "name", "kind", "division", "operatingMode",
            "status", "statusSince", "parent", "rooms");

    private URI uri(String path) {
        return URI.create(server.getURL() + path);
    }

    /** Stations as the template lays them out: titles, field names, then the rows. */
    private static byte[] stations(List<List<Object>> rows) {
        List<List<Object>> all = new ArrayList<>(List.of(STATION_TITLES, STATION_FIELDS));
        all.addAll(rows);
        return Sheets.xlsx(all);
    }

    private static List<Object> station(String code, String kind, String division, String parent) {
        return Arrays.asList(code, "武汉市江岸区示例街道社工站" + code, kind, division, "政府购买服务", "运营中",
                LocalDate.of(2025, 3, 1), parent, "社工办公室、case_room");
    }

    private Map<String, Object> importFile(String kind, boolean dryRun, String role, String name, byte[] content) {
        HttpResponse<byte[]> r = Sheets.upload(uri("/excel/import/" + kind + "?dryRun=" + dryRun),
                as("wuhan", role).token(), name, content);
        assertEquals(200, r.statusCode(), new String(r.body()));
        return json(r.body());
    }

    private Map<String, Object> json(byte[] body) {
        try {
            return json.readValue(body, Argument.mapOf(String.class, Object.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private int stationsMatching(String text) {
        return as("wuhan", "VIEWER").run("stationPage", "first", 1, "filter", Map.of("text", text)).assertOk()
                .integer("stations.totalCount");
    }

    private int auditEntries(String entity) {
        return as("wuhan", "TENANT_ADMIN").run("auditLog", "entity", entity).assertOk().integer("auditLog.totalCount");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> errors(Map<String, Object> answer) {
        return (List<Map<String, Object>>) answer.get("errors");
    }

    @Test
    void template_hasTheTenantsVocabulariesAsDropDowns() {
        HttpResponse<byte[]> r = Sheets.get(uri("/excel/templates/stations.xlsx"), as("wuhan", "VIEWER").token());
        assertEquals(200, r.statusCode());
        assertEquals(Workbooks.CONTENT_TYPE, r.headers().firstValue("Content-Type").orElseThrow());
        List<List<String>> data = Sheets.read(r.body(), 0);
        assertEquals("站点编码 *", data.get(0).get(0));
        assertEquals("code", data.get(1).get(0));
        List<String> lists = Sheets.read(r.body(), 1).stream().flatMap(List::stream).toList();
        // the bureau's own kinds, rooms and rules by their labels, its divisions and stations by code
        assertTrue(lists.contains("街道（乡镇）社工站"), lists.toString());
        assertTrue(lists.contains("社工办公室"), lists.toString());
        assertTrue(lists.contains("人员管理"), lists.toString());
        assertTrue(lists.contains("jiangan"), lists.toString());
        assertTrue(lists.contains("dazhi"), lists.toString());
        assertTrue(lists.contains("政府购买服务"), lists.toString());
        String sheet = Sheets.part(r.body(), "xl/worksheets/sheet1.xml");
        assertTrue(sheet.contains("type=\"list\""), sheet);
        // the lists sheet's name, 代码表, as the XML writes it
        assertTrue(sheet.contains("<formula1>'&#x4ee3;&#x7801;&#x8868;'!$"), sheet);

        HttpResponse<byte[]> other = Sheets.get(uri("/excel/templates/stations.xlsx"), as("shangcheng", "VIEWER").token());
        List<String> theirs = Sheets.read(other.body(), 1).stream().flatMap(List::stream).toList();
        assertFalse(theirs.contains("jiangan"), "another bureau's template lists only its own divisions");

        List<String> workers = Sheets.read(Sheets.get(uri("/excel/templates/workers.xlsx"), as("wuhan", "VIEWER").token())
                .body(), 1).stream().flatMap(List::stream).toList();
        assertTrue(workers.containsAll(List.of("本科", "社会工作师", "站长")), workers.toString());
        List<String> divisions = Sheets.read(Sheets.get(uri("/excel/templates/divisions.xlsx"), as("wuhan", "VIEWER").token())
                .body(), 1).stream().flatMap(List::stream).toList();
        assertTrue(divisions.containsAll(List.of("街道乡镇", "中心城区", "jiangan")), divisions.toString());
    }

    @Test
    void template_ofAnUnknownKind_is404AndWithoutToken_is401() {
        HttpResponse<byte[]> unknown = Sheets.get(uri("/excel/templates/spas.xlsx"), as("wuhan", "VIEWER").token());
        assertEquals(404, unknown.statusCode());
        assertTrue(new String(unknown.body()).contains("NOT_FOUND"));
        HttpResponse<byte[]> anonymous = Sheets.get(uri("/excel/templates/stations.xlsx"), null);
        assertEquals(401, anonymous.statusCode());
        assertTrue(new String(anonymous.body()).contains("UNAUTHENTICATED"));
    }

    @Test
    void dryRun_withOneBadRow_reportsRowColumnValueAndMessage_andWritesNothing() {
        String p = Fixtures.unique("xd");
        byte[] file = stations(List.of(station(p + "_a", "street_station", "dazhi", null),
                station(p + "_b", "spa", "dazhi", null),
                station(p + "_c", "街道（乡镇）社工站", "dazhi", null)));
        Map<String, Object> answer = importFile("stations", true, "TENANT_ADMIN", "stations.xlsx", file);
        assertEquals("stations", answer.get("kind"));
        assertEquals(true, answer.get("dryRun"));
        assertEquals(3, answer.get("rows"));
        assertEquals(0, answer.get("written"));
        List<Map<String, Object>> errors = errors(answer);
        assertEquals(1, errors.size(), errors.toString());
        Map<String, Object> e = errors.getFirst();
        // titles in row 1, field names in row 2: the second data row is Excel's row 4
        assertEquals(4, e.get("row"));
        assertEquals("kind", e.get("column"));
        assertEquals("spa", e.get("value"));
        assertTrue(e.get("message").toString().startsWith("未知的站点类型：spa（可选："), e.toString());
        assertTrue(e.get("message").toString().contains("街道（乡镇）社工站(street_station)"), e.toString());
        assertTrue(e.get("messageEn").toString().startsWith("Unknown kind: spa"), e.toString());
        assertEquals(0, stationsMatching(p));

        // a dry run of good rows writes nothing either
        Map<String, Object> good = importFile("stations", true, "TENANT_ADMIN", "stations.xlsx",
                stations(List.of(station(p + "_a", "street_station", "dazhi", null))));
        assertEquals(List.of(), good.get("errors"));
        assertEquals(0, good.get("written"));
        assertEquals(0, stationsMatching(p));
    }

    @Test
    void fixedFile_importsEveryRow_auditedAsOneEntry() {
        String p = Fixtures.unique("xi");
        int audited = auditEntries("Station");
        // the child comes first in the file and names its parent by code: the parent is written first
        byte[] file = stations(List.of(station(p + "_room", "community_room", "dazhi", p + "_st"),
                station(p + "_st", "street_station", "dazhi", "jiangan_centre"),
                station(p + "_c", "street_station", "jiyuqiao", null)));
        Map<String, Object> answer = importFile("stations", false, "TENANT_ADMIN", "江岸区站点.xlsx", file);
        assertEquals(List.of(), answer.get("errors"));
        assertEquals(3, answer.get("written"));
        assertEquals(3, stationsMatching(p));
        Map<String, Object> room = Fixtures.station(as("wuhan", "VIEWER"), p + "_room");
        assertEquals(p + "_st", ((Map<?, ?>) room.get("parent")).get("code"));
        assertEquals("OPERATING", room.get("status"));
        assertEquals("2025-03-01", room.get("statusSince"));

        assertEquals(audited + 1, auditEntries("Station"), "one entry for the whole import");
        Result log = as("wuhan", "TENANT_ADMIN").run("auditLog", "entity", "Station").assertOk();
        assertEquals("importStations", log.string("auditLog.edges.0.node.action"));
        Map<String, Object> after = log.get("auditLog.edges.0.node.after");
        assertEquals("江岸区站点.xlsx", after.get("file"));
        assertEquals(3, ((Number) after.get("rows")).intValue());
        assertEquals(3, ((List<?>) after.get("created")).size());
        assertTrue(((List<?>) after.get("created")).contains(room.get("id")));

        // the same file again: every code is taken now, and nothing more is written
        Map<String, Object> again = importFile("stations", false, "TENANT_ADMIN", "江岸区站点.xlsx", file);
        assertEquals(3, errors(again).size(), again.toString());
        assertEquals("编码已存在：" + p + "_st", errors(again).get(1).get("message"));
        assertEquals(3, stationsMatching(p));
    }

    @Test
    void oneBadRowAmongGoodOnes_writesNone_andListsEveryError() {
        String p = Fixtures.unique("xb");
        int audited = auditEntries("Station");
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            rows.add(station(p + "_" + i, "street_station", "dazhi", null));
        }
        List<Object> bad = new ArrayList<>(station(p + "_bad", "street_station", "nowhere", null));
        bad.set(8, "spa");
        rows.add(3, bad);
        // a room under the bad row: told that its parent's row failed
        rows.add(station(p + "_room", "community_room", "dazhi", p + "_bad"));
        Map<String, Object> answer = importFile("stations", false, "TENANT_ADMIN", "stations.xlsx", stations(rows));
        assertEquals(false, answer.get("dryRun"));
        assertEquals(7, answer.get("rows"));
        assertEquals(0, answer.get("written"));
        List<Map<String, Object>> errors = errors(answer);
        assertEquals(3, errors.size(), errors.toString());
        assertEquals(List.of(6, 6, 9), errors.stream().map(e -> e.get("row")).toList());
        assertEquals("未知的区划编码：nowhere", errors.get(0).get("message"));
        assertEquals("division", errors.get(0).get("column"));
        assertEquals("rooms", errors.get(1).get("column"));
        assertTrue(errors.get(1).get("message").toString().startsWith("未知的功能室：spa（可选：社工办公室(office)"), errors.toString());
        assertEquals("parent", errors.get(2).get("column"));
        assertEquals("站点编码 " + p + "_bad 在第 6 行，该行未能导入", errors.get(2).get("message"));
        assertEquals(0, stationsMatching(p));
        assertEquals(audited, auditEntries("Station"));
    }

    @Test
    void csv_withBomAndChineseTitles_imports() {
        String p = Fixtures.unique("xc");
        // the community comes before its street: parents are written first whatever the order
        byte[] file = Sheets.csv(List.of(
                List.of("区划编码", "层级", "名称", "上级区划编码", "社区（村）数", "片区"),
                List.of(p + "_c", "社区村", "示例社区", p + "_s", "", ""),
                List.of(p + "_s", "STREET", "示例街道", "jiangan", "12", "中心城区")));
        Map<String, Object> answer = importFile("divisions", false, "TENANT_ADMIN", "divisions.csv", file);
        assertEquals(List.of(), answer.get("errors"));
        assertEquals(2, answer.get("written"));
        Result r = as("wuhan", "VIEWER").run("divisions", "filter", Map.of("text", p), "first", 10).assertOk();
        assertEquals(2, ((List<?>) r.get("divisions.edges")).size(), r.raw());

        Map<String, Object> bad = importFile("divisions", true, "TENANT_ADMIN", "divisions.csv", Sheets.csv(List.of(
                List.of("code", "level", "nameZh", "communityCount"),
                List.of(p + "_x", "STREET", "无上级街道", "many"))));
        List<Map<String, Object>> errors = errors(bad);
        // CSV rows are numbered by line: the header is line 1
        assertEquals(List.of(2), errors.stream().map(e -> e.get("row")).distinct().toList(), errors.toString());
        assertEquals("「社区（村）数」应为数字", errors.getFirst().get("message"));
    }

    @Test
    void workers_importWithPostsAndTraining_asOneChange() {
        String name = Fixtures.unique("社工");
        byte[] file = Sheets.xlsx(List.of(
                List.of("姓名", "学历", "职业水平证书", "取证日期", "是否专职", "岗位站点编码", "岗位", "到岗日期", "培训主题",
                        "培训机构", "培训学时", "培训完成日期"),
                Arrays.asList(name + "甲", "本科", "社会工作师", LocalDate.of(2020, 6, 1), "是", "dazhi", "社工",
                        LocalDate.of(2024, 1, 1), "个案工作", "武汉市社工协会", 24, "2024-05-01"),
                Arrays.asList(name + "乙", "大专", "无", null, "否", "jiyuqiao", "站长", LocalDate.of(2024, 2, 1),
                        null, null, null, null)));
        int audited = auditEntries("SocialWorker");
        Map<String, Object> answer = importFile("workers", false, "STATION_OPERATOR", "workers.xlsx", file);
        assertEquals(List.of(), answer.get("errors"));
        assertEquals(2, answer.get("written"));
        Result r = as("wuhan", "VIEWER").run("workers", "filter", Map.of("text", name), "first", 10).assertOk();
        assertEquals(2, r.integer("workers.totalCount"), r.raw());
        // by name: 乙 sorts before 甲
        assertEquals(name + "甲", r.string("workers.edges.1.node.name"));
        assertEquals(24.0, ((Number) r.get("workers.edges.1.node.trainingHours")).doubleValue());
        assertEquals("dazhi", r.string("workers.edges.1.node.currentAssignments.0.station.code"));
        assertEquals("jiyuqiao", r.string("workers.edges.0.node.currentAssignments.0.station.code"));
        assertEquals(audited + 1, auditEntries("SocialWorker"));
    }

    @Test
    void operator_importsWorkersForItsOwnStationsOnly() {
        String name = Fixtures.unique("社工");
        byte[] file = Sheets.csv(List.of(
                List.of("name", "educationLevel", "station", "role", "startsOn"),
                List.of(name + "甲", "BACHELOR", "dazhi", "SOCIAL_WORKER", "2024-01-01"),
                List.of(name + "乙", "BACHELOR", "jiangan_centre", "SOCIAL_WORKER", "2024-01-01"),
                List.of(name + "丙", "BACHELOR", "", "", "")));
        Map<String, Object> answer = importFile("workers", false, "STATION_OPERATOR", "workers.csv", file);
        List<Map<String, Object>> errors = errors(answer);
        assertEquals(List.of(3, 4), errors.stream().map(e -> e.get("row")).toList(), errors.toString());
        assertTrue(errors.get(0).get("message").toString().startsWith("无权导入此行"), errors.toString());
        assertEquals("station", errors.get(1).get("column"));
        assertEquals(0, as("wuhan", "VIEWER").run("workers", "filter", Map.of("text", name)).assertOk()
                .integer("workers.totalCount"));
        // the operator's template offers its own stations for posts
        List<String> lists = Sheets.read(Sheets.get(uri("/excel/templates/workers.xlsx"), as("wuhan", "STATION_OPERATOR")
                .token()).body(), 1).stream().flatMap(List::stream).toList();
        assertTrue(lists.containsAll(List.of("dazhi", "jiyuqiao")), lists.toString());
        assertFalse(lists.contains("jiangan_centre"), lists.toString());
        // the same rows are an administrator's to import, but for the row without a post
        Map<String, Object> admin = importFile("workers", true, "TENANT_ADMIN", "workers.csv", file);
        assertEquals(List.of(), admin.get("errors"));
    }

    @Test
    void viewersSupervisorsAndOperators_areRefusedWhatTheyMayNotImport() {
        byte[] file = stations(List.of(station(Fixtures.unique("xr"), "street_station", "dazhi", null)));
        for (String[] refused : new String[][]{{"VIEWER", "stations"}, {"SUPERVISOR", "stations"}, {"VIEWER", "workers"},
                {"SUPERVISOR", "divisions"}, {"STATION_OPERATOR", "stations"}, {"STATION_OPERATOR", "divisions"}}) {
            HttpResponse<byte[]> r = Sheets.upload(uri("/excel/import/" + refused[1] + "?dryRun=true"),
                    as("wuhan", refused[0]).token(), "stations.xlsx", file);
            assertEquals(403, r.statusCode(), String.join(" ", refused));
            Map<String, Object> body = json(r.body());
            assertEquals("FORBIDDEN", ((Map<?, ?>) ((Map<?, ?>) ((List<?>) body.get("errors")).getFirst())
                    .get("extensions")).get("code"));
        }
        assertEquals(403, Sheets.upload(uri("/excel/import/stations"), platformAdmin().token(), "s.xlsx", file).statusCode());
        assertEquals(401, Sheets.upload(uri("/excel/import/stations"), null, "s.xlsx", file).statusCode());
    }

    @Test
    void anotherTenantsCodes_areUnknown() {
        String p = Fixtures.unique("xt");
        // shangcheng's division and one of its stations, named from a Wuhan file
        String theirStation = (String) Fixtures.node(((List<Map<String, Object>>) as("shangcheng", "VIEWER")
                .run("stationPage", "first", 1).assertOk().get("stations.edges")).getFirst()).get("code");
        Map<String, Object> answer = importFile("stations", true, "TENANT_ADMIN", "stations.xlsx", stations(List.of(
                station(p + "_a", "street_station", "shangcheng", null),
                station(p + "_b", "street_station", "dazhi", theirStation))));
        List<Map<String, Object>> errors = errors(answer);
        assertEquals(2, errors.size(), errors.toString());
        assertEquals("未知的区划编码：shangcheng", errors.get(0).get("message"));
        assertEquals("未知的站点编码：" + theirStation, errors.get(1).get("message"));
        Map<String, Object> workers = importFile("workers", true, "TENANT_ADMIN", "workers.csv", Sheets.csv(List.of(
                List.of("name", "educationLevel", "station", "role", "startsOn"),
                List.of("某社工", "BACHELOR", theirStation, "SOCIAL_WORKER", "2024-01-01"))));
        assertEquals("未知的站点编码：" + theirStation, errors(workers).getFirst().get("message"));
    }

    @Test
    void unreadableAndOversizedFiles_areRefusedCleanly() {
        String token = as("wuhan", "TENANT_ADMIN").token();
        HttpResponse<byte[]> garbage = Sheets.upload(uri("/excel/import/stations?dryRun=true"), token, "s.xlsx",
                new byte[]{1, 2, 3, 4, 5});
        assertEquals(400, garbage.statusCode());
        assertTrue(new String(garbage.body()).contains("BAD_USER_INPUT"));
        HttpResponse<byte[]> latin1 = Sheets.upload(uri("/excel/import/stations?dryRun=true"), token, "s.csv",
                new byte[]{'c', 'o', 'd', 'e', '\n', (byte) 0xE9, 'x', '\n'});
        assertEquals(400, latin1.statusCode());
        assertTrue(new String(latin1.body()).contains("UTF-8"), new String(latin1.body()));

        // over the file limit (4 MB), and over the request limit (5 MB) too
        for (int tenths : new int[]{45, 60}) {
            byte[] big = new byte[tenths * 100_000];
            Arrays.fill(big, (byte) 'x');
            HttpResponse<byte[]> r = refused(token, big);
            assertEquals(413, r.statusCode(), "a file of " + tenths / 10.0 + " MB");
            String body = new String(r.body());
            assertTrue(body.contains("\"code\":\"BAD_REQUEST\""), body);
            assertFalse(body.contains("Exception"), body);
        }
        // the refused body is not read: the next request is answered, on a connection of its own
        assertEquals(200, Sheets.get(uri("/excel/templates/stations.xlsx"), token).statusCode());
    }

    /**
     * The upload of a body the server refuses before reading it all. The server answers 413 and
     * closes the connection; a client still writing the body may find the connection reset before
     * it reads the answer (TCP drops what it had received), so a reset is tried again, on a new
     * connection, and the answer must come within three tries.
     */
    private HttpResponse<byte[]> refused(String token, byte[] big) {
        UncheckedIOException reset = null;
        for (int i = 0; i < 3; i++) {
            try {
                return Sheets.upload(uri("/excel/import/stations?dryRun=true"), token, "big.csv", big);
            } catch (UncheckedIOException e) {
                reset = e;
            }
        }
        throw reset;
    }

    @Test
    void requestsWithoutAFile_areRefusedCleanly() throws Exception {
        String token = as("wuhan", "TENANT_ADMIN").token();
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        HttpResponse<String> asJson = http.send(java.net.http.HttpRequest.newBuilder(uri("/excel/import/stations"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"file\": 1}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(asJson.statusCode() == 400 || asJson.statusCode() == 415, asJson.statusCode() + " " + asJson.body());
        assertTrue(asJson.body().contains("\"errors\""), asJson.body());
        String boundary = "b0undary";
        HttpResponse<String> noFile = http.send(java.net.http.HttpRequest.newBuilder(uri("/excel/import/stations"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("--" + boundary + "\r\nContent-Disposition: form-data; "
                        + "name=\"other\"\r\n\r\nx\r\n--" + boundary + "--\r\n")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(400, noFile.statusCode(), noFile.body());
        assertTrue(noFile.body().contains("\"code\":\"BAD_REQUEST\""), noFile.body());
        HttpResponse<byte[]> badFlag = Sheets.upload(uri("/excel/import/stations?dryRun=maybe"), token, "s.csv",
                Sheets.csv(List.of(List.of("code"))));
        assertEquals(400, badFlag.statusCode(), new String(badFlag.body()));
    }

    @Test
    void twoThousandStations_dryRunAndImport_inSeconds() {
        String p = Fixtures.unique("xp");
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            rows.add(station(p + "_" + i, "street_station", i % 2 == 0 ? "dazhi" : "jiyuqiao", null));
        }
        byte[] file = stations(rows);
        long t0 = System.nanoTime();
        Map<String, Object> dry = importFile("stations", true, "TENANT_ADMIN", "2000.xlsx", file);
        long t1 = System.nanoTime();
        importFile("stations", true, "TENANT_ADMIN", "2000.xlsx", file);
        long t2 = System.nanoTime();
        Map<String, Object> real = importFile("stations", false, "TENANT_ADMIN", "2000.xlsx", file);
        long t3 = System.nanoTime();
        assertEquals(List.of(), dry.get("errors"));
        assertEquals(0, dry.get("written"));
        assertEquals(2000, real.get("written"));
        assertEquals(2000, stationsMatching(p));
        // the first run includes the JIT's warming up of every path a row takes
        LOG.info("2,000 stations ({} KB of xlsx) over HTTP: first dry run {} ms, second dry run {} ms, import {} ms",
                file.length / 1024, (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000);
    }
}
