package io.shegong.compliance;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.shegong.support.GraphQLTestBase;
import io.shegong.support.Result;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.shegong.support.Fixtures.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * For every rule of each demo bureau's published profile, a station or worker that passes and
 * one that fails, with the message the bureau reads and the severity and wording the profile
 * gives the rule; and for every milestone of its calendar, an overdue item closed by its
 * completion. The rules are read from the profile itself, so a rule added to a profile is
 * covered too.
 */
@MicronautTest(transactional = false)
@SuppressWarnings("unchecked")
class EveryRuleTest extends GraphQLTestBase {
    private static final Pattern NEEDS = Pattern.compile("needs (\\d+) ");
    private static final List<String> MODES = List.of("SELF_RUN", "GOVERNMENT_AND_THIRD_PARTY", "MIXED", "PURCHASED");
    /** A domain the profile in force declares, for kinds that need one. */
    private String domain = "youth";

    /** Meets any reasonable qualification: young, highly educated, senior certificate, long service, trained. */
    private static Map<String, Object> strongWorker(String name) {
        return new HashMap<>(Map.of("name", name, "birthDate", "1990-03-01", "educationLevel", "MASTER",
                "educationMajor", "社会工作", "certificateLevel", "SENIOR", "certificateDate", "2015-06-01",
                "socialWorkYears", 12, "communityWorkYears", 10, "lastRecordCheckOn", TODAY.minusMonths(1).toString(),
                "fullTime", true));
    }

    /** Meets none: older, secondary school, no certificate, no experience, part-time, never checked. */
    private static Map<String, Object> weakWorker(String name) {
        return new HashMap<>(Map.of("name", name, "birthDate", "1960-03-01", "educationLevel", "SECONDARY",
                "certificateLevel", "NONE", "socialWorkYears", 0, "communityWorkYears", 0, "fullTime", false));
    }

    @ParameterizedTest
    @ValueSource(strings = {"qingpu", "yangpu", "shangcheng", "weihai", "wuhan"})
    void everyRule_hasAPassingAndAFailingCase(String tenant) {
        Client admin = as(tenant, "TENANT_ADMIN");
        Map<String, Object> doc = admin.run("profileDocument").assertOk().get("policyProfile.document");
        assertNotNull(doc, tenant + " has no profile in force");
        List<Map<String, Object>> kinds = list(doc, "stationKinds");
        List<Map<String, Object>> domains = list((Map<String, Object>) doc.getOrDefault("vocabularies", Map.of()), "domains");
        domain = domains.isEmpty() ? "youth" : (String) domains.getFirst().get("code");
        String division = streetDivision(admin);
        int checked = 0;
        for (Map<String, Object> kind : kinds) {
            checked += kindRules(admin, doc, kind, division);
        }
        for (Map<String, Object> rule : list(doc, "qualificationRules")) {
            qualificationRule(admin, kinds, rule, division);
            checked++;
        }
        for (Map<String, Object> check : list(doc, "recordChecks")) {
            recordCheck(admin, kinds.getFirst(), check, division);
            checked++;
        }
        for (Map<String, Object> minimum : list(doc, "yearlyMinimums")) {
            yearlyMinimum(admin, kinds, minimum, division);
            checked++;
        }
        Map<String, Object> catalogue = (Map<String, Object>) doc.getOrDefault("catalogue", Map.of());
        for (Map<String, Object> model : list(catalogue, "models")) {
            checked += catalogueModel(admin, kinds, model, list(catalogue, "excluded"), division);
        }
        for (Map<String, Object> milestone : list(doc, "calendar")) {
            milestone(admin, kinds, milestone, division);
            checked++;
        }
        assertTrue(checked > 0, tenant + ": no rules checked");
    }

    /**
     * A milestone of the calendar: an item of it overdue on the day after its date (a finding on
     * its station when a station owes it), closed by its completion.
     */
    private void milestone(Client admin, List<Map<String, Object>> kinds, Map<String, Object> m, String division) {
        String code = (String) m.get("code");
        Map<String, Object> responsible = m.get("responsible") instanceof Map<?, ?> r ? (Map<String, Object>) r : Map.of();
        String created = null;
        java.time.LocalDate day;
        if (m.get("by") != null) {
            day = java.time.LocalDate.parse((String) m.get("by"));
        } else if (m.get("annually") != null) {
            day = java.time.LocalDate.parse(TODAY.getYear() - 1 + "-" + m.get("annually"));
        } else {
            Map<String, Object> after = (Map<String, Object>) m.get("after");
            int months = ((Number) after.getOrDefault("months", 0)).intValue();
            int days = ((Number) after.getOrDefault("days", 0)).intValue();
            day = TODAY.minusDays(1);
            java.time.LocalDate since = day.minusDays(days).minusMonths(months);
            List<String> owing = (List<String>) responsible.getOrDefault("stations", List.of());
            Map<String, Object> kind = kinds.stream().filter(k -> owing.isEmpty() || owing.contains(k.get("code")))
                    .findFirst().orElseThrow();
            Map<String, Object> in = new HashMap<>(Map.of("code", unique("due"), "name", "测试社工站", "kind", kind.get("code"),
                    "divisionId", division, "operatingMode", "SELF_RUN", "status", "SIGNED", "statusSince", since.toString()));
            if (Boolean.TRUE.equals(kind.get("requiresDomain"))) {
                in.put("domain", domain);
            }
            created = admin.run("createStation", "input", in).assertOk().string("createStation.station.id");
            day = since.plusMonths(months).plusDays(days);
        }
        String createdId = created;
        List<Map<String, Object>> items = admin.run("dueItems", "from", day.toString(), "to", day.toString()).assertOk().get("dueItems");
        List<Map<String, Object>> first = items;
        if (items.stream().noneMatch(i -> code.equals(i.get("milestone")) && "OVERDUE".equals(i.get("status")))) {
            // the bureau's only item closed in the demo data: reopened, it is overdue again
            Map<String, Object> closed = items.stream().filter(i -> code.equals(i.get("milestone"))
                    && i.get("station") == null && i.get("division") == null).findFirst()
                    .orElseThrow(() -> new AssertionError(code + ": no item on " + m + " in " + first));
            assertEquals("OVERDUE", admin.run("reopenDueItem", "input", Map.of("milestone", code, "year", closed.get("year")))
                    .assertOk().string("reopenDueItem.dueItem.status"));
            items = admin.run("dueItems", "from", day.toString(), "to", day.toString()).assertOk().get("dueItems");
        }
        List<Map<String, Object>> found = items;
        Map<String, Object> item = found.stream()
                .filter(i -> code.equals(i.get("milestone")) && "OVERDUE".equals(i.get("status")))
                .filter(i -> {
                    // the station created for it, or one operating since before the day (checked then)
                    Map<String, Object> st = (Map<String, Object>) i.get("station");
                    return st == null || (createdId != null ? createdId.equals(st.get("id")) : "OPERATING".equals(st.get("status")));
                })
                .findFirst().orElseThrow(() -> new AssertionError(code + ": no overdue item on " + m + " in " + found));
        assertEquals(m.get("severity"), item.get("severity"), item.toString());
        assertEquals(m.get("wording"), item.get("wording"), item.toString());
        assertEquals(m.get("source"), item.get("source"), item.toString());
        Map<String, Object> input = new HashMap<>(Map.of("milestone", code, "year", day.getYear(), "doneOn", day.toString(),
                "evidence", "测试"));
        String station = item.get("station") == null ? null : (String) ((Map<String, Object>) item.get("station")).get("id");
        if (station != null) {
            input.put("stationId", station);
            Map<String, Object> failing = admin.run("stationCompliance", "id", station, "on", day.plusDays(1).toString()).assertOk()
                    .<List<Map<String, Object>>>get("node.compliance.findings").stream()
                    .filter(f -> code.equals(f.get("rule"))).findFirst()
                    .orElseThrow(() -> new AssertionError(code + ": an overdue station item is no finding"));
            assertWeighs(failing, m);
            assertTrue(failing.get("messageEn").toString().contains(day.toString()), failing.toString());
        } else if (item.get("division") != null) {
            input.put("divisionId", ((Map<String, Object>) item.get("division")).get("id"));
        }
        Result done = admin.run("completeDueItem", "input", input).assertOk();
        assertEquals("DONE", done.string("completeDueItem.dueItem.status"), code);
        if (station != null) {
            assertNoFinding(admin.run("stationCompliance", "id", station, "on", day.plusDays(1).toString()).assertOk()
                    .get("node.compliance.findings"), code);
        }
    }

    /** Naming, rooms, rules and staffing of one kind. */
    private int kindRules(Client admin, Map<String, Object> doc, Map<String, Object> kind, String division) {
        int checked = 0;
        Map<String, Object> naming = (Map<String, Object>) kind.get("naming");
        Map<String, Object> roomRule = (Map<String, Object>) kind.getOrDefault("rooms", Map.of());
        Map<String, Object> ruleRule = (Map<String, Object>) kind.getOrDefault("rules", Map.of());
        String template = naming == null ? null : (String) naming.get("template");
        List<String> rooms = (List<String>) roomRule.getOrDefault("required", List.of());
        List<String> rules = (List<String>) ruleRule.getOrDefault("required", List.of());
        String good = template == null ? "测试社工站" : template.replaceAll("\\{[a-zA-Z]+}", "示例");
        String bare = station(admin, kind, division, "不合规范的站名", List.of(), List.of());
        String full = station(admin, kind, division, good, rooms, rules);
        List<Map<String, Object>> bareFindings = findings(admin, bare);
        List<Map<String, Object>> fullFindings = findings(admin, full);
        if (template != null) {
            assertWeighs(assertFinding(bareFindings, "naming", "命名规则", "naming rule"), naming);
            assertNoFinding(fullFindings, "naming");
            checked++;
        }
        if (!rooms.isEmpty()) {
            assertWeighs(assertFinding(bareFindings, "required_rooms", "缺少功能室", "missing rooms"), roomRule);
            assertNoFinding(fullFindings, "required_rooms");
            checked++;
        }
        if (!rules.isEmpty()) {
            assertWeighs(assertFinding(bareFindings, "required_rules", "缺少制度", "missing rules"), ruleRule);
            assertNoFinding(fullFindings, "required_rules");
            checked++;
        }
        String staffing = (String) kind.get("staffingRule");
        if (staffing != null) {
            Map<String, Object> rule = list(doc, "staffingRules").stream()
                    .filter(r -> staffing.equals(r.get("code"))).findFirst().orElseThrow();
            Map<String, Object> failing = bareFindings.stream().filter(f -> staffing.equals(f.get("rule"))).findFirst()
                    .orElseThrow(() -> new AssertionError(kind.get("code") + ": empty station passes " + staffing + ": " + bareFindings));
            assertTrue(((String) failing.get("messageEn")).endsWith("has 0"), failing.toString());
            assertTrue(((String) failing.get("messageZh")).contains("现有0名"), failing.toString());
            assertNotNull(failing.get("source"));
            assertWeighs(failing, rule);
            for (Map<String, Object> role : (List<Map<String, Object>>) rule.getOrDefault("requiredRoles", List.of())) {
                roleRequirement(admin, kind, division, staffing, role,
                        (List<Map<String, Object>>) rule.get("requiredRoles"));
                checked++;
            }
            Matcher m = NEEDS.matcher((String) failing.get("messageEn"));
            assertTrue(m.find());
            staff(admin, full, Integer.parseInt(m.group(1)), rule);
            List<Map<String, Object>> staffed = findings(admin, full);
            assertTrue(staffed.stream().noneMatch(f -> Objects.toString(f.get("rule")).startsWith(staffing)),
                    kind.get("code") + " still fails " + staffing + " when staffed: " + staffed);
            checked++;
        }
        return checked;
    }

    /**
     * A post a staffing rule sets, under the operating modes it names (every mode when none): a
     * station run so, with the staff the post waits for, has the finding (none when the post is
     * optional) and loses it with the post filled; a station run otherwise has none.
     */
    private void roleRequirement(Client admin, Map<String, Object> kind, String division, String staffing,
                                 Map<String, Object> role, List<Map<String, Object>> all) {
        String code = staffing + "_" + role.get("role").toString().toLowerCase();
        List<String> modes = (List<String>) role.getOrDefault("operatingModes", List.of());
        int staff = ((Number) role.getOrDefault("whenStaffAtLeast", 0)).intValue();
        boolean optional = Boolean.TRUE.equals(role.get("optional"));
        String inMode = station(admin, kind, division, "测试社工站", List.of(), List.of(), modes.isEmpty() ? "SELF_RUN" : modes.getFirst());
        post(admin, inMode, staff, "SOCIAL_WORKER");
        List<Map<String, Object>> without = findings(admin, inMode);
        if (optional) {
            assertNoFinding(without, code);
        } else {
            Map<String, Object> f = without.stream().filter(x -> code.equals(x.get("rule"))).findFirst()
                    .orElseThrow(() -> new AssertionError("a station without the post passes " + code + ": " + without));
            assertWeighs(f, role);
            assertTrue(f.get("messageEn").toString().matches("needs \\d+ [a-z ]+[a-z]( when [a-z0-9 -]+)?; has 0"), f.toString());
        }
        post(admin, inMode, 1, (String) role.get("role"));
        assertNoFinding(findings(admin, inMode), code);
        // a mode the rule sets the post for in none of its requirements
        MODES.stream().filter(other -> all.stream().noneMatch(r -> expects(r, (String) role.get("role"), other)))
                .findFirst().ifPresent(other -> {
                    String otherwise = station(admin, kind, division, "测试社工站", List.of(), List.of(), other);
                    post(admin, otherwise, staff, "SOCIAL_WORKER");
                    assertNoFinding(findings(admin, otherwise), code);
                });
    }

    /** Whether a requirement expects a post of the role at stations run in the mode. */
    private static boolean expects(Map<String, Object> requirement, String role, String mode) {
        List<?> modes = (List<?>) requirement.getOrDefault("operatingModes", List.of());
        return role.equals(requirement.get("role")) && !Boolean.TRUE.equals(requirement.get("optional"))
                && (modes.isEmpty() || modes.contains(mode));
    }

    /** Posts n strong workers in one role. */
    private void post(Client admin, String station, int n, String role) {
        for (int i = 0; i < n; i++) {
            admin.run("assignWorker", "input", Map.of("workerId", register(admin, strongWorker("在岗社工" + i)), "stationId", station,
                    "role", role, "startsOn", "2024-01-01")).assertOk();
        }
    }

    /** Posts n strong workers: a head, a deputy, then social workers. */
    private void staff(Client admin, String station, int n, Map<String, Object> rule) {
        int count = Math.max(n, ((List<?>) rule.getOrDefault("requiredRoles", List.of())).isEmpty() ? n : Math.max(n, 1));
        for (int i = 0; i < count; i++) {
            String w = register(admin, strongWorker("达标社工" + i));
            String role = i == 0 ? "HEAD" : i == 1 && count >= 5 ? "DEPUTY_HEAD" : "SOCIAL_WORKER";
            admin.run("assignWorker", "input", Map.of("workerId", w, "stationId", station, "role", role,
                    "startsOn", "2024-01-01")).assertOk();
        }
    }

    private void qualificationRule(Client admin, List<Map<String, Object>> kinds, Map<String, Object> rule, String division) {
        List<String> ruleKinds = (List<String>) rule.getOrDefault("kinds", List.of());
        List<String> roles = (List<String>) rule.getOrDefault("roles", List.of());
        Map<String, Object> kind = ruleKinds.isEmpty() ? kinds.getFirst()
                : kinds.stream().filter(k -> ruleKinds.getFirst().equals(k.get("code"))).findFirst().orElseThrow();
        String role = roles.isEmpty() ? "SOCIAL_WORKER" : roles.getFirst();
        String station = station(admin, kind, division, "测试社工站", List.of(), List.of());
        String strong = register(admin, strongWorker("合格社工"));
        String weak = register(admin, weakWorker("不合格社工"));
        // the strong worker is a city leading talent and supervisor for good; where a rule is on
        // designated workers, the weak one holds its designation for a year, at district level
        for (String title : List.of("SUPERVISOR", "LEADING_TALENT")) {
            admin.run("designate", "input", Map.of("kind", title, "level", "CITY", "workerId", strong, "awardedOn", "2015-06-01"))
                    .assertOk();
        }
        List<String> designations = (List<String>) rule.getOrDefault("designations", List.of());
        if (!designations.isEmpty()) {
            admin.run("designate", "input", Map.of("kind", designations.getFirst(), "level", "DISTRICT", "workerId", weak,
                    "awardedOn", "2026-01-01", "endsOn", "2027-01-01")).assertOk();
        }
        for (String w : List.of(strong, weak)) {
            admin.run("assignWorker", "input", Map.of("workerId", w, "stationId", station, "role", role,
                    "startsOn", "2024-01-01", "fullTime", w.equals(strong))).assertOk(); // full-time is the post's
        }
        String code = (String) rule.get("code");
        Map<String, Object> pass = qualification(admin, strong, code);
        assertEquals(true, pass.get("satisfied"), pass.toString());
        assertNotNull(pass.get("satisfiedBy"));
        Map<String, Object> fail = qualification(admin, weak, code);
        assertEquals(false, fail.get("satisfied"), fail.toString());
        for (Map<String, Object> alt : (List<Map<String, Object>>) fail.get("alternatives")) {
            assertFalse(((List<?>) alt.get("failingZh")).isEmpty(), alt.toString());
        }
        Map<String, Object> finding = findings(admin, station).stream()
                .filter(f -> code.equals(f.get("rule")) && f.get("messageZh").toString().startsWith("不合格社工"))
                .findFirst().orElseThrow(() -> new AssertionError("no finding for " + code));
        assertTrue(finding.get("messageZh").toString().contains((String) rule.get("labelZh")), finding.toString());
        assertTrue(finding.get("messageEn").toString().contains("does not meet"), finding.toString());
        assertEquals(rule.get("source"), finding.get("source"));
        assertWeighs(finding, rule);
    }

    private void recordCheck(Client admin, Map<String, Object> kind, Map<String, Object> check, String division) {
        String station = station(admin, kind, division, "测试社工站", List.of(), List.of());
        String strong = register(admin, strongWorker("已查询社工"));
        String weak = register(admin, weakWorker("未查询社工"));
        for (String w : List.of(strong, weak)) {
            admin.run("assignWorker", "input", Map.of("workerId", w, "stationId", station, "role", "SOCIAL_WORKER",
                    "startsOn", "2024-01-01")).assertOk();
        }
        List<Map<String, Object>> found = findings(admin, station).stream().filter(f -> check.get("code").equals(f.get("rule"))).toList();
        assertEquals(1, found.size(), found.toString());
        String expected = "未查询社工没有违法犯罪记录查询记录"
                + (Boolean.TRUE.equals(check.get("bureauSetting")) ? "（本局自行设定，非文件规定）" : "");
        assertEquals(expected, found.getFirst().get("messageZh"));
        assertWeighs(found.getFirst(), check);
    }

    /**
     * An empty plan fails every slot with a minimum; a plan with each slot's minimum (items taken
     * from the slot) passes; every excluded activity is refused on save.
     */
    private int catalogueModel(Client admin, List<Map<String, Object>> kinds, Map<String, Object> model,
                               List<Map<String, Object>> excluded, String division) {
        List<String> modelKinds = (List<String>) model.get("kinds");
        Map<String, Object> kind = kinds.stream().filter(k -> modelKinds.contains(k.get("code"))).findFirst().orElseThrow();
        String station = station(admin, kind, division, "测试社工站", List.of(), List.of());
        int year = TODAY.getYear();
        List<Map<String, Object>> slots = (List<Map<String, Object>>) model.get("slots");
        admin.run("saveServicePlan", "input", Map.of("stationId", station, "year", year, "projects", List.of())).assertOk();
        List<Map<String, Object>> empty = findings(admin, station);
        List<Map<String, Object>> projects = new ArrayList<>();
        for (Map<String, Object> slot : slots) {
            int minimum = ((Number) slot.getOrDefault("minimum", 0)).intValue();
            if (minimum > 0) {
                assertWeighs(assertFinding(empty, "service_plan_" + slot.get("code"), "至少需要" + minimum,
                        "needs at least " + minimum), model);
            }
            List<Map<String, Object>> items = (List<Map<String, Object>>) slot.getOrDefault("items", List.of());
            for (int i = 0; i < Math.max(minimum, 1); i++) {
                Map<String, Object> p = new HashMap<>(Map.of("name", "项目" + slot.get("code") + i, "slot", slot.get("code")));
                if (!items.isEmpty()) {
                    p.put("item", items.get(i % items.size()).get("code"));
                }
                projects.add(p);
            }
        }
        admin.run("saveServicePlan", "input", Map.of("stationId", station, "year", year, "version", 1, "projects", projects)).assertOk();
        List<Map<String, Object>> full = findings(admin, station);
        assertTrue(full.stream().noneMatch(f -> f.get("rule").toString().startsWith("service_plan")), full.toString());
        Map<String, Object> anySlot = slots.getFirst();
        for (Map<String, Object> x : excluded) {
            admin.run("saveServicePlan", "input", Map.of("stationId", station, "year", year, "version", 2,
                    "projects", List.of(Map.of("name", "不应列入的事项", "slot", anySlot.get("code"), "item", x.get("code")))))
                    .assertError("BAD_USER_INPUT", "input.projects[0].item");
        }
        return 1 + excluded.size();
    }

    private String station(Client admin, Map<String, Object> kind, String division, String name, List<String> rooms, List<String> rules) {
        return station(admin, kind, division, name, rooms, rules, "SELF_RUN");
    }

    private String station(Client admin, Map<String, Object> kind, String division, String name, List<String> rooms,
                           List<String> rules, String mode) {
        Map<String, Object> in = new HashMap<>(Map.of("code", unique("rule"), "name", name, "kind", kind.get("code"),
                "divisionId", division, "operatingMode", mode, "status", "OPERATING", "statusSince", "2023-06-01",
                "rooms", rooms, "rules", rules));
        if (Boolean.TRUE.equals(kind.get("requiresDomain"))) {
            in.put("domain", domain);
        }
        return admin.run("createStation", "input", in).assertOk().string("createStation.station.id");
    }

    private String register(Client admin, Map<String, Object> worker) {
        return admin.run("registerWorker", "input", worker).assertOk().string("registerWorker.worker.id");
    }

    /**
     * On the minimum's day, a station without cases falls short; with the minimum of each kind
     * named (or of any kind) submitted, it does not. Before the day, nothing is found.
     */
    private void yearlyMinimum(Client admin, List<Map<String, Object>> kinds, Map<String, Object> rule, String division) {
        List<String> ruleKinds = (List<String>) rule.get("kinds");
        Map<String, Object> kind = kinds.stream().filter(k -> ruleKinds.contains(k.get("code"))).findFirst().orElseThrow();
        String station = station(admin, kind, division, "测试社工站", List.of(), List.of());
        String due = TODAY.getYear() + "-" + rule.get("by");
        List<Map<String, Object>> before = admin.run("stationCompliance", "id", station, "on", TODAY.toString()).assertOk()
                .get("node.compliance.findings");
        assertNoFinding(before, (String) rule.get("code"));
        List<Map<String, Object>> lacking = admin.run("stationCompliance", "id", station, "on", due).assertOk()
                .get("node.compliance.findings");
        assertWeighs(assertFinding(lacking, (String) rule.get("code"), "案例", "featured case"), rule);
        int minimum = ((Number) rule.get("minimum")).intValue();
        List<String> caseKinds = (List<String>) rule.getOrDefault("eachKind", List.of());
        for (String caseKind : caseKinds.isEmpty() ? List.of("general") : caseKinds) {
            for (int i = 0; i < minimum; i++) {
                admin.run("submitFeaturedCase", "input", Map.of("stationId", station, "year", TODAY.getYear(), "kind", caseKind,
                        "title", "案例" + i, "summary", "摘要", "body", "正文")).assertOk();
            }
        }
        assertNoFinding(admin.run("stationCompliance", "id", station, "on", due).assertOk().get("node.compliance.findings"),
                (String) rule.get("code"));
    }

    private List<Map<String, Object>> findings(Client admin, String station) {
        return admin.run("stationCompliance", "id", station).assertOk().get("node.compliance.findings");
    }

    private Map<String, Object> qualification(Client admin, String worker, String rule) {
        List<Map<String, Object>> all = admin.run("workerQualification", "id", worker).assertOk().get("node.qualification");
        return all.stream().filter(q -> rule.equals(q.get("rule"))).findFirst()
                .orElseThrow(() -> new AssertionError("rule " + rule + " not evaluated: " + all));
    }

    /** A street-level division, whose attributes (community count, zone) the staffing brackets read. */
    private String streetDivision(Client admin) {
        Result r = admin.run("divisions", "filter", Map.of("level", "STREET"), "first", 50).assertOk();
        List<Map<String, Object>> edges = r.get("divisions.edges");
        return edges.stream().map(e -> (Map<String, Object>) e.get("node"))
                .filter(d -> d.get("communityCount") != null || d.get("zone") != null)
                .map(d -> (String) d.get("id")).findFirst()
                .orElse((String) ((Map<String, Object>) edges.getFirst().get("node")).get("id"));
    }

    private static Map<String, Object> assertFinding(List<Map<String, Object>> findings, String rule, String zh, String en) {
        Map<String, Object> f = findings.stream().filter(x -> rule.equals(x.get("rule"))).findFirst()
                .orElseThrow(() -> new AssertionError("expected " + rule + " in " + findings));
        assertTrue(f.get("messageZh").toString().contains(zh) && f.get("messageEn").toString().contains(en), f.toString());
        return f;
    }

    /** The finding weighs what the profile's rule says, with the rule's own words. */
    private static void assertWeighs(Map<String, Object> finding, Map<String, Object> rule) {
        assertNotNull(rule.get("wording"), "a rule without wording was published: " + rule);
        assertEquals(rule.get("severity"), finding.get("severity"), finding.toString());
        assertEquals(rule.get("wording"), finding.get("wording"), finding.toString());
        assertEquals(Boolean.TRUE.equals(rule.get("bureauSetting")), finding.get("bureauSetting"), finding.toString());
    }

    private static void assertNoFinding(List<Map<String, Object>> findings, String rule) {
        assertTrue(findings.stream().noneMatch(x -> rule.equals(x.get("rule"))), rule + " in " + findings);
    }

    private static List<Map<String, Object>> list(Map<String, Object> doc, String key) {
        return (List<Map<String, Object>>) doc.getOrDefault(key, new ArrayList<>());
    }
}
