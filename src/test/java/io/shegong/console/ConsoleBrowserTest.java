package io.shegong.console;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.shegong.core.security.Passwords;
import io.shegong.support.GraphQLTestBase;
import io.shegong.support.PasswordLogin;
import io.shegong.support.Result;
import io.shegong.support.TestDatabase;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
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
    private static final String SCHOOL = "南京市鼓楼区琅琊路小学";
    private static final String OPERATED_STATION = "南京市鼓楼区湖南路街道社会工作站";
    private static final String PLATFORM_USER = "console.platform";
    private static final String PILOT_STATION = "鼓楼区社工站试点";
    private static final String PROJECT = "党建引领邻里守望";
    private static final String CASE = "为独居老人织密邻里守望网";
    private static final String CONTRACT_OPERATOR = "鼓楼区湖南路社会工作服务中心";
    private static final String CONTRACT = "湖南路街道社工站运营服务项目";
    private static final String NEXT_CONTRACT = "湖南路街道社工站运营服务项目（2027—2029年）";
    private static final String EDITED_OPERATOR = "鼓楼区华侨路社会工作服务中心";

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
                "excel-import-dry-run-fix-import-export", "operator-registers-posts-and-trains", "policy-conditions-checked-while-typing-and-printable-report",
                "platform-admin-creates-and-deactivates-a-tenant", "admin-moves-a-station-through-its-life-cycle",
                "operator-records-activity-and-closes-due-item", "supervisor-finding-rectified-and-reinspected",
                "admin-accepts-featured-case", "monthly-brief",
                "admin-registers-operator-and-contract", "operator-staff-submits-monthly-brief", "supervisor-fails-contract-evaluation",
                "admin-signs-pays-and-terminates-a-contract", "admin-sets-worker-employer", "admin-keeps-divisions",
                "admin-edits-operator-user-and-withdraws-a-revision", "admin-designates-and-serves-a-school",
                "admin-renews-a-contract")) {
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
        // Shangcheng's calendar owes the bureau alone: two milestones of the street stations give the
        // operator an item to close (overdue since 10 November) and one still due
        Map<String, Object> template = draft.get("createPolicyDraft.profile.document");
        Map<String, Object> document = new HashMap<>(template);
        @SuppressWarnings("unchecked")
        List<Object> calendar = new ArrayList<>((List<Object>) template.get("calendar"));
        calendar.add(milestone("quarterly_report", "报送季度服务情况报告", "Quarterly service report", "11-10"));
        calendar.add(milestone("year_end_summary", "报送年度工作总结", "Year-end summary", "12-15"));
        document.put("calendar", calendar);
        // Shangcheng's document sets no contract rule: two of Weihai's give the contract scenarios a
        // three-year term whose words (最长不超过) refuse a longer one, and a failed annual evaluation
        // to end a contract on
        @SuppressWarnings("unchecked")
        Map<String, Object> contracts = new HashMap<>((Map<String, Object>) template.getOrDefault("contracts", Map.of()));
        contracts.put("rules", List.of(
                Map.of("code", "console_contract_max_term", "check", "MAX_TERM", "years", 3,
                        "labelZh", "政府购买服务合同履行期限最长不超过3年", "labelEn", "A service contract runs at most 3 years",
                        "source", "控制台测试", "wording", "政府购买服务合同履行期限最长不超过3年"),
                Map.of("code", "console_contract_end_after_failed_evaluation", "check", "END_AFTER_FAILED_EVALUATION", "kind", "ANNUAL",
                        "labelZh", "承接主体上年绩效评估不合格的，次年终止政府购买服务合同",
                        "labelEn", "A failed annual evaluation ends the contract the following year",
                        "source", "控制台测试", "wording", "承接主体上年绩效评估不合格的，次年终止政府购买服务合同")));
        document.put("contracts", contracts);
        Result updated = admin.run("updatePolicyDraft", "input", Map.of("id", draft.string("createPolicyDraft.profile.id"),
                "version", draft.integer("createPolicyDraft.profile.version"), "document", document)).assertOk();
        admin.run("publishPolicyProfile", "input", Map.of("id", updated.string("updatePolicyDraft.profile.id"),
                "version", updated.integer("updatePolicyDraft.profile.version"), "effectiveFrom", "2026-01-01")).assertOk();
        String operatedStation = admin.run("createStation", "input", Map.of("code", "hunanlu", "name", OPERATED_STATION,
                "kind", "street_station", "divisionId", hunanlu, "operatingMode", "PURCHASED", "status", "OPERATING",
                "statusSince", "2026-03-01")).assertOk().string("createStation.station.id");
        // the monthly brief's figures: one record this month (November) and one the month before
        admin.run("recordActivity", "input", Map.of("stationId", operatedStation, "kind", "group_work", "title", "长者健康小组",
                "heldOn", "2026-11-10", "hours", 2.5, "volunteers", 3, "volunteerHours", 6,
                "beneficiaries", List.of(Map.of("category", "elderly", "count", 12)))).assertOk();
        admin.run("recordActivity", "input", Map.of("stationId", operatedStation, "kind", "case_work", "title", "困境儿童个案",
                "heldOn", "2026-10-20", "hours", 1, "beneficiaries", List.of(Map.of("category", "children", "count", 4)))).assertOk();
        // a signed contract for the Hunanlu station: its operator's staff report under it, a supervisor evaluates it
        String operatorId = admin.run("registerOperator", "input", Map.of("name", CONTRACT_OPERATOR,
                "creditCode", "52370000000000002U")).assertOk().string("registerOperator.operator.id");
        Result contract = admin.run("createContract", "input", Map.of("title", CONTRACT, "purchaserId", district,
                "landingPartyId", hunanlu, "operatorId", operatorId, "stationIds", List.of(operatedStation),
                "startsOn", "2026-01-01", "endsOn", "2027-12-31", "price", "300000.00",
                "tranches", List.of(Map.of("dueOn", "2026-03-01", "amount", "150000.00")))).assertOk();
        admin.run("signContract", "input", Map.of("id", contract.string("createContract.contract.id"),
                "version", contract.integer("createContract.contract.version"), "signedOn", "2025-12-20")).assertOk();
        // the same operator's next term, which the last scenario renews the contract into
        Result next = admin.run("createContract", "input", Map.of("title", NEXT_CONTRACT, "purchaserId", district,
                "landingPartyId", hunanlu, "operatorId", operatorId, "stationIds", List.of(operatedStation),
                "startsOn", "2027-01-01", "endsOn", "2029-12-31", "price", "450000.00")).assertOk();
        admin.run("signContract", "input", Map.of("id", next.string("createContract.contract.id"),
                "version", next.integer("createContract.contract.version"), "signedOn", "2026-11-20")).assertOk();
        // an operator of no contract, for the administrator to suspend, reactivate and correct
        admin.run("registerOperator", "input", Map.of("name", EDITED_OPERATOR, "creditCode", "52320106MJ5500011G",
                "contactPerson", "吴敏", "contactPhone", "025-83300000")).assertOk();
        String station = admin.run("createStation", "input", Map.of("code", "ninghailu", "name", STATION, "kind", "street_station",
                "divisionId", ninghailu, "operatingMode", "SELF_RUN", "status", "OPERATING", "statusSince", "2026-03-01"))
                .assertOk().string("createStation.station.id");
        admin.run("saveServicePlan", "input", Map.of("stationId", station, "year", 2026, "projects", List.of(
                Map.of("name", PROJECT, "slot", "core")))).assertOk();
        admin.run("submitFeaturedCase", "input", Map.of("stationId", station, "year", 2026, "kind", "individual",
                "title", CASE, "summary", "独居老人的社区支持网络", "body", "通过个案管理为独居老人建立邻里互助与定期探访。")).assertOk();
        String worker = admin.run("registerWorker", "input", Map.of("name", WORKER, "educationLevel", "BACHELOR",
                "birthDate", "1992-04-01", "certificateLevel", "INTERMEDIATE", "certificateDate", "2020-06-01",
                "lastRecordCheckOn", "2026-05-01")).assertOk().string("registerWorker.worker.id");
        // a school no station serves: the gap of Shangcheng's "every school" target on the overview
        admin.run("registerHostFacility", "input", Map.of("name", SCHOOL, "divisionId", ninghailu)).assertOk();
        // a city supervisor: Shangcheng's head "from talents or supervisors" holds for them
        admin.run("designate", "input", Map.of("kind", "SUPERVISOR", "level", "CITY", "workerId", worker,
                "awardedOn", "2024-03-01")).assertOk();
        // a station only signed, with one post, for the administrator to open, visit, and close
        String pilot = admin.run("createStation", "input", Map.of("code", "pilot", "name", PILOT_STATION, "kind", "street_station",
                "divisionId", hunanlu, "operatingMode", "PURCHASED", "status", "SIGNED", "statusSince", "2026-03-01"))
                .assertOk().string("createStation.station.id");
        String pilotWorker = admin.run("registerWorker", "input", Map.of("name", "周杰", "educationLevel", "COLLEGE"))
                .assertOk().string("registerWorker.worker.id");
        admin.run("assignWorker", "input", Map.of("workerId", pilotWorker, "stationId", pilot, "role", "SOCIAL_WORKER",
                "startsOn", "2026-09-01", "fullTime", false)).assertOk();
        Result viewerCreated = admin.run("createUser", "input", Map.of("username", "zhao.min", "displayName", "赵敏",
                "roles", List.of("VIEWER"))).assertOk();
        String viewerPassword = "只读用户的新密码 2026";
        new PasswordLogin(server, json).firstLogin(code, "zhao.min", viewerCreated.string("createUser.oneTimePassword"), viewerPassword);

        // an operator granted the Hunanlu station only, as an administrator would set one up in the console
        Result operatorCreated = admin.run("createUser", "input", Map.of("username", "wang.fang", "displayName", "王芳",
                "roles", List.of("STATION_OPERATOR"), "stationIds", List.of(operatedStation))).assertOk();
        String operatorPassword = "站点运营人员的新密码 2026";
        new PasswordLogin(server, json).firstLogin(code, "wang.fang", operatorCreated.string("createUser.oneTimePassword"), operatorPassword);
        String platformPassword = platformUser();
        // an operator granted the Ninghailu station, who records its year, and a supervisor: both
        // have chosen their passwords
        String yearOperatorPassword = "站点运营的新密码 2026";
        Result yearOperatorCreated = admin.run("createUser", "input", Map.of("username", "wang.lei", "displayName", "王磊",
                "roles", List.of("STATION_OPERATOR"))).assertOk();
        new PasswordLogin(server, json).firstLogin(code, "wang.lei", yearOperatorCreated.string("createUser.oneTimePassword"),
                yearOperatorPassword);
        admin.run("grantStation", "input", Map.of("subject", code + ":wang.lei", "stationId", station)).assertOk();
        String supervisorPassword = "督导人员的新密码 2026";
        Result supervisorCreated = admin.run("createUser", "input", Map.of("username", "li.na", "displayName", "李娜",
                "roles", List.of("SUPERVISOR"))).assertOk();
        new PasswordLogin(server, json).firstLogin(code, "li.na", supervisorCreated.string("createUser.oneTimePassword"), supervisorPassword);

        // a station operator not yet granted a station, for the administrator to rename and grant one
        admin.run("createUser", "input", Map.of("username", "zhou.xin", "displayName", "周欣",
                "roles", List.of("STATION_OPERATOR"))).assertOk();

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
        // the what-if asks the head a senior certificate instead, which the worker lacks
        fixture.put("whatIf", Map.of("rule", "shangcheng_head_from_talents"));
        fixture.put("publishOn", "2027-01-01");
        fixture.put("target", Map.of("label", "一校一社工", "lacking", SCHOOL));
        fixture.put("operator", Map.of("username", "wang.fang", "password", operatorPassword, "station", OPERATED_STATION,
                "worker", "孙丽", "trainedOn", "2026-11-02"));
        fixture.put("lifecycle", Map.of("station", PILOT_STATION, "worker", "周杰", "tooEarly", "2026-02-01", "operatingOn", "2026-11-02"));
        fixture.put("platform", Map.of("username", PLATFORM_USER, "password", platformPassword));
        fixture.put("yearOperator", Map.of("username", "wang.lei", "password", yearOperatorPassword));
        fixture.put("supervisor", Map.of("username", "li.na", "password", supervisorPassword));
        fixture.put("dueItem", "报送季度服务情况报告");
        fixture.put("featuredCase", CASE);
        fixture.put("contract", Map.of("title", CONTRACT, "operator", CONTRACT_OPERATOR, "district", "鼓楼区", "street", "湖南路街道",
                "station", OPERATED_STATION, "creditCode", "52370000000000001Q", "wrongCreditCode", "52370000000000001A",
                "next", NEXT_CONTRACT));
        fixture.put("project", PROJECT);
        // withdrawOn is after publishOn: a revision is published no earlier than the latest one
        fixture.put("edits", Map.of("operator", EDITED_OPERATOR, "creditCode", "52320106MJ5500011G",
                "wrongCreditCode", "52320106MJ5500011A", "contactPerson", "钱程", "user", "zhou.xin", "renamed", "周欣然",
                "station", STATION, "withdrawOn", "2027-07-01"));
        fixture.put("brief", Map.of("month", "2026年11月", "station", OPERATED_STATION, "records", "1", "served", "12",
                "previousServed", "4"));
        return fixture;
    }

    /** A milestone every street station owes each year by `monthDay`, in the profile's own format. */
    private static Map<String, Object> milestone(String code, String labelZh, String labelEn, String monthDay) {
        return Map.of("code", code, "labelZh", labelZh, "labelEn", labelEn,
                "responsible", Map.of("stations", List.of("street_station")), "annually", monthDay,
                "evidence", Map.of("labelZh", "报告及报送记录", "labelEn", "The report and its filing"),
                "source", "控制台测试", "wording", labelZh, "severity", "ADVISORY");
    }

    /**
     * A platform administrator of the console's own, with a password set as an operator of the
     * service would (the service's role cannot write platform users): the demo's one is left to
     * the login tests, whose throttling it shares.
     */
    private static String platformUser() {
        String password = "平台管理员的密码 2026";
        try (Connection c = TestDatabase.admin(); PreparedStatement st = c.prepareStatement("""
                INSERT INTO platform_user (id, username, password_hash) VALUES (gen_random_uuid(), ?, ?)
                ON CONFLICT (username) DO UPDATE SET password_hash = EXCLUDED.password_hash, active = true""")) {
            st.setString(1, PLATFORM_USER);
            st.setString(2, Passwords.hash(password));
            st.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return password;
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(server.getURL() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
