package io.shegong.calendar;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.shegong.support.Fixtures;
import io.shegong.support.GraphQLTestBase;
import io.shegong.support.Result;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.shegong.support.Fixtures.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The bureaus' calendars (时间节点): due items expanded from each profile's milestones and the
 * registry, overdue ones as station findings, and the completions that close them. Each test
 * runs in a new bureau on one of the five templates, so that what it completes is its own. Today
 * is 2026-11-25 (the tests' clock).
 */
@MicronautTest(transactional = false)
@SuppressWarnings("unchecked")
class CalendarTest extends GraphQLTestBase {

    private String tenantOf(Client admin) {
        return admin.run("viewer").assertOk().string("viewer.tenant.code");
    }

    private static String station(Client admin, String kind, String division, String status, String since) {
        return admin.run("createStation", "input", Map.of("code", unique("s"), "name", "测试社工站", "kind", kind,
                        "divisionId", division, "operatingMode", "SELF_RUN", "status", status, "statusSince", since))
                .assertOk().string("createStation.station.id");
    }

    private static List<Map<String, Object>> items(Result r) {
        return r.get("dueItems");
    }

    private static Map<String, Object> item(List<Map<String, Object>> items, String milestone, String dueOn) {
        return items.stream().filter(i -> milestone.equals(i.get("milestone")) && dueOn.equals(i.get("dueOn"))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + milestone + " due " + dueOn + " in " + items));
    }

    private static boolean has(List<Map<String, Object>> items, String milestone) {
        return items.stream().anyMatch(i -> milestone.equals(i.get("milestone")));
    }

    private static List<Map<String, Object>> findings(Client client, String station, String on) {
        return client.run("stationDueItems", "id", station, "on", on).assertOk().get("node.compliance.findings");
    }

    private static Map<String, Object> finding(List<Map<String, Object>> findings, String rule) {
        return findings.stream().filter(f -> rule.equals(f.get("rule"))).findFirst().orElse(null);
    }

    private static Map<String, Object> complete(String milestone, int year, String party, String partyId, String doneOn) {
        Map<String, Object> input = new HashMap<>(Map.of("milestone", milestone, "year", year, "doneOn", doneOn,
                "evidence", "青民〔" + year + "〕12号"));
        if (party != null) {
            input.put(party, partyId);
        }
        return input;
    }

    @Test
    void weihai_annualPlanBy31March_isDueThenOverdue_andClosedByItsCompletion() {
        Client admin = newBureau("weihai", "2025-01-01");
        String county = Fixtures.division(admin, "DISTRICT", null);
        Map<String, Object> filter = Map.of("divisionId", county);
        List<Map<String, Object>> before = items(admin.run("dueItems", "from", "2026-01-01", "to", "2027-12-31",
                "filter", filter).assertOk());
        Map<String, Object> overdue = item(before, "annual_plan_filed", "2026-03-31");
        assertEquals("OVERDUE", overdue.get("status"), "past 31 March with no plan filed");
        assertEquals("DIVISION", overdue.get("responsible"));
        assertEquals(county, ((Map<String, Object>) overdue.get("division")).get("id"));
        assertEquals("ADVISORY", overdue.get("severity"), "the sentence has no requirement word");
        assertTrue(((String) overdue.get("wording")).contains("每年 3 月 31 日前报市民政部门备案"), overdue.toString());
        assertEquals("003 四、(一)", overdue.get("source"));
        assertEquals("DUE", item(before, "annual_plan_filed", "2027-03-31").get("status"), "next year's is only due");
        assertEquals("DUE", item(before, "county_report_to_city", "2026-11-30").get("status"), "30 November is five days off");

        Result done = admin.run("completeDueItem", "input", complete("annual_plan_filed", 2026, "divisionId", county, "2026-04-02"))
                .assertOk();
        assertEquals("DONE", done.string("completeDueItem.dueItem.status"));
        assertEquals("2026-04-02", done.string("completeDueItem.dueItem.completion.doneOn"));
        List<Map<String, Object>> after = items(admin.run("dueItems", "from", "2026-01-01", "to", "2026-12-31",
                "filter", filter).assertOk());
        Map<String, Object> closed = item(after, "annual_plan_filed", "2026-03-31");
        assertEquals("DONE", closed.get("status"));
        assertEquals("青民〔2026〕12号", ((Map<String, Object>) closed.get("completion")).get("evidence"));
        assertEquals(tenantOf(admin) + ":admin", ((Map<String, Object>) closed.get("completion")).get("recordedBy"));

        // a division's item is no finding of the stations in it
        String town = station(admin, "town_station", Fixtures.division(admin, "STREET", county), "OPERATING", "2025-02-01");
        assertNull(finding(findings(admin, town, null), "annual_plan_filed"));
        // a city is not a 区市: the item is not its own
        String city = Fixtures.division(admin, "CITY", null);
        admin.run("completeDueItem", "input", complete("county_report_to_city", 2025, "divisionId", city, "2025-11-20"))
                .assertError("BAD_USER_INPUT", "input.divisionId");
    }

    @Test
    void weihai_trainedWorkersOnPostWithinAMonthOfSigning_isAStationFindingOnceOverdue() {
        Client admin = newBureau("weihai", "2025-01-01");
        String street = Fixtures.division(admin, "STREET", Fixtures.division(admin, "DISTRICT", null));
        String late = station(admin, "town_station", street, "SIGNED", "2026-10-01");
        String recent = station(admin, "town_station", street, "SIGNED", "2026-11-10");

        Result lateItems = admin.run("stationDueItems", "id", late).assertOk();
        List<Map<String, Object>> due = lateItems.get("node.dueItems");
        assertEquals("OVERDUE", item(due, "workers_on_post", "2026-11-01").get("status"), "a month after signing on 1 October");
        Map<String, Object> f = finding(lateItems.get("node.compliance.findings"), "workers_on_post");
        assertNotNull(f, "an overdue station item is a finding");
        assertEquals("ADVISORY", f.get("severity"));
        assertEquals("003 四、(四)", f.get("source"));
        assertTrue(((String) f.get("messageEn")).contains("Trained workers on post within 1 month of signing the contract"), f.toString());
        assertTrue(((String) f.get("messageEn")).contains("2026-11-01"), f.toString());
        assertTrue(((String) f.get("messageZh")).contains("服务合同签订1个月内培训合格的社工到岗"), f.toString());
        assertTrue(((String) f.get("wording")).contains("1个月"), f.toString());

        Result recentItems = admin.run("stationDueItems", "id", recent).assertOk();
        assertEquals("DUE", item(recentItems.get("node.dueItems"), "workers_on_post", "2026-12-10").get("status"));
        assertNull(finding(recentItems.get("node.compliance.findings"), "workers_on_post"), "before its day an item is no finding");

        List<Map<String, Object>> byRule = admin.run("complianceReport", "first", 5).assertOk().get("complianceReport.byRule");
        Map<String, Object> counted = byRule.stream().filter(r -> "workers_on_post".equals(r.get("rule"))).findFirst()
                .orElseThrow(() -> new AssertionError("the report counts overdue items: " + byRule));
        assertEquals(1, ((Number) counted.get("stations")).intValue(), "the late station, not the recent one");

        admin.run("completeDueItem", "input", complete("workers_on_post", 2026, "stationId", late, "2026-11-20")).assertOk();
        assertNull(finding(findings(admin, late, null), "workers_on_post"), "closed by its completion");
        assertTrue(admin.run("complianceReport", "first", 5).assertOk().<List<Map<String, Object>>>get("complianceReport.byRule")
                .stream().noneMatch(r -> "workers_on_post".equals(r.get("rule"))));
        // on a day before the completion, the item was still overdue
        assertNotNull(finding(findings(admin, late, "2026-11-19"), "workers_on_post"));
    }

    @Test
    void qingpu_signagePhotosBy10March2022_isOverdueOnTheStationAfterItsDay_andClosedByItsCompletion() {
        Client admin = newBureau("qingpu", "2022-02-15");
        String street = Fixtures.division(admin, "STREET", Fixtures.division(admin, "DISTRICT", null));
        String xujing = station(admin, "comprehensive", street, "OPERATING", "2022-01-10");
        String later = station(admin, "comprehensive", street, "OPERATING", "2022-04-01");

        assertNull(finding(findings(admin, xujing, "2022-03-10"), "m02_signage"), "due on 10 March, not yet late");
        Map<String, Object> f = finding(findings(admin, xujing, "2022-03-11"), "m02_signage");
        assertNotNull(f, "late from 11 March");
        assertEquals("ADVISORY", f.get("severity"), "the annex sets dates without a requirement word");
        assertEquals("000 附件 2", f.get("source"));
        assertTrue(((String) f.get("messageZh")).contains("2022-03-10"), f.toString());
        assertNull(finding(findings(admin, later, "2022-04-02"), "m02_signage"), "a station registered after the day never owed it");

        List<Map<String, Object>> mine = items(admin.run("dueItems", "from", "2022-03-01", "to", "2022-03-31",
                "filter", Map.of("stationId", xujing)).assertOk());
        assertEquals("OVERDUE", item(mine, "m02_signage", "2022-03-10").get("status"));
        assertTrue(mine.stream().noneMatch(i -> "BUREAU".equals(i.get("responsible"))), "a station's list leaves the bureau's out");

        admin.run("completeDueItem", "input", complete("m02_signage", 2022, "stationId", xujing, "2022-03-08")).assertOk();
        assertNull(finding(findings(admin, xujing, "2022-03-11"), "m02_signage"), "photos reported on 8 March");
        assertEquals("DONE", item(items(admin.run("dueItems", "from", "2022-03-01", "to", "2022-03-31",
                "filter", Map.of("stationId", xujing)).assertOk()), "m02_signage", "2022-03-10").get("status"));
    }

    @Test
    void qingpu_onSiteInspectionAndYearEndAssessment_areTheBureausOwn_dueOnTheWindowsLastDay() {
        Client admin = newBureau("qingpu", "2022-02-15");
        String street = Fixtures.division(admin, "STREET", Fixtures.division(admin, "DISTRICT", null));
        String station = station(admin, "comprehensive", street, "OPERATING", "2022-01-10");
        List<Map<String, Object>> all = items(admin.run("dueItems", "from", "2022-01-01", "to", "2022-12-31").assertOk());
        Map<String, Object> assessment = item(all, "m10_year_end_assessment", "2022-12-31");
        assertEquals("BUREAU", assessment.get("responsible"));
        assertEquals("12月中下旬", assessment.get("window"), "中下旬 runs to the 31st");
        assertNull(assessment.get("station"));
        assertEquals("2022-04-20", item(all, "m07_start_projects", "2022-04-20").get("dueOn"), "4月中旬 ends on the 20th");
        assertEquals("2022-12-10", item(all, "m09_summary_cases", "2022-12-10").get("dueOn"), "12月上旬 ends on the 10th");
        assertEquals(10, all.stream().map(i -> i.get("milestone")).distinct().count(), "the annex's ten time nodes");
        assertNull(finding(findings(admin, station, "2022-04-01"), "m05_onsite_inspection"), "the bureau's item is no station's finding");
        assertTrue(has(all, "m05_onsite_inspection"));
        admin.run("completeDueItem", "input", complete("m05_onsite_inspection", 2022, null, null, "2022-03-30")).assertOk();
        assertEquals("DONE", item(items(admin.run("dueItems", "from", "2022-03-31", "to", "2022-03-31").assertOk()),
                "m05_onsite_inspection", "2022-03-31").get("status"));
        // the bureau's item named with a station is refused
        admin.run("completeDueItem", "input", complete("m08_midyear_inspection", 2022, "stationId", station, "2022-06-30"))
                .assertError("BAD_USER_INPUT", "input.stationId");
    }

    @Test
    void shangcheng_supervisorAssessmentBefore31December_isTheBureausYearlyItem() {
        Client admin = newBureau("shangcheng", "2025-01-01");
        List<Map<String, Object>> all = items(admin.run("dueItems", "from", "2025-01-01", "to", "2026-12-31").assertOk());
        Map<String, Object> last = item(all, "supervisor_annual_assessment", "2025-12-31");
        assertEquals("OVERDUE", last.get("status"));
        assertEquals("BUREAU", last.get("responsible"));
        assertEquals("001 五、(二)", last.get("source"));
        assertEquals("ADVISORY", last.get("severity"));
        assertEquals("DUE", item(all, "supervisor_annual_assessment", "2026-12-31").get("status"), "this year's is still due");
        assertTrue(items(admin.run("dueItems", "from", "2024-01-01", "to", "2024-12-31").assertOk()).isEmpty(),
                "no profile in force in 2024: no calendar");

        Client operator = as(tenantOf(admin), "STATION_OPERATOR");
        operator.run("completeDueItem", "input", complete("supervisor_annual_assessment", 2025, null, null, "2025-12-20"))
                .assertError("FORBIDDEN", null);
        admin.run("completeDueItem", "input", complete("supervisor_annual_assessment", 2025, null, null, "2025-12-20")).assertOk();
        admin.run("completeDueItem", "input", complete("supervisor_annual_assessment", 2025, null, null, "2025-12-21"))
                .assertError("CONFLICT", "input.milestone");
        assertEquals("DONE", item(items(admin.run("dueItems", "from", "2025-12-01", "to", "2025-12-31",
                "filter", Map.of("status", "DONE")).assertOk()), "supervisor_annual_assessment", "2025-12-31").get("status"));
    }

    @Test
    void wuhan_districtPlansByEndOfDecember2021_areOwedByEachDistrict() {
        Client admin = newBureau("wuhan", "2021-12-01");
        String jiangan = Fixtures.division(admin, "DISTRICT", null);
        String street = Fixtures.division(admin, "STREET", jiangan);
        List<Map<String, Object>> all = items(admin.run("dueItems", "from", "2021-12-01", "to", "2021-12-31").assertOk());
        Map<String, Object> plan = item(all, "district_plan", "2021-12-31");
        assertEquals("OVERDUE", plan.get("status"));
        assertEquals(jiangan, ((Map<String, Object>) plan.get("division")).get("id"));
        assertTrue(all.stream().map(i -> (Map<String, Object>) i.get("division"))
                .noneMatch(d -> d != null && street.equals(d.get("id"))), "a street owes no district plan");
        admin.run("completeDueItem", "input", complete("district_plan", 2021, "divisionId", jiangan, "2021-12-28")).assertOk();
        assertEquals("DONE", item(items(admin.run("dueItems", "from", "2021-12-01", "to", "2021-12-31",
                "filter", Map.of("divisionId", jiangan)).assertOk()), "district_plan", "2021-12-31").get("status"));
    }

    @Test
    void reopenDueItem_makesItOverdueAgain_andCompletingItAgainIsAllowed() {
        Client admin = newBureau("shangcheng", "2025-01-01");
        admin.run("completeDueItem", "input", complete("annual_centralised_training", 2025, null, null, "2025-10-10")).assertOk();
        Map<String, Object> key = Map.of("milestone", "annual_centralised_training", "year", 2025);
        Result reopened = admin.run("reopenDueItem", "input", key).assertOk();
        assertEquals("OVERDUE", reopened.string("reopenDueItem.dueItem.status"));
        admin.run("reopenDueItem", "input", key).assertError("BAD_USER_INPUT", "input.milestone");
        admin.run("completeDueItem", "input", complete("annual_centralised_training", 2025, null, null, "2025-10-11")).assertOk();
        Result audit = admin.run("auditLog", "entity", "DueItemCompletion").assertOk();
        assertTrue(audit.raw().contains("reopenDueItem") && audit.raw().contains("completeDueItem"), audit.raw());
    }

    @Test
    void milestone_withAnImpossibleDate_isRefusedWithThePath() {
        Client admin = newBureau("weihai", "2025-01-01");
        String draft = admin.run("createPolicyDraft", "input", Map.of("fromProfileId",
                admin.run("policyInForce").assertOk().string("policyProfile.id"))).assertOk().string("createPolicyDraft.profile.id");
        Map<String, Object> doc = admin.run("profileDocument").assertOk().get("policyProfile.document");
        Map<String, String> cases = new java.util.LinkedHashMap<>();
        cases.put("02-30", "input.document.calendar[0].annually");
        cases.put("13-01", "input.document.calendar[0].annually");
        cases.put("3-31", "input.document.calendar[0].annually");
        for (var c : cases.entrySet()) {
            Map<String, Object> bad = withFirstMilestone(doc, m -> m.put("annually", c.getKey()));
            admin.run("updatePolicyDraft", "input", Map.of("id", draft, "version", 1, "document", bad))
                    .assertError("BAD_USER_INPUT", c.getValue());
        }
        admin.run("updatePolicyDraft", "input", Map.of("id", draft, "version", 1, "document", withFirstMilestone(doc, m -> {
            m.remove("annually");
            m.put("by", "2022-02-29");
        }))).assertError("BAD_USER_INPUT", "input.document.calendar[0].by");
        admin.run("updatePolicyDraft", "input", Map.of("id", draft, "version", 1, "document", withFirstMilestone(doc,
                m -> m.put("by", "2022-03-31")))).assertError("BAD_USER_INPUT", "input.document.calendar[0]");
        admin.run("updatePolicyDraft", "input", Map.of("id", draft, "version", 1, "document", withFirstMilestone(doc,
                m -> m.put("responsible", Map.of("stations", List.of("spa"))))))
                .assertError("BAD_USER_INPUT", "input.document.calendar[0].responsible.stations[0]");
        admin.run("updatePolicyDraft", "input", Map.of("id", draft, "version", 1, "document", withFirstMilestone(doc,
                m -> m.put("severity", "VIOLATION")))).assertError("BAD_USER_INPUT", "input.document.calendar[0].severity");
        // 29 February exists, in leap years; in the others the item falls on the 28th
        admin.run("updatePolicyDraft", "input", Map.of("id", draft, "version", 1, "document",
                withFirstMilestone(doc, m -> m.put("annually", "02-29")))).assertOk();
    }

    @Test
    void aRevisionPublishedBeforeCalendarsWereTyped_hasNoDueItems_ratherThanFailing() {
        io.shegong.policy.PolicyDocument.Vocabularies free = io.shegong.policy.PolicyDocument.Vocabularies.FREE;
        Map<String, Object> given = Map.of("calendar", List.of(Map.of("code", "annual_plan_filed", "labelZh", "年度计划",
                "labelEn", "Annual plan", "due", "annually by 03-31", "source", "003 四、(一)")));
        io.shegong.policy.CompiledPolicy old = new io.shegong.policy.CompiledPolicy(UUID.randomUUID(), 1,
                new io.shegong.policy.PolicyDocument(free, List.of(), List.of(), List.of(), List.of(), List.of(), given));
        assertTrue(old.milestones().isEmpty());
        Map<String, Object> typed = Map.of("calendar", List.of(Map.of("code", "annual_plan_filed", "labelZh", "年度计划",
                "labelEn", "Annual plan", "responsible", "BUREAU", "annually", "03-31", "wording", "每年 3 月 31 日前报市民政部门备案")));
        io.shegong.policy.CompiledPolicy current = new io.shegong.policy.CompiledPolicy(UUID.randomUUID(), 2,
                new io.shegong.policy.PolicyDocument(free, List.of(), List.of(), List.of(), List.of(), List.of(), typed));
        assertEquals("ADVISORY", current.milestones().getFirst().basis().severity().name(), "no requirement word");
    }

    private static Map<String, Object> withFirstMilestone(Map<String, Object> doc, java.util.function.Consumer<Map<String, Object>> change) {
        Map<String, Object> copy = new HashMap<>(doc);
        List<Map<String, Object>> calendar = new ArrayList<>();
        for (Map<String, Object> m : (List<Map<String, Object>>) doc.get("calendar")) {
            calendar.add(new HashMap<>(m));
        }
        change.accept(calendar.getFirst());
        copy.put("calendar", calendar);
        return copy;
    }

    @Test
    void completeDueItem_refusesAnUnknownMilestone_aDayInTheFuture_andAParty_thatDoesNotOweIt() {
        Client admin = newBureau("weihai", "2025-01-01");
        String county = Fixtures.division(admin, "DISTRICT", null);
        admin.run("completeDueItem", "input", complete("annual_budget", 2026, "divisionId", county, "2026-03-01"))
                .assertError("BAD_USER_INPUT", "input.milestone");
        admin.run("completeDueItem", "input", complete("annual_plan_filed", 2026, "divisionId", county, "2026-11-26"))
                .assertError("BAD_USER_INPUT", "input.doneOn");
        admin.run("completeDueItem", "input", complete("annual_plan_filed", 2024, "divisionId", county, "2024-03-01"))
                .assertError("BAD_USER_INPUT", "input.milestone");
        String street = Fixtures.division(admin, "STREET", county);
        String town = station(admin, "town_station", street, "OPERATING", "2025-02-01");
        // never signed in the registry: no item a month after a signing
        admin.run("completeDueItem", "input", complete("workers_on_post", 2025, "stationId", town, "2025-03-01"))
                .assertError("BAD_USER_INPUT", "input.stationId");
        admin.run("completeDueItem", "input", complete("annual_plan_filed", 2026, "divisionId", county, "2026-03-01")).assertOk();
    }

    @Test
    void anotherBureausStation_answersAsIfItDidNotExist() {
        Client weihai = as("weihai", "TENANT_ADMIN");
        Client mine = newBureau("weihai", "2025-01-01");
        String theirs = weihai.run("stationPage", "first", 1).assertOk().string("stations.edges.0.node.id");
        String none = io.shegong.core.graphql.GlobalId.encode("Station", UUID.randomUUID());
        assertTrue(items(mine.run("dueItems", "from", "2021-01-01", "to", "2026-12-31",
                "filter", Map.of("stationId", theirs)).assertOk()).isEmpty());
        mine.run("stationDueItems", "id", theirs).assertOk().assertNullAt("node");
        Result other = mine.run("completeDueItem", "input", complete("workers_on_post", 2026, "stationId", theirs, "2026-11-01"));
        Result missing = mine.run("completeDueItem", "input", complete("workers_on_post", 2026, "stationId", none, "2026-11-01"));
        other.assertError("NOT_FOUND", "input.stationId");
        assertEquals(missing.userErrors().toString(), other.userErrors().toString());
        Result reopenTheirs = mine.run("reopenDueItem", "input", Map.of("milestone", "workers_on_post", "year", 2026, "stationId", theirs));
        reopenTheirs.assertError("NOT_FOUND", "input.stationId");
        assertEquals(mine.run("reopenDueItem", "input", Map.of("milestone", "workers_on_post", "year", 2026, "stationId", none))
                .userErrors().toString(), reopenTheirs.userErrors().toString());

        String theirDistrict = Fixtures.divisionId(weihai, "huancui");
        String noDistrict = io.shegong.core.graphql.GlobalId.encode("Division", UUID.randomUUID());
        assertTrue(items(mine.run("dueItems", "from", "2021-01-01", "to", "2026-12-31",
                "filter", Map.of("divisionId", theirDistrict)).assertOk()).isEmpty());
        Result theirPlan = mine.run("completeDueItem", "input", complete("annual_plan_filed", 2026, "divisionId", theirDistrict, "2026-03-01"));
        theirPlan.assertError("NOT_FOUND", "input.divisionId");
        assertEquals(mine.run("completeDueItem", "input", complete("annual_plan_filed", 2026, "divisionId", noDistrict, "2026-03-01"))
                .userErrors().toString(), theirPlan.userErrors().toString());
        // their own item is untouched by the attempts (other tests may close it themselves)
        Map<String, Object> theirItem = item(items(weihai.run("dueItems", "from", "2026-03-31", "to", "2026-03-31",
                "filter", Map.of("divisionId", theirDistrict)).assertOk()), "annual_plan_filed", "2026-03-31");
        Map<String, Object> closing = (Map<String, Object>) theirItem.get("completion");
        assertTrue(closing == null || !closing.get("recordedBy").toString().startsWith(tenantOf(mine)), theirItem.toString());
    }

    @Test
    void roles_readersRead_anOperatorCompletesOnlyItsGrantedStations() {
        Client admin = newBureau("weihai", "2025-01-01");
        String tenant = tenantOf(admin);
        String street = Fixtures.division(admin, "STREET", Fixtures.division(admin, "DISTRICT", null));
        String granted = station(admin, "town_station", street, "SIGNED", "2026-09-01");
        String other = station(admin, "town_station", street, "SIGNED", "2026-09-01");
        admin.run("grantStation", "input", Map.of("subject", tenant + ":operator", "stationId", granted)).assertOk();
        for (String role : List.of("VIEWER", "SUPERVISOR")) {
            Client reader = as(tenant, role);
            assertEquals(2, items(reader.run("dueItems", "filter", Map.of("status", "OVERDUE")).assertOk()).stream()
                    .filter(i -> "workers_on_post".equals(i.get("milestone"))).count(), role);
            reader.run("completeDueItem", "input", complete("workers_on_post", 2026, "stationId", granted, "2026-10-01"))
                    .assertError("FORBIDDEN", null);
        }
        Client operator = as(tenant, "STATION_OPERATOR");
        operator.run("completeDueItem", "input", complete("workers_on_post", 2026, "stationId", other, "2026-10-01"))
                .assertError("FORBIDDEN", null);
        Result done = operator.run("completeDueItem", "input", complete("workers_on_post", 2026, "stationId", granted, "2026-10-01"))
                .assertOk();
        assertEquals(tenant + ":operator", done.string("completeDueItem.dueItem.completion.recordedBy"));
        operator.run("reopenDueItem", "input", Map.of("milestone", "workers_on_post", "year", 2026, "stationId", other))
                .assertError("FORBIDDEN", null);
    }

    @Test
    void dueItems_costTheSameStatementsForFewAndManyStations() {
        Result few = as("qingpu", "VIEWER").warm().run("dueItems", "from", "2022-01-01", "to", "2022-12-31").assertOk();
        Result many = as("weihai", "VIEWER").warm().run("dueItems", "from", "2021-01-01", "to", "2022-12-31").assertOk();
        assertTrue(items(few).size() > 100, "qingpu's stations owe the annex's items");
        // weihai's items owed by divisions read no statement of their own (its divisions are kept)
        assertTrue(many.sqlStatements() <= few.sqlStatements(), "a query per station: " + many.sqlStatements());
        Result page5 = as("weihai", "VIEWER").run("stationPageWithDueItems", "first", 5, "from", "2021-01-01", "to", "2026-12-31").assertOk();
        Result page60 = as("weihai", "VIEWER").run("stationPageWithDueItems", "first", 60, "from", "2021-01-01", "to", "2026-12-31").assertOk();
        assertEquals(page5.sqlStatements(), page60.sqlStatements(), "a query per station on a page");
    }
}
