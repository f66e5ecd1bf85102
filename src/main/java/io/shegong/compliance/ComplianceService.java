package io.shegong.compliance;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.shegong.core.db.Ids;
import io.shegong.core.db.Session;
import io.shegong.core.error.ApiException;
import io.shegong.core.security.Caller;
import io.shegong.division.Division;
import io.shegong.division.DivisionRepository;
import io.shegong.policy.CompiledPolicy;
import io.shegong.policy.PolicyDocument;
import io.shegong.policy.PolicyDocument.Severity;
import io.shegong.policy.PolicyProfile;
import io.shegong.policy.PolicyRepository;
import io.shegong.policy.PolicyService;
import io.shegong.policy.WorkerData;
import io.shegong.station.Station;
import io.shegong.station.StationRepository;
import io.shegong.worker.Assignment;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Compliance is computed on read from the current data and the profile in force on the date
 * asked, so a new post, a training record or a newly published profile shows at the next read.
 * Only compiled expressions are cached (per profile version).
 */
@Singleton
public class ComplianceService {
    private final PolicyRepository profiles;
    private final PolicyService policies;
    private final StationRepository stations;
    private final DivisionRepository divisions;
    private final ComplianceData data;
    /**
     * Evaluations by tenant, day, filter and the bureau's count of changes, for reads that ask the
     * same days again and again (the monthly brief: the end of last month and today). A change
     * moves the count, so a kept evaluation always answers what a fresh one would.
     */
    private final Cache<String, List<StationCompliance>> evaluations = Caffeine.newBuilder().maximumSize(200)
            .expireAfterAccess(Duration.ofHours(1)).build();
    /** Reports by tenant and snapshot id, for the pages after the first; small, and short-lived. */
    private final Cache<String, ComplianceReport> reports = Caffeine.newBuilder().maximumSize(100)
            .expireAfterWrite(Duration.ofMinutes(10)).build();

    public ComplianceService(PolicyRepository profiles, PolicyService policies, StationRepository stations,
                             DivisionRepository divisions, ComplianceData data) {
        this.profiles = profiles;
        this.divisions = divisions;
        this.policies = policies;
        this.stations = stations;
        this.data = data;
    }

    public Map<UUID, StationCompliance> stations(Caller caller, Collection<UUID> ids, LocalDate on) {
        caller.requireTenantMember();
        Optional<PolicyProfile> profile = profiles.inForce(on);
        return judge(profile, data.stations(stations.byIds(Ids.array(ids)), on), on).stream()
                .collect(Collectors.toMap(c -> c.station().id(), Function.identity()));
    }

    public Map<UUID, List<Qualification>> workers(Caller caller, Collection<UUID> ids, LocalDate on) {
        caller.requireTenantMember();
        Optional<PolicyProfile> profile = profiles.inForce(on);
        Map<UUID, List<Qualification>> out = new HashMap<>();
        if (profile.isEmpty()) {
            ids.forEach(id -> out.put(id, List.of()));
            return out;
        }
        CompiledPolicy policy = policies.compile(profile.get());
        ComplianceData.Workers w = data.workers(ids);
        Set<UUID> stationIds = w.posts().values().stream().flatMap(List::stream).map(Assignment::stationId)
                .collect(Collectors.toSet());
        Map<UUID, Station> posted = stations.byIds(Ids.array(stationIds)).stream()
                .collect(Collectors.toMap(Station::id, Function.identity()));
        for (UUID id : ids) {
            WorkerData worker = w.data().get(id);
            if (worker == null) {
                continue;
            }
            out.put(id, qualifications(policy, worker, w.posts().getOrDefault(id, List.of()), posted,
                    w.firstStart().get(id), on));
        }
        return out;
    }

    /** Each rule once: in the first current post it applies to, or without a post when there is none. */
    private static List<Qualification> qualifications(CompiledPolicy policy, WorkerData worker, List<Assignment> posts,
                                                      Map<UUID, Station> stations, LocalDate firstStart, LocalDate on) {
        List<Assignment> current = posts.stream().filter(a -> a.currentOn(on)).toList();
        if (current.isEmpty()) {
            return ComplianceEngine.worker(policy, worker, null, "", firstStart, on);
        }
        Map<String, Qualification> byRule = new LinkedHashMap<>();
        for (Assignment a : current) {
            for (Qualification q : ComplianceEngine.worker(policy, worker.inPost(a.fullTime()), stations.get(a.stationId()),
                    a.role(), firstStart, on)) {
                byRule.putIfAbsent(q.rule(), q);
            }
        }
        return new ArrayList<>(byRule.values());
    }

    /**
     * The report's rows on a date, kept until the bureau's next change: what a dashboard asks
     * again and again. The report's first page, which a person asks to see what is true now, is
     * evaluated afresh instead. Only a query keeps them: a mutation's own changes are not yet
     * counted, so what it reads is not the state of any count.
     */
    public List<StationCompliance> rowsUntilChanged(Caller caller, LocalDate on, ComplianceReport.Filter filter) {
        caller.requireTenantMember();
        Session session = Session.current().filter(Session::isReadOnly).orElse(null);
        if (session == null) {
            return report(caller, on, filter, null).rows();
        }
        String key = caller.tenantCode() + "/" + on + "/" + filter + "/" + session.committedChanges();
        return evaluations.get(key, k -> report(caller, on, filter, null).rows());
    }

    /**
     * The report on a date over the stations checked then. A report is kept for a while under a
     * snapshot id that its cursors carry, so that the next pages are read from it rather than
     * evaluated again, and a list being paged through does not shift under the reader; the first
     * page (no snapshot) is always evaluated afresh.
     */
    public ComplianceReport report(Caller caller, LocalDate on, ComplianceReport.Filter filter, String snapshot) {
        caller.requireTenantMember();
        if (snapshot != null) {
            ComplianceReport kept = reports.getIfPresent(caller.tenantCode() + "/" + snapshot);
            if (kept != null && kept.on().equals(on) && kept.filter().equals(filter)) {
                return kept;
            }
        }
        Optional<PolicyProfile> profile = profiles.inForce(on);
        // a division's report covers the divisions below it, as the station list's filter does
        Set<UUID> within = filter.divisionId() == null ? null : new HashSet<>(divisions.subtree(filter.divisionId()));
        List<Station> all = stations.checkedOn(on).stream()
                .filter(s -> filter.kind() == null || s.kindCode().equals(filter.kind()))
                .filter(s -> within == null || within.contains(s.divisionId())).toList();
        List<StationCompliance> rows = judge(profile, data.stations(all, on), on).stream()
                .filter(c -> filter.severity() == null
                        || c.findings().stream().anyMatch(f -> f.severity() == filter.severity()))
                .sorted(Comparator.comparingInt(StationCompliance::violations).reversed()
                        .thenComparing(Comparator.comparingInt(StationCompliance::advisories).reversed())
                        .thenComparing(c -> c.station().code()))
                .toList();
        ComplianceReport report = new ComplianceReport(UUID.randomUUID().toString(), on, filter, profile.orElse(null),
                totals(rows), byRule(rows, new RuleLabels(profile.map(policies::compile).orElse(null))),
                groups(rows, c -> c.station().kindCode(), false),
                groups(rows, c -> c.station().divisionId().toString(), true), rows);
        reports.put(caller.tenantCode() + "/" + report.snapshot(), report);
        return report;
    }

    /**
     * Stations and workers whose standing would change if the draft were in force on the date.
     * Workers are compared on their own qualifications, rule by rule, not through their
     * stations: a worker who stops qualifying is newly failing even at a station that already
     * failed for another reason.
     */
    public record WhatIf(LocalDate on, PolicyProfile draft, PolicyProfile inForce, List<StationCompliance> stationsNewlyFailing,
                         List<StationCompliance> stationsNewlyPassing, List<UUID> workersNewlyFailing,
                         List<UUID> workersNewlyPassing, List<WorkerChange> workerChanges) {
    }

    /**
     * One worker against one rule where the two revisions disagree; `before` or `after` is null
     * when that revision has no such rule for the worker's posts.
     */
    public record WorkerChange(UUID workerId, String rule, String labelZh, String labelEn, Severity severity,
                               Qualification before, Qualification after) {
    }

    public WhatIf whatIf(Caller caller, UUID draftId, LocalDate on) {
        caller.requireTenantMember();
        PolicyProfile draft = profiles.findById(draftId)
                .orElseThrow(() -> ApiException.notFound("draftId", "Policy profile"));
        if (draft.published()) {
            // a published revision is what is (or will be) in force: trying it against itself says nothing
            throw ApiException.badInput("draftId", "Only a draft can be tried; this revision is published. "
                    + "Start a draft from it (createPolicyDraft) and try that.");
        }
        Optional<PolicyProfile> current = profiles.inForce(on);
        List<StationData> loaded = data.stations(stations.checkedOn(on), on);
        Map<UUID, StationCompliance> before = index(judge(current, loaded, on));
        Map<UUID, StationCompliance> after = index(judge(Optional.of(draft), loaded, on));
        List<StationCompliance> failing = new ArrayList<>();
        List<StationCompliance> passing = new ArrayList<>();
        for (UUID id : after.keySet()) {
            // with no revision in force nothing fails, so whatever the draft finds is new
            boolean was = before.get(id).standing() != StationCompliance.Standing.NOT_COMPLIANT;
            boolean will = after.get(id).passes();
            if (was && !will) {
                failing.add(after.get(id));
            } else if (!was && will) {
                passing.add(after.get(id));
            }
        }
        Map<UUID, Map<String, Qualification>> workersBefore = current.isEmpty() ? Map.of()
                : postQualifications(policies.compile(current.get()), loaded, on);
        Map<UUID, Map<String, Qualification>> workersAfter = postQualifications(policies.compile(draft), loaded, on);
        List<WorkerChange> changes = workerChanges(workersBefore, workersAfter);
        Set<UUID> failedBefore = failing(workersBefore);
        Set<UUID> failedAfter = failing(workersAfter);
        return new WhatIf(on, draft, current.orElse(null), failing, passing,
                failedAfter.stream().filter(w -> !failedBefore.contains(w)).sorted().toList(),
                failedBefore.stream().filter(w -> !failedAfter.contains(w)).sorted().toList(), changes);
    }

    /**
     * Each posted worker's standing per rule under a revision, over their posts at the stations
     * checked: a rule that applies in two posts counts as failed when it fails in either.
     */
    private static Map<UUID, Map<String, Qualification>> postQualifications(CompiledPolicy policy, List<StationData> loaded,
                                                                          LocalDate on) {
        Map<UUID, Map<String, Qualification>> out = new LinkedHashMap<>();
        for (StationData d : loaded) {
            if (d.statusOn() == null || !StationCompliance.CHECKED.contains(d.statusOn())) {
                continue;
            }
            for (StationData.Post post : d.posts()) {
                Map<String, Qualification> byRule = out.computeIfAbsent(post.worker().id(), k -> new LinkedHashMap<>());
                for (PolicyDocument.QualificationRule rule : policy.document().qualificationRules()) {
                    if (rule.appliesTo(d.station().kindCode(), post.assignment().role(), post.worker().designationsHeld(on))) {
                        Qualification q = ComplianceEngine.qualify(policy, rule, post.worker(), post.facts());
                        byRule.merge(q.rule(), q, (a, b) -> a.satisfied() ? b : a);
                    }
                }
            }
        }
        return out;
    }

    private static Set<UUID> failing(Map<UUID, Map<String, Qualification>> workers) {
        return workers.entrySet().stream()
                .filter(e -> e.getValue().values().stream().anyMatch(q -> q.severity() == Severity.VIOLATION
                        && !q.satisfied() && !q.unevaluated()))
                .map(Map.Entry::getKey).collect(Collectors.toSet());
    }

    private static List<WorkerChange> workerChanges(Map<UUID, Map<String, Qualification>> before,
                                                    Map<UUID, Map<String, Qualification>> after) {
        List<WorkerChange> out = new ArrayList<>();
        Set<UUID> workers = new java.util.TreeSet<>(before.keySet());
        workers.addAll(after.keySet());
        for (UUID w : workers) {
            Map<String, Qualification> b = before.getOrDefault(w, Map.of());
            Map<String, Qualification> a = after.getOrDefault(w, Map.of());
            Set<String> rules = new java.util.LinkedHashSet<>(b.keySet());
            rules.addAll(a.keySet());
            for (String rule : rules) {
                Qualification was = b.get(rule);
                Qualification will = a.get(rule);
                if (was != null && will != null && was.satisfied() == will.satisfied() && was.severity() == will.severity()) {
                    continue;
                }
                Qualification shown = will != null ? will : was;
                out.add(new WorkerChange(w, rule, shown.labelZh(), shown.labelEn(), shown.severity(), was, will));
            }
        }
        return out;
    }

    /**
     * Each station as it stood on the date: one not signed, operating or suspended then is not
     * checked, and with no profile in force nothing is judged, never "compliant".
     */
    private List<StationCompliance> judge(Optional<PolicyProfile> profile, List<StationData> loaded, LocalDate on) {
        CompiledPolicy policy = profile.map(policies::compile).orElse(null);
        return loaded.stream().map(d -> new StationCompliance(on, profile.orElse(null), d.station(), d.statusOn(),
                findings(policy, d, on))).toList();
    }

    private static List<Finding> findings(CompiledPolicy policy, StationData d, LocalDate on) {
        UUID id = d.station().id();
        if (policy == null) {
            return List.of(new Finding("no_profile", Severity.INFO, "该日期没有生效的政策配置",
                    "no policy profile is in force on this date", null, id, List.of()));
        }
        if (d.statusOn() == null) {
            return List.of(new Finding("not_checked", Severity.INFO, "该日期站点尚未登记", "the station was not yet registered on this date",
                    null, id, List.of()));
        }
        if (!StationCompliance.CHECKED.contains(d.statusOn())) {
            return List.of(new Finding("not_checked", Severity.INFO, "该日期站点不在检查范围（状态：" + d.statusOn() + "）",
                    "the station was not checked on this date (status " + d.statusOn() + ")", null, id, List.of()));
        }
        return ComplianceEngine.station(policy, d, on);
    }

    private static Map<UUID, StationCompliance> index(List<StationCompliance> list) {
        return list.stream().collect(Collectors.toMap(c -> c.station().id(), Function.identity()));
    }


    private static ComplianceReport.Totals totals(List<StationCompliance> rows) {
        return new ComplianceReport.Totals(rows.size(), (int) rows.stream().filter(StationCompliance::passes).count(),
                rows.stream().mapToInt(StationCompliance::violations).sum(),
                rows.stream().mapToInt(StationCompliance::advisories).sum(),
                rows.stream().mapToInt(StationCompliance::unevaluated).sum(),
                rows.stream().mapToInt(StationCompliance::undetermined).sum());
    }

    /** Findings per rule and severity: one rule can find a violation at one station and only advise at another. */
    private static List<ComplianceReport.RuleCount> byRule(List<StationCompliance> rows, RuleLabels labels) {
        Map<List<String>, List<Finding>> grouped = rows.stream().flatMap(c -> c.findings().stream())
                .collect(Collectors.groupingBy(f -> List.of(f.rule(), f.severity().name()), LinkedHashMap::new,
                        Collectors.toList()));
        return grouped.entrySet().stream().map(e -> {
                    String[] label = labels.of(e.getKey().get(0));
                    return new ComplianceReport.RuleCount(e.getKey().get(0), label[0], label[1],
                            e.getKey().get(1), e.getValue().getFirst().source(), e.getValue().size(),
                            (int) e.getValue().stream().map(Finding::stationId).distinct().count());
                })
                .sorted(Comparator.comparingInt(ComplianceReport.RuleCount::findings).reversed()
                        .thenComparing(r -> Severity.valueOf(r.severity())))
                .toList();
    }

    /**
     * The report's stations rolled up to the divisions of one level above them (a city's 区市, a
     * district's streets): each station counts toward the division of that level it lies in, or
     * its own division when that is of the level. Stations above the level are left out. One
     * statement reads every division above the stations.
     */
    public List<ComplianceReport.GroupCount> rollUp(ComplianceReport report, String level) {
        Set<UUID> located = report.rows().stream().map(c -> c.station().divisionId()).collect(Collectors.toSet());
        Map<UUID, Division> known = divisions.withAncestors(Ids.array(located)).stream()
                .collect(Collectors.toMap(Division::id, Function.identity()));
        Map<UUID, UUID> at = new HashMap<>();
        for (UUID id : located) {
            Division d = known.get(id);
            while (d != null && !level.equals(d.level())) {
                d = d.parentId() == null ? null : known.get(d.parentId());
            }
            if (d != null) {
                at.put(id, d.id());
            }
        }
        List<StationCompliance> within = report.rows().stream().filter(c -> at.containsKey(c.station().divisionId())).toList();
        return groups(within, c -> at.get(c.station().divisionId()).toString(), true);
    }

    private static List<ComplianceReport.GroupCount> groups(List<StationCompliance> rows,
                                                            Function<StationCompliance, String> key, boolean division) {
        Map<String, List<StationCompliance>> grouped = rows.stream()
                .collect(Collectors.groupingBy(key, LinkedHashMap::new, Collectors.toList()));
        return grouped.entrySet().stream().map(e -> new ComplianceReport.GroupCount(e.getKey(),
                        division ? UUID.fromString(e.getKey()) : null, e.getValue().size(),
                        (int) e.getValue().stream().filter(StationCompliance::passes).count(),
                        e.getValue().stream().mapToInt(StationCompliance::violations).sum(),
                        e.getValue().stream().mapToInt(StationCompliance::advisories).sum()))
                .sorted(Comparator.comparingInt(ComplianceReport.GroupCount::violations).reversed()).toList();
    }
}
