package io.shegong.compliance;

import io.shegong.calendar.Deadlines;
import io.shegong.calendar.DueItem;
import io.shegong.division.Division;
import io.shegong.policy.CompiledPolicy;
import io.shegong.policy.Milestone;
import io.shegong.policy.PolicyDocument;
import io.shegong.policy.PolicyDocument.Amount;
import io.shegong.policy.PolicyDocument.Kind;
import io.shegong.policy.PolicyDocument.QualificationRule;
import io.shegong.policy.PolicyDocument.RecordCheck;
import io.shegong.policy.PolicyDocument.RoleRequirement;
import io.shegong.policy.PolicyDocument.Severity;
import io.shegong.policy.PolicyDocument.StaffingRule;
import io.shegong.policy.WorkerData;
import io.shegong.policy.WorkerFacts;
import io.shegong.station.Station;

import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Checks a station and its workers against a compiled profile on a date. Pure: everything it
 * reads is passed in, so a whole tenant can be evaluated from a handful of batched queries.
 */
public final class ComplianceEngine {
    private static final Logger LOG = LoggerFactory.getLogger(ComplianceEngine.class);

    /** A post's name in Chinese, and in English as a plural that {@link #count} makes singular for one. */
    private static final Map<String, String[]> ROLE_LABELS = Map.of(
            "HEAD", new String[]{"站长", "station heads"}, "DEPUTY_HEAD", new String[]{"副站长", "deputy heads"},
            "SOCIAL_WORKER", new String[]{"社工", "social workers"}, "SUPERVISOR", new String[]{"督导", "supervisors"});
    /** How a station is run, as a finding names the stations a post is set for: "自主运营时", "when self-run". */
    private static final Map<String, String[]> MODE_LABELS = Map.of(
            "SELF_RUN", new String[]{"自主运营", "self-run"},
            "GOVERNMENT_AND_THIRD_PARTY", new String[]{"政府管理+第三方服务", "run by a third party under government management"},
            "MIXED", new String[]{"与第三方机构混合运营", "run jointly with a third party"},
            "PURCHASED", new String[]{"政府购买服务", "run by an operator the government buys services from"});
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{[a-zA-Z]+\\}");

    private ComplianceEngine() {
    }

    public static List<Finding> station(CompiledPolicy policy, StationData data, LocalDate on) {
        List<Finding> findings = new ArrayList<>();
        Station st = data.station();
        Kind kind = policy.document().kind(st.kindCode());
        if (kind == null) {
            findings.add(new Finding("kind_not_in_profile", Severity.INFO,
                    "站点类型“" + st.kindCode() + "”不在现行政策配置中", "station kind '" + st.kindCode() + "' is not in the profile in force",
                    null, st.id(), List.of()));
        } else {
            naming(kind, st, findings);
            PolicyDocument.Vocabularies terms = policy.document().vocabularies();
            missing("rooms", kind.rooms(), st.rooms(), "功能室", "rooms", terms, st, findings);
            missing("rules", kind.rules(), st.rules(), "制度", "rules", terms, st, findings);
            StaffingRule staffing = kind.staffingRule() == null ? null : policy.document().staffingRule(kind.staffingRule());
            if (staffing != null) {
                staffing(policy, staffing, data, on, findings);
            }
        }
        for (StationData.Post post : data.posts()) {
            for (QualificationRule rule : policy.document().qualificationRules()) {
                if (rule.appliesTo(st.kindCode(), post.assignment().role(), post.worker().designationsHeld(on))) {
                    Qualification q = qualify(policy, rule, post.worker(), post.facts());
                    if (q.unevaluated()) {
                        findings.add(Finding.unevaluated(rule.code(), rule.source(), st.id(), List.of(post.worker().id()),
                                q.evaluationError()));
                    } else if (!q.satisfied()) {
                        findings.add(qualificationFinding(rule, q, post.worker(), st.id()));
                    }
                }
            }
        }
        for (RecordCheck check : policy.document().recordChecks()) {
            for (StationData.Post post : data.posts()) {
                recordCheck(check, post.worker(), on, st.id(), findings);
            }
        }
        findings.addAll(PlanCheck.check(policy.catalogue(), st.kindCode(), data.plan(), on.getYear(), st.id()));
        for (DueItem item : Deadlines.overdue(policy.milestones(), st, data.history(), data.completions(), on)) {
            findings.add(overdue(item, st.id()));
        }
        for (io.shegong.supervision.SupervisionFinding r : data.rectifications()) {
            if (r.overdueOn(on)) {
                // the supervisor's order, not a rule of the document: advice the bureau follows up
                findings.add(new Finding("supervision_rectification", Severity.ADVISORY,
                        "督导整改逾期（期限" + r.rectifyBy() + "）：" + r.description(),
                        "supervision rectification overdue (due " + r.rectifyBy() + "): " + r.description(),
                        null, st.id(), List.of()));
            }
        }
        for (PolicyDocument.YearlyMinimum minimum : policy.document().yearlyMinimums()) {
            if (minimum.kinds().contains(st.kindCode())) {
                yearlyMinimum(minimum, policy.document().vocabularies(), data.casesByKind(), on, st.id(), findings);
            }
        }
        return findings;
    }

    /** A station's item of the calendar not done by its day: weighs what the milestone's wording sets. */
    private static Finding overdue(DueItem item, UUID stationId) {
        Milestone m = item.milestone();
        return Finding.of(m.code(), m.basis(), "逾期未完成：" + m.labelZh() + "（截止日期" + item.dueOn() + "）",
                "overdue: " + m.labelEn() + " (due " + item.dueOn() + ")", stationId, List.of());
    }

    private static String label(PolicyDocument.Vocabularies vocabularies, String caseKind, boolean zh) {
        PolicyDocument.Term t = vocabularies.term("caseKinds", caseKind);
        return t == null ? caseKind : zh ? t.labelZh() : t.labelEn();
    }

    /**
     * A year's featured cases against the minimum, once its day has come: until then the year is
     * still open and a shortfall is no finding. With kinds named, each kind needs the minimum.
     */
    private static void yearlyMinimum(PolicyDocument.YearlyMinimum rule, PolicyDocument.Vocabularies vocabularies,
                                      Map<String, Integer> cases, LocalDate on, UUID stationId, List<Finding> findings) {
        LocalDate due = rule.by().atYear(on.getYear());
        if (on.isBefore(due)) {
            return;
        }
        if (rule.eachKind().isEmpty()) {
            int has = cases.values().stream().mapToInt(Integer::intValue).sum();
            if (has < rule.minimum()) {
                findings.add(Finding.of(rule.code(), rule.basis(),
                        on.getYear() + "年需要" + rule.minimum() + "个特色案例（截至" + due + "），现有" + has + "个",
                        "needs " + count(rule.minimum(), "featured cases") + " for " + on.getYear() + " (due " + due
                                + "); has " + has, stationId, List.of()));
            }
            return;
        }
        List<String> lacking = rule.eachKind().stream().filter(k -> cases.getOrDefault(k, 0) < rule.minimum()).toList();
        if (!lacking.isEmpty()) {
            findings.add(Finding.of(rule.code(), rule.basis(),
                    on.getYear() + "年每类案例需要" + rule.minimum() + "个（截至" + due + "），不足：" + String.join("、",
                            lacking.stream().map(k -> label(vocabularies, k, true)).toList()),
                    "needs " + count(rule.minimum(), "featured cases") + " of each kind for " + on.getYear() + " (due " + due
                            + "); short of: " + String.join(", ", lacking.stream().map(k -> label(vocabularies, k, false)).toList()),
                    stationId, List.of()));
        }
    }

    /** Every qualification rule for a worker, in each of their posts' roles (or none). */
    public static List<Qualification> worker(CompiledPolicy policy, WorkerData worker, Station station, String role,
                                             LocalDate firstStart, LocalDate on) {
        List<Qualification> out = new ArrayList<>();
        Map<String, Object> facts = WorkerFacts.of(worker, role, station == null ? "" : station.operatingMode(), firstStart, on);
        for (QualificationRule rule : policy.document().qualificationRules()) {
            Set<String> held = worker.designationsHeld(on);
            if (station == null ? rule.appliesOutsideStations(held) : rule.appliesTo(station.kindCode(), role, held)) {
                out.add(qualify(policy, rule, worker, facts));
            }
        }
        return out;
    }

    /** The rule against the worker's facts (as {@link WorkerFacts#of} gives them). */
    static Qualification qualify(CompiledPolicy policy, QualificationRule rule, WorkerData worker, Map<String, Object> facts) {
        List<Qualification.AlternativeResult> results = new ArrayList<>();
        String satisfiedBy = null;
        String error = null;
        for (PolicyDocument.Alternative alt : rule.alternatives()) {
            List<String> failingZh = new ArrayList<>();
            List<String> failingEn = new ArrayList<>();
            for (PolicyDocument.Condition c : alt.conditions()) {
                boolean met;
                try {
                    met = policy.test(c.expression(), facts);
                } catch (WorkerFacts.EvaluationError e) {
                    LOG.warn("Rule {} of profile {} revision {} could not be evaluated for worker {}: `{}`: {}",
                            rule.code(), policy.profileId(), policy.revision(), worker.id(), e.expression(), e.getMessage());
                    error = "“" + c.labelZh() + "” (`" + e.expression() + "`): " + e.getMessage();
                    met = false;
                }
                if (!met) {
                    failingZh.add(c.labelZh());
                    failingEn.add(c.labelEn());
                }
            }
            boolean ok = failingZh.isEmpty();
            if (ok && satisfiedBy == null) {
                satisfiedBy = alt.code();
            }
            results.add(new Qualification.AlternativeResult(alt.code(), alt.labelZh(), alt.labelEn(), ok, failingZh, failingEn));
        }
        return new Qualification(rule.code(), rule.labelZh(), rule.labelEn(), rule.severity(), rule.source(),
                satisfiedBy != null, satisfiedBy, results, error);
    }

    private static Finding qualificationFinding(QualificationRule rule, Qualification q, WorkerData w, UUID stationId) {
        StringBuilder zh = new StringBuilder(w.name() + "不符合“" + rule.labelZh() + "”");
        StringBuilder en = new StringBuilder(w.name() + " does not meet '" + rule.labelEn() + "'");
        for (Qualification.AlternativeResult a : q.alternatives()) {
            zh.append("；").append(a.labelZh()).append("：未满足").append(String.join("、", a.failingZh()));
            en.append("; ").append(a.labelEn()).append(": fails ").append(String.join(", ", a.failingEn()));
        }
        return Finding.of(rule.code(), rule.basis(), zh.toString(), en.toString(), stationId, List.of(w.id()));
    }

    private static void staffing(CompiledPolicy policy, StaffingRule rule, StationData data, LocalDate on,
                                 List<Finding> findings) {
        Map<UUID, StationData.Post> counted = new LinkedHashMap<>();
        for (StationData.Post p : data.posts()) {
            boolean counts;
            try {
                counts = rule.counts() == null || policy.test(rule.counts(), p.facts());
            } catch (WorkerFacts.EvaluationError e) {
                // Without knowing who counts, the numbers say nothing: report the rule, not the station.
                LOG.warn("Rule {} of profile {} revision {} could not be evaluated for worker {}: `{}`: {}",
                        rule.code(), policy.profileId(), policy.revision(), p.worker().id(), e.expression(), e.getMessage());
                findings.add(Finding.unevaluated(rule.code(), rule.source(), data.station().id(), List.of(p.worker().id()),
                        "`" + e.expression() + "`: " + e.getMessage()));
                return;
            }
            if (counts) {
                counted.putIfAbsent(p.worker().id(), p);
            }
        }
        int has = counted.size();
        PolicyDocument.Vocabularies terms = policy.document().vocabularies();
        Basis min = resolve(rule.minimum(), data.division(), terms);
        Basis max = resolve(rule.maximum(), data.division(), terms);
        UUID st = data.station().id();
        if (min != null && min.unknown) {
            findings.add(new Finding(rule.code(), Severity.INFO, "无法核定人员配备：" + min.zh,
                    "cannot check staffing: " + min.en, rule.source(), st, List.of()));
        } else if (min != null && has < min.value) {
            findings.add(Finding.of(rule.code(), rule.basis(),
                    "需要" + min.value + rule.countLabelZh() + min.zh + "，现有" + has + "名",
                    "needs " + count(min.value, rule.countLabelEn()) + min.en + "; has " + has,
                    st, List.copyOf(counted.keySet())));
        }
        if (max != null && !max.unknown && has > max.value) {
            findings.add(Finding.of(rule.code(), rule.basis(),
                    "最多" + max.value + rule.countLabelZh() + max.zh + "，现有" + has + "名",
                    "allows at most " + count(max.value, rule.countLabelEn()) + max.en + "; has " + has,
                    st, List.copyOf(counted.keySet())));
        }
        String mode = data.station().operatingMode();
        for (RoleRequirement req : rule.requiredRoles()) {
            if (!req.appliesTo(mode) || req.whenStaffAtLeast() != null && has < req.whenStaffAtLeast()) {
                continue;
            }
            long holders = data.posts().stream().filter(p -> p.assignment().role().equals(req.role())).count();
            if (holders < req.minimum()) {
                findings.add(Finding.of(rule.code() + "_" + req.role().toLowerCase(), req.basis(),
                        roleMessageZh(req, mode, holders), roleMessageEn(req, mode, holders), st, List.of()));
            }
        }
    }

    /** "自主运营、配备5人及以上时需要1名副站长，现有0名": the conditions the post is set under, then the numbers. */
    private static String roleMessageZh(RoleRequirement req, String mode, long holders) {
        List<String> when = new ArrayList<>();
        if (!req.operatingModes().isEmpty()) {
            when.add(MODE_LABELS.get(mode)[0]);
        }
        if (req.whenStaffAtLeast() != null) {
            when.add("配备" + req.whenStaffAtLeast() + "人及以上");
        }
        return (when.isEmpty() ? "" : String.join("、", when) + "时") + "需要" + req.minimum() + "名"
                + ROLE_LABELS.get(req.role())[0] + "，现有" + holders + "名";
    }

    /** "needs 1 deputy head when self-run and staffed with 5 or more; has 0". */
    private static String roleMessageEn(RoleRequirement req, String mode, long holders) {
        List<String> when = new ArrayList<>();
        if (!req.operatingModes().isEmpty()) {
            when.add(MODE_LABELS.get(mode)[1]);
        }
        if (req.whenStaffAtLeast() != null) {
            when.add("staffed with " + req.whenStaffAtLeast() + " or more");
        }
        return "needs " + count(req.minimum(), ROLE_LABELS.get(req.role())[1])
                + (when.isEmpty() ? "" : " when " + String.join(" and ", when)) + "; has " + holders;
    }

    /**
     * A resolved amount and what it was based on, said after the number ("（覆盖15个社区）", " for 15
     * communities", " (zone: Central urban district)"; empty for a fixed number); for a number left
     * unknown, zh and en say why.
     */
    private record Basis(int value, String zh, String en, boolean unknown) {
    }

    /**
     * "1 full-time social worker", "3 full-time social workers": a profile's English count label
     * is plural, and its singular drops the "s" of its first plural word ("social workers with
     * professional competence" → "social worker with professional competence"; "staff" stays).
     */
    static String count(int n, String pluralLabel) {
        if (n != 1) {
            return n + " " + pluralLabel;
        }
        String[] words = pluralLabel.split(" ");
        for (int i = 0; i < words.length; i++) {
            if (words[i].length() > 2 && words[i].endsWith("s") && !words[i].endsWith("ss")) {
                words[i] = words[i].substring(0, words[i].length() - 1);
                break;
            }
        }
        return "1 " + String.join(" ", words);
    }

    /**
     * The number a rule asks of a station's division. A division that lacks the attribute, or
     * holds a value the rule gives no number for, leaves the number unknown: the station is told
     * it cannot be checked, never passed in silence.
     */
    private static Basis resolve(Amount amount, Division division, PolicyDocument.Vocabularies terms) {
        if (amount == null) {
            return null;
        }
        if (amount.fixed() != null) {
            return new Basis(amount.fixed(), "", "", false);
        }
        if (amount.attribute().equals("communityCount")) {
            Integer c = division == null ? null : division.communityCount();
            if (c == null) {
                return unknown("所在区划缺少覆盖社区数", "the division has no community count");
            }
            return amount.brackets().stream().filter(b -> b.contains(c)).findFirst()
                    .map(b -> new Basis(b.value(), "（覆盖" + c + "个社区）", " for " + c + " communities", false))
                    .orElseGet(() -> unknown("政策配置未规定覆盖" + c + "个社区时的配备人数",
                            "the profile sets no number for " + c + " communities"));
        }
        String zone = division == null ? null : division.zone();
        if (zone == null) {
            return unknown("所在区划缺少区域类别", "the division has no zone");
        }
        Integer v = amount.cases().get(zone);
        String zh = terms.labelZh("zones", zone);
        String en = terms.labelEn("zones", zone);
        return v == null
                ? unknown("政策配置未规定区域类别“" + zh + "”的配备人数", "the profile sets no number for the zone '" + en + "'")
                : new Basis(v, "（" + zh + "）", " (zone: " + en + ")", false);
    }

    private static Basis unknown(String zh, String en) {
        return new Basis(0, zh, en, true);
    }

    private static void naming(Kind kind, Station st, List<Finding> findings) {
        if (kind.naming() == null) {
            return;
        }
        String template = kind.naming().template();
        StringBuilder regex = new StringBuilder();
        var m = PLACEHOLDER.matcher(template);
        int last = 0;
        while (m.find()) {
            regex.append(Pattern.quote(template.substring(last, m.start()))).append(".+");
            last = m.end();
        }
        regex.append(Pattern.quote(template.substring(last)));
        if (!st.name().matches(regex.toString())) {
            findings.add(Finding.of("naming", kind.naming().basis(),
                    "名称“" + st.name() + "”不符合命名规则“" + template + "”",
                    "name '" + st.name() + "' does not follow the naming rule '" + template + "'",
                    st.id(), List.of()));
        }
    }

    /** Rooms or rules missing, named by the profile's labels: a bureau reads 档案室, not archive_room. */
    private static void missing(String what, PolicyDocument.Required required, List<String> present, String zh, String en,
                                PolicyDocument.Vocabularies terms, Station st, List<Finding> findings) {
        if (required == null) {
            return;
        }
        List<String> absent = required.codes().stream().filter(r -> !present.contains(r)).toList();
        if (!absent.isEmpty()) {
            findings.add(Finding.of("required_" + what, required.basis(),
                    "缺少" + zh + "：" + String.join("、", absent.stream().map(c -> terms.labelZh(what, c)).toList()),
                    "missing " + en + ": " + String.join(", ", absent.stream().map(c -> terms.labelEn(what, c)).toList()),
                    st.id(), List.of()));
        }
    }

    private static void recordCheck(RecordCheck check, WorkerData w, LocalDate on, UUID stationId, List<Finding> findings) {
        LocalDate last = w.lastRecordCheckOn();
        if (last != null && last.isAfter(on)) {
            // Only the latest check is on file: whether one was on time before it is not known.
            findings.add(new Finding(check.code(), Severity.INFO,
                    "无法核定" + w.name() + "在该日期的违法犯罪记录查询：登记的最近一次查询（" + last + "）晚于该日期",
                    "cannot tell whether " + w.name() + "'s criminal-record check was current on this date: the one on file ("
                            + last + ") is later", check.basis().source(), stationId, List.of(w.id())));
        } else if (last == null) {
            findings.add(Finding.of(check.code(), check.basis(), w.name() + "没有违法犯罪记录查询记录",
                    w.name() + " has no criminal-record check on file", stationId, List.of(w.id())));
        } else if (last.plusMonths(check.maxAgeMonths()).isBefore(on)) {
            findings.add(Finding.of(check.code(), check.basis(),
                    w.name() + "的违法犯罪记录查询已超过" + check.maxAgeMonths() + "个月（上次：" + last + "）",
                    w.name() + "'s criminal-record check is older than " + check.maxAgeMonths() + " months (last: " + last + ")",
                    stationId, List.of(w.id())));
        }
    }
}
