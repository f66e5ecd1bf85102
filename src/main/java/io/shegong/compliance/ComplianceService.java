package io.shegong.compliance;

import io.shegong.core.db.Ids;
import io.shegong.core.error.ApiException;
import io.shegong.core.security.Caller;
import io.shegong.division.Division;
import io.shegong.division.DivisionRepository;
import io.shegong.policy.CompiledPolicy;
import io.shegong.policy.PolicyDocument.Severity;
import io.shegong.policy.PolicyProfile;
import io.shegong.policy.PolicyRepository;
import io.shegong.policy.PolicyService;
import io.shegong.policy.WorkerData;
import io.shegong.station.Station;
import io.shegong.station.StationRepository;
import io.shegong.worker.Assignment;
import jakarta.inject.Singleton;

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
        return evaluate(stations.byIds(Ids.array(ids)), profile, on).stream()
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
        Map<UUID, String> kinds = stations.byIds(Ids.array(stationIds)).stream()
                .collect(Collectors.toMap(Station::id, Station::kindCode));
        for (UUID id : ids) {
            WorkerData worker = w.data().get(id);
            if (worker == null) {
                continue;
            }
            out.put(id, qualifications(policy, worker, w.posts().getOrDefault(id, List.of()), kinds,
                    w.firstStart().get(id), on));
        }
        return out;
    }

    /** Each rule once: in the first current post it applies to, or without a post when there is none. */
    private static List<Qualification> qualifications(CompiledPolicy policy, WorkerData worker, List<Assignment> posts,
                                                      Map<UUID, String> kinds, LocalDate firstStart, LocalDate on) {
        List<Assignment> current = posts.stream().filter(a -> a.currentOn(on)).toList();
        if (current.isEmpty()) {
            return ComplianceEngine.worker(policy, worker, null, "", firstStart, on);
        }
        Map<String, Qualification> byRule = new LinkedHashMap<>();
        for (Assignment a : current) {
            for (Qualification q : ComplianceEngine.worker(policy, worker.inPost(a.fullTime()), kinds.get(a.stationId()),
                    a.role(), firstStart, on)) {
                byRule.putIfAbsent(q.rule(), q);
            }
        }
        return new ArrayList<>(byRule.values());
    }

    public ComplianceReport report(Caller caller, LocalDate on, ComplianceReport.Filter filter) {
        caller.requireTenantMember();
        Optional<PolicyProfile> profile = profiles.inForce(on);
        // a division's report covers the divisions below it, as the station list's filter does
        Set<UUID> within = filter.divisionId() == null ? null : new HashSet<>(divisions.subtree(filter.divisionId()));
        List<Station> all = stations.active().stream()
                .filter(s -> filter.kind() == null || s.kindCode().equals(filter.kind()))
                .filter(s -> within == null || within.contains(s.divisionId())).toList();
        List<StationCompliance> rows = evaluate(all, profile, on).stream()
                .filter(c -> filter.severity() == null
                        || c.findings().stream().anyMatch(f -> f.severity() == filter.severity()))
                .sorted(Comparator.comparingInt(StationCompliance::violations).reversed()
                        .thenComparing(Comparator.comparingInt(StationCompliance::advisories).reversed())
                        .thenComparing(c -> c.station().code()))
                .toList();
        return new ComplianceReport(on, profile.orElse(null), totals(rows), byRule(rows),
                groups(rows, c -> c.station().kindCode(), false), groups(rows, c -> c.station().divisionId().toString(), true), rows);
    }

    /** Stations and workers whose standing would change if the draft were in force on the date. */
    public record WhatIf(LocalDate on, PolicyProfile draft, PolicyProfile inForce, List<StationCompliance> stationsNewlyFailing,
                         List<StationCompliance> stationsNewlyPassing, List<UUID> workersNewlyFailing, List<UUID> workersNewlyPassing) {
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
        List<Station> all = stations.active();
        List<StationData> loaded = data.stations(all, on);
        Map<UUID, StationCompliance> before = index(run(current, loaded, on));
        Map<UUID, StationCompliance> after = index(run(Optional.of(draft), loaded, on));
        List<StationCompliance> failing = new ArrayList<>();
        List<StationCompliance> passing = new ArrayList<>();
        for (UUID id : after.keySet()) {
            boolean was = before.get(id).compliant();
            boolean will = after.get(id).compliant();
            if (was && !will) {
                failing.add(after.get(id));
            } else if (!was && will) {
                passing.add(after.get(id));
            }
        }
        Set<UUID> workersBefore = failingWorkers(before.values());
        Set<UUID> workersAfter = failingWorkers(after.values());
        return new WhatIf(on, draft, current.orElse(null), failing, passing,
                workersAfter.stream().filter(w -> !workersBefore.contains(w)).toList(),
                workersBefore.stream().filter(w -> !workersAfter.contains(w)).toList());
    }

    private List<StationCompliance> evaluate(List<Station> list, Optional<PolicyProfile> profile, LocalDate on) {
        if (profile.isEmpty()) {
            return list.stream().map(st -> new StationCompliance(on, null, st, List.of(new Finding("no_profile",
                    Severity.INFO, "该日期没有生效的政策配置", "no policy profile is in force on this date", null,
                    st.id(), List.of())))).toList();
        }
        return run(profile, data.stations(list, on), on);
    }

    private List<StationCompliance> run(Optional<PolicyProfile> profile, List<StationData> loaded, LocalDate on) {
        if (profile.isEmpty()) {
            return loaded.stream().map(d -> new StationCompliance(on, null, d.station(), List.of())).toList();
        }
        CompiledPolicy policy = policies.compile(profile.get());
        return loaded.stream().map(d -> new StationCompliance(on, profile.get(), d.station(),
                ComplianceEngine.station(policy, d, on))).toList();
    }

    private static Map<UUID, StationCompliance> index(List<StationCompliance> list) {
        return list.stream().collect(Collectors.toMap(c -> c.station().id(), Function.identity()));
    }

    private static Set<UUID> failingWorkers(Collection<StationCompliance> list) {
        return list.stream().flatMap(c -> c.findings().stream())
                .filter(f -> f.severity() == Severity.VIOLATION && !f.workerIds().isEmpty() && f.workerIds().size() == 1)
                .flatMap(f -> f.workerIds().stream()).collect(Collectors.toSet());
    }

    private static ComplianceReport.Totals totals(List<StationCompliance> rows) {
        return new ComplianceReport.Totals(rows.size(), (int) rows.stream().filter(StationCompliance::compliant).count(),
                rows.stream().mapToInt(StationCompliance::violations).sum(),
                rows.stream().mapToInt(StationCompliance::advisories).sum(),
                rows.stream().mapToInt(StationCompliance::unevaluated).sum());
    }

    /** Findings per rule and severity: one rule can find a violation at one station and only advise at another. */
    private static List<ComplianceReport.RuleCount> byRule(List<StationCompliance> rows) {
        Map<List<String>, List<Finding>> grouped = rows.stream().flatMap(c -> c.findings().stream())
                .collect(Collectors.groupingBy(f -> List.of(f.rule(), f.severity().name()), LinkedHashMap::new,
                        Collectors.toList()));
        return grouped.entrySet().stream().map(e -> new ComplianceReport.RuleCount(e.getKey().get(0),
                        e.getKey().get(1), e.getValue().getFirst().source(), e.getValue().size(),
                        (int) e.getValue().stream().map(Finding::stationId).distinct().count()))
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
                        (int) e.getValue().stream().filter(StationCompliance::compliant).count(),
                        e.getValue().stream().mapToInt(StationCompliance::violations).sum(),
                        e.getValue().stream().mapToInt(StationCompliance::advisories).sum()))
                .sorted(Comparator.comparingInt(ComplianceReport.GroupCount::violations).reversed()).toList();
    }
}
