package io.shegong.contract;

import io.shegong.core.db.Ids;
import io.shegong.core.security.Caller;
import io.shegong.policy.ContractRules;
import io.shegong.policy.ContractRules.Rule;
import io.shegong.policy.PolicyDocument.Severity;
import jakarta.inject.Singleton;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Checks contracts against the contract rules of the profile in force on a day. Whatever the
 * number of contracts, it reads the same few statements: their stations, the posts at those
 * stations with each worker's employer, and their evaluations, each for all contracts at once.
 */
@Singleton
public class ContractChecks {
    private final ContractRepository contracts;
    private final ContractEvaluationRepository evaluations;
    private final ContractReportRepository reports;
    private final ContractService service;

    public ContractChecks(ContractRepository contracts, ContractEvaluationRepository evaluations,
                          ContractReportRepository reports, ContractService service) {
        this.contracts = contracts;
        this.evaluations = evaluations;
        this.reports = reports;
        this.service = service;
    }

    /** Findings on every contract of the bureau on a day. */
    public List<ContractFinding> all(Caller caller, LocalDate on) {
        caller.requireTenantMember();
        return check(contracts.all(), on).values().stream().flatMap(List::stream).toList();
    }

    /** Findings by contract, each contract present (with an empty list when it has none). */
    public Map<UUID, List<ContractFinding>> check(Collection<Contract> checked, LocalDate on) {
        Map<UUID, List<ContractFinding>> out = new LinkedHashMap<>();
        checked.forEach(c -> out.put(c.id(), new ArrayList<>()));
        if (checked.isEmpty()) {
            return out;
        }
        ContractRules rules = service.rules(on);
        if (rules.rules().isEmpty()) {
            return out;
        }
        List<UUID> ids = checked.stream().map(Contract::id).toList();
        Map<UUID, List<UUID>> stationsOf = new HashMap<>();
        Set<UUID> allStations = new HashSet<>();
        for (ContractStation cs : contracts.stationsOf(Ids.array(ids))) {
            stationsOf.computeIfAbsent(cs.contractId(), k -> new ArrayList<>()).add(cs.stationId());
            allStations.add(cs.stationId());
        }
        Map<UUID, List<StaffedPost>> postsAt = new HashMap<>();
        if (!allStations.isEmpty()) {
            contracts.posts(Ids.array(allStations)).forEach(p -> postsAt.computeIfAbsent(p.stationId(), k -> new ArrayList<>()).add(p));
        }
        Map<UUID, List<ContractEvaluation>> evaluationsOf = new HashMap<>();
        evaluations.of(Ids.array(ids)).stream().filter(e -> !e.evaluatedOn().isAfter(on))
                .forEach(e -> evaluationsOf.computeIfAbsent(e.contractId(), k -> new ArrayList<>()).add(e));
        Map<UUID, List<ContractReport>> reportsOf = new HashMap<>();
        if (rules.rules().stream().anyMatch(r -> r.check() == ContractRules.Check.REPORTS)) {
            reports.of(Ids.array(ids)).stream().filter(r -> !r.submittedOn().isAfter(on))
                    .forEach(r -> reportsOf.computeIfAbsent(r.contractId(), k -> new ArrayList<>()).add(r));
        }
        for (Contract c : checked) {
            List<UUID> served = stationsOf.getOrDefault(c.id(), List.of());
            List<ContractEvaluation> evaluated = evaluationsOf.getOrDefault(c.id(), List.of());
            for (Rule rule : rules.rules()) {
                switch (rule.check()) {
                    case MAX_TERM -> maxTerm(c, rule, out);
                    case STAFF_ON_POST -> staffOnPost(c, rule, served, postsAt, on, out);
                    case EVALUATIONS_PER_YEAR -> evaluationsPerYear(c, rule, evaluated, on, out);
                    case NO_SUBCONTRACTING -> subcontracting(c, rule, served, postsAt, on, out);
                    case END_AFTER_FAILED_EVALUATION -> endAfterFailure(c, rule, rules, evaluated, on, out);
                    case RENEWAL_WHEN_ALL_GRADED -> renewal(c, rule, rules, evaluated, on, out);
                    case TAKEOVER_PLAN -> takeoverPlan(c, rule, on, out);
                    case REPORTS -> reports(c, rule, reportsOf.getOrDefault(c.id(), List.of()), on, out);
                }
            }
        }
        return out;
    }

    /** Drafts too: the term is better corrected before signing. */
    private static void maxTerm(Contract c, Rule rule, Map<UUID, List<ContractFinding>> out) {
        LocalDate longest = c.startsOn().plusYears(rule.years()).minusDays(1);
        if (c.endsOn().isAfter(longest)) {
            add(out, c, rule, rule.basis().severity(),
                    "合同期限" + c.startsOn() + "至" + c.endsOn() + "，超过" + rule.years() + "年（最迟应至" + longest + "）",
                    "the term " + c.startsOn() + " to " + c.endsOn() + " is longer than " + rule.years()
                            + " years (it would end by " + longest + ")", List.of(), List.of(), null);
        }
    }

    /** Once the time after signing has passed, each station has the workers on post on that day. */
    private static void staffOnPost(Contract c, Rule rule, List<UUID> served, Map<UUID, List<StaffedPost>> postsAt,
                                    LocalDate on, Map<UUID, List<ContractFinding>> out) {
        if (c.signedOn() == null) {
            return;
        }
        LocalDate deadline = c.signedOn().plusMonths(rule.months()).plusDays(rule.days());
        if (!deadline.isBefore(on) || deadline.isAfter(c.lastDay())) {
            return;
        }
        for (UUID station : served) {
            long onPost = postsAt.getOrDefault(station, List.of()).stream().filter(p -> p.onPostOn(deadline))
                    .map(StaffedPost::workerId).distinct().count();
            if (onPost < rule.minimum()) {
                add(out, c, rule, rule.basis().severity(),
                        "合同" + c.signedOn() + "签订，" + deadline + "时站点在岗社工" + onPost + "名，应至少" + rule.minimum() + "名",
                        "signed on " + c.signedOn() + ", the station had " + onPost + " worker(s) on post on " + deadline
                                + "; at least " + rule.minimum() + " expected", List.of(station), List.of(), null);
            }
        }
    }

    /** Each contract year that has ended within the contract's run has its evaluations. */
    private static void evaluationsPerYear(Contract c, Rule rule, List<ContractEvaluation> evaluated, LocalDate on,
                                           Map<UUID, List<ContractFinding>> out) {
        if (c.signedOn() == null) {
            return;
        }
        for (int n = 1; n <= c.years(); n++) {
            LocalDate end = c.yearEnd(n);
            if (!end.isBefore(on) || c.yearStart(n).isAfter(c.lastDay())) {
                continue;
            }
            int year = n;
            long count = evaluated.stream().filter(e -> e.contractYear() == year && e.kind().equals(rule.kind())).count();
            if (count < rule.minimum()) {
                add(out, c, rule, rule.basis().severity(),
                        "第" + n + "合同年度（" + c.yearStart(n) + "至" + end + "）" + kindZh(rule.kind()) + count + "次，应至少" + rule.minimum() + "次",
                        "contract year " + n + " (" + c.yearStart(n) + " to " + end + ") has " + count + " "
                                + rule.kind().toLowerCase().replace('_', '-') + " evaluation(s); at least " + rule.minimum() + " expected",
                        List.of(), List.of(), null);
            }
        }
    }

    /** Posts at the contract's stations held today by workers another operator employs. */
    private static void subcontracting(Contract c, Rule rule, List<UUID> served, Map<UUID, List<StaffedPost>> postsAt,
                                       LocalDate on, Map<UUID, List<ContractFinding>> out) {
        if (c.statusOn(on) != Contract.Status.IN_FORCE) {
            return;
        }
        for (UUID station : served) {
            List<UUID> others = postsAt.getOrDefault(station, List.of()).stream()
                    .filter(p -> p.onPostOn(on) && p.employerId() != null && !p.employerId().equals(c.operatorId()))
                    .map(StaffedPost::workerId).distinct().toList();
            if (!others.isEmpty()) {
                add(out, c, rule, rule.basis().severity(),
                        "站点有" + others.size() + "名在岗社工受雇于其他机构，而非合同承接主体",
                        others.size() + " worker(s) on post at the station are employed by another operator than the contract's",
                        List.of(station), others, null);
            }
        }
    }

    /**
     * A failing evaluation ends the contract the following year: proposed on the last day of the
     * failed contract year, or the evaluation's day when that is later; no finding once the
     * contract ends by then.
     */
    private static void endAfterFailure(Contract c, Rule rule, ContractRules rules, List<ContractEvaluation> evaluated,
                                        LocalDate on, Map<UUID, List<ContractFinding>> out) {
        if (c.signedOn() == null || "ENDED".equals(c.status())) {
            return;
        }
        evaluated.stream().filter(e -> e.kind().equals(rule.kind()) && failing(rules, e.grade())).findFirst().ifPresent(e -> {
            LocalDate yearEnd = c.yearEnd(e.contractYear());
            LocalDate proposed = e.evaluatedOn().isAfter(yearEnd) ? e.evaluatedOn() : yearEnd;
            if (c.lastDay().isAfter(proposed)) {
                add(out, c, rule, rule.basis().severity(),
                        "第" + e.contractYear() + "合同年度绩效评估不合格（" + e.evaluatedOn() + "），次年终止合同：建议终止日期" + proposed,
                        "contract year " + e.contractYear() + " failed its evaluation (" + e.evaluatedOn()
                                + "), which ends the contract the following year: proposed end " + proposed,
                        List.of(), List.of(), proposed);
            }
        });
    }

    /** Every evaluation so far graded as the rule names, and at least one: the operator may renew. */
    private static void renewal(Contract c, Rule rule, ContractRules rules, List<ContractEvaluation> evaluated, LocalDate on,
                                Map<UUID, List<ContractFinding>> out) {
        if (c.signedOn() == null || c.endReason() != null || evaluated.isEmpty()) {
            return;
        }
        if (evaluated.stream().allMatch(e -> e.grade().equals(rule.grade()))) {
            ContractRules.Grade g = rules.grade(rule.grade());
            add(out, c, rule, Severity.INFO,
                    "本合同期" + evaluated.size() + "次评估均为" + g.labelZh() + "，可以续签服务合同",
                    "all " + evaluated.size() + " evaluation(s) of the term are " + g.labelEn() + ": the operator may renew",
                    List.of(), List.of(), null);
        }
    }

    private static void takeoverPlan(Contract c, Rule rule, LocalDate on, Map<UUID, List<ContractFinding>> out) {
        Contract.Status status = c.statusOn(on);
        if ((status == Contract.Status.SIGNED || status == Contract.Status.IN_FORCE) && c.takeoverPlan() == null) {
            add(out, c, rule, rule.basis().severity(), "合同未载明临时接管预案", "the contract has no temporary takeover plan",
                    List.of(), List.of(), null);
        }
    }

    /**
     * The periods the contract owes a report of the rule's kind for, whose time to report has
     * passed by the day: months or contract years of its run from signing, its first half, its
     * whole run. A period is reported when a report of the kind covers any of its days.
     */
    private static void reports(Contract c, Rule rule, List<ContractReport> submitted, LocalDate on,
                                Map<UUID, List<ContractFinding>> out) {
        List<ReportPeriods.Period> missing = ReportPeriods.owed(c, rule).stream()
                .filter(p -> p.dueOn().isBefore(on))
                .filter(p -> p.report(rule.kind(), submitted) == null)
                .toList();
        if (missing.isEmpty()) {
            return;
        }
        String periods = String.join(", ", missing.stream().limit(6).map(p -> p.start() + "~" + p.end()).toList())
                + (missing.size() > 6 ? " …" : "");
        add(out, c, rule, rule.basis().severity(),
                "缺少" + missing.size() + "份" + reportZh(rule.kind()) + "（" + periods + "）",
                missing.size() + " " + rule.kind().toLowerCase().replace('_', ' ') + " report(s) missing (" + periods + ")",
                List.of(), List.of(), null);
    }

    static String reportZh(String kind) {
        return switch (kind) {
            case "MONTHLY_BRIEF" -> "月度工作简报";
            case "MID_TERM" -> "中期工作报告";
            case "ANNUAL_SUMMARY" -> "年度工作总结";
            default -> "终期工作报告";
        };
    }

    private static boolean failing(ContractRules rules, String grade) {
        ContractRules.Grade g = rules.grade(grade);
        return g != null && g.failing();
    }

    private static String kindZh(String kind) {
        return switch (kind) {
            case "MID_TERM" -> "中期评估";
            case "ANNUAL" -> "年度绩效评估";
            default -> "终期评估";
        };
    }

    private static void add(Map<UUID, List<ContractFinding>> out, Contract c, Rule rule, Severity severity, String zh, String en,
                            List<UUID> stations, List<UUID> workers, LocalDate proposed) {
        boolean bureau = rule.basis().bureauSetting();
        out.get(c.id()).add(new ContractFinding(c.id(), rule.code(), severity, bureau ? zh + "（按本局设定）" : zh,
                bureau ? en + " (by the bureau's own setting)" : en, rule.source(), rule.basis().wording(), bureau,
                stations, workers, proposed));
    }
}
