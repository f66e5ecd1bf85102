package io.shegong.console;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.shegong.support.GraphQLTestBase;
import io.shegong.support.PasswordLogin;
import io.shegong.support.Result;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The console in headless Chromium against the running service: `console/e2e/run.mjs` drives
 * the built app through its scenarios and this class prepares what they need through the API,
 * in a bureau of its own so that no other test's demo data moves. Chromium missing is a failure,
 * never a skip: `.ci/run` installs it.
 */
@MicronautTest(transactional = false)
class ConsoleBrowserTest extends GraphQLTestBase {
    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM_PATH", "/usr/bin/chromium"));
    private static final Path SCREENSHOTS = Path.of("target", "console-screenshots");
    private static final String STATION = "宁海路社工站";
    private static final String WORKER = "刘洋";
    private static final String BRIEF_STATION = "南京市鼓楼区湖南路街道社会工作站";

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void console_servesTheAppAndDeepLinksButNotMissingAssets() throws Exception {
        HttpResponse<String> index = get("/console/");
        assertEquals(200, index.statusCode());
        assertTrue(index.body().contains("<div id=\"root\">"), index.body());
        assertTrue(index.headers().firstValue("Content-Security-Policy").isPresent());
        HttpResponse<String> deep = get("/console/stations/U3RhdGlvbjox");
        assertEquals(200, deep.statusCode());
        assertEquals(index.body(), deep.body());
        assertEquals(404, get("/console/assets/none.js").statusCode());
        // a path out of the console's folder is one of the app's routes, never a file of the classpath
        HttpResponse<String> escape = get("/console/%2e%2e/application.yml");
        assertEquals(index.body(), escape.body());
        assertEquals(index.body(), get("/console").body());
        assertEquals(303, get("/").statusCode());
        assertEquals(200, get("/health").statusCode());
    }

    @Test
    void console_passesEveryScenarioInChromium() throws Exception {
        assertTrue(Files.isExecutable(CHROMIUM), "No Chromium at " + CHROMIUM + ": apt-get install chromium fonts-noto-cjk");
        Map<String, Object> fixture = prepareBureau();
        // this run's pictures only: a FAILED-… left from an earlier run would mislead
        if (Files.isDirectory(SCREENSHOTS)) {
            try (var old = Files.list(SCREENSHOTS)) {
                for (Path p : old.toList()) {
                    Files.delete(p);
                }
            }
        }
        Files.createDirectories(SCREENSHOTS);
        ProcessBuilder node = new ProcessBuilder("node", "e2e/run.mjs", server.getURL().toString(),
                SCREENSHOTS.toAbsolutePath().toString())
                .directory(Path.of("console").toFile())
                .redirectErrorStream(true);
        node.environment().put("CONSOLE_E2E", json.writeValueAsString(fixture));
        node.environment().put("CHROMIUM_PATH", CHROMIUM.toString());
        Process process = node.start();
        StringBuilder output = new StringBuilder();
        Thread reader = Thread.ofVirtual().start(() -> {
            try {
                output.append(new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException ignored) {
                // the process ended; what was read is kept
            }
        });
        if (!process.waitFor(6, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            fail("The console's scenarios did not finish in 6 minutes");
        }
        reader.join();
        String out = output.toString();
        System.out.println(out);
        assertEquals(0, process.exitValue(), out);
        for (String scenario : List.of("sign-in-with-one-time-password", "overview-to-finding-and-fix", "lists-and-pages",
                "policy-draft-what-if-publish", "viewer-sees-no-edit-controls", "other-tenants-station-not-found",
                "excel-import-dry-run-fix-import-export", "monthly-brief")) {
            assertTrue(out.contains("PASS " + scenario), scenario + " did not pass:\n" + out);
        }
        assertTrue(Files.exists(SCREENSHOTS.resolve("overview.png")));
    }

    /**
     * A bureau as a new one starts: Shangcheng's profile, two street stations, a certified worker
     * with no post, a viewer who has chosen a password, and an administrator still holding the
     * one-time password the browser will replace.
     */
    private Map<String, Object> prepareBureau() {
        String code = "console-" + Integer.toString(ThreadLocalRandom.current().nextInt(1 << 30), 36);
        Result created = platformAdmin().run("createTenantWithAdministrator", "input", Map.of("code", code,
                "nameZh", "控制台测试民政局", "nameEn", "Console Test Civil Affairs Bureau", "level", "DISTRICT",
                "region", "江苏省南京市鼓楼区", "administrator", Map.of("username", "chen.jing", "displayName", "陈静"))).assertOk();
        String adminOneTime = created.string("createTenant.oneTimePassword");
        // set up as the bureau's identity provider would sign: the password user's first login stays the browser's
        Client admin = withToken(token(code + ":setup", code, "TENANT_ADMIN"));

        String district = admin.run("createDivision", "input", Map.of("code", "gulou", "level", "DISTRICT", "nameZh", "鼓楼区",
                "nameEn", "Gulou District")).assertOk().string("createDivision.division.id");
        String hunanlu = admin.run("createDivision", "input", Map.of("code", "hunanlu", "level", "STREET", "nameZh", "湖南路街道",
                "nameEn", "Hunanlu Street", "parentId", district, "communityCount", 8)).assertOk().string("createDivision.division.id");
        String ninghailu = admin.run("createDivision", "input", Map.of("code", "ninghailu", "level", "STREET", "nameZh", "宁海路街道",
                "nameEn", "Ninghailu Street", "parentId", district, "communityCount", 12)).assertOk().string("createDivision.division.id");
        Result draft = admin.run("createPolicyDraft", "input", Map.of("fromTemplate", "shangcheng")).assertOk();
        admin.run("publishPolicyProfile", "input", Map.of("id", draft.string("createPolicyDraft.profile.id"),
                "version", draft.integer("createPolicyDraft.profile.version"), "effectiveFrom", "2026-01-01")).assertOk();
        String hunanluStation = admin.run("createStation", "input", Map.of("code", "hunanlu", "name", BRIEF_STATION,
                "kind", "street_station", "divisionId", hunanlu, "operatingMode", "PURCHASED", "status", "OPERATING",
                "statusSince", "2026-03-01")).assertOk().string("createStation.station.id");
        // the monthly brief's figures: one record this month (November) and one the month before
        admin.run("recordActivity", "input", Map.of("stationId", hunanluStation, "kind", "group_work", "title", "长者健康小组",
                "heldOn", "2026-11-10", "hours", 2.5, "volunteers", 3, "volunteerHours", 6,
                "beneficiaries", List.of(Map.of("category", "elderly", "count", 12)))).assertOk();
        admin.run("recordActivity", "input", Map.of("stationId", hunanluStation, "kind", "case_work", "title", "困境儿童个案",
                "heldOn", "2026-10-20", "hours", 1, "beneficiaries", List.of(Map.of("category", "children", "count", 4)))).assertOk();
        admin.run("createStation", "input", Map.of("code", "ninghailu", "name", STATION, "kind", "street_station",
                "divisionId", ninghailu, "operatingMode", "SELF_RUN", "status", "OPERATING", "statusSince", "2026-03-01")).assertOk();
        admin.run("registerWorker", "input", Map.of("name", WORKER, "educationLevel", "BACHELOR",
                "birthDate", "1992-04-01", "certificateLevel", "INTERMEDIATE", "certificateDate", "2020-06-01",
                "lastRecordCheckOn", "2026-05-01")).assertOk();
        Result viewerCreated = admin.run("createUser", "input", Map.of("username", "zhao.min", "displayName", "赵敏",
                "roles", List.of("VIEWER"))).assertOk();
        String viewerPassword = "只读用户的新密码 2026";
        new PasswordLogin(server, json).firstLogin(code, "zhao.min", viewerCreated.string("createUser.oneTimePassword"), viewerPassword);

        Result wuhan = as("wuhan", "VIEWER").run("stationPage", "first", 1).assertOk();
        List<Map<String, Object>> edges = wuhan.get("stations.edges");
        @SuppressWarnings("unchecked")
        String otherStation = (String) ((Map<String, Object>) edges.getFirst().get("node")).get("id");

        Map<String, Object> fixture = new HashMap<>();
        fixture.put("tenant", code);
        fixture.put("admin", Map.of("username", "chen.jing", "oneTimePassword", adminOneTime, "newPassword", "控制台管理员的新密码 2026"));
        fixture.put("viewer", Map.of("username", "zhao.min", "password", viewerPassword));
        // a self-run street station is advised a head (Shangcheng 001 四、(三)): posting one answers it
        fixture.put("station", Map.of("name", STATION, "fixableFinding", "站长"));
        fixture.put("worker", Map.of("name", WORKER, "role", "站长"));
        fixture.put("otherTenantStationId", otherStation);
        // Shangcheng's head "from talents" asks a 社会工作师 certificate, which the worker holds
        fixture.put("whatIf", Map.of("rule", "shangcheng_head_from_talents"));
        fixture.put("publishOn", "2027-01-01");
        fixture.put("brief", Map.of("month", "2026年11月", "station", BRIEF_STATION, "records", "1", "served", "12",
                "previousServed", "4"));
        return fixture;
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(server.getURL() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
