package io.shegong.contract;

import io.micronaut.core.annotation.Nullable;
import io.shegong.calendar.Deadlines;
import io.shegong.calendar.DueItem;
import io.shegong.calendar.DueItemSource;
import io.shegong.core.db.Ids;
import io.shegong.core.security.Caller;
import io.shegong.core.security.Role;
import io.shegong.policy.ContractRules;
import io.shegong.policy.ContractRules.Rule;
import io.shegong.policy.Milestone;
import io.shegong.station.OperatorStationRepository;
import jakarta.inject.Singleton;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The reports signed contracts owe, as due items of the bureau's calendar: for each REPORTS rule
 * of the profile in force on an item's day, each period of each signed contract's run is due the
 * rule's days after it ends, and the report of that kind submitted for the period closes it. A
 * contract's items belong to the stations it serves. Whatever the number of contracts, and
 * whether the profile has REPORTS rules or not, the window costs three statements (the contracts
 * touching it, their stations, their reports) and one more for an operator's own staff (its
 * granted stations).
 */
@Singleton
public class ContractReportDues implements DueItemSource {
    private final ContractRepository contracts;
    private final ContractReportRepository reports;
    private final OperatorStationRepository grants;

    public ContractReportDues(ContractRepository contracts, ContractReportRepository reports, OperatorStationRepository grants) {
        this.contracts = contracts;
        this.reports = reports;
        this.grants = grants;
    }

    @Override
    public List<DueItem> items(Caller caller, List<Deadlines.Span> spans, @Nullable Set<UUID> stations, LocalDate asOf) {
        List<Rule> any = spans.stream().flatMap(s -> reportRules(s.contracts()).stream()).toList();
        if (stations != null && stations.isEmpty() || spans.isEmpty()) {
            return List.of();
        }
        Set<UUID> visible = stations;
        if (!seesAll(caller)) {
            Set<UUID> granted = new HashSet<>(grants.granted(caller.subject()));
            if (visible != null) {
                granted.retainAll(visible);
            }
            visible = granted;
            if (visible.isEmpty()) {
                return List.of();
            }
        }
        LocalDate from = spans.getFirst().from();
        LocalDate to = spans.getLast().to();
        // a report falls due up to the longest `days` after the term's last day
        int longest = any.stream().mapToInt(Rule::days).max().orElse(0);
        // read even when no rule asks for reports, so that every bureau's calendar costs the same statements
        List<Contract> touching = contracts.signedDuring(from.minusDays(longest), to);
        Map<UUID, List<UUID>> servedBy = new HashMap<>();
        contracts.stationsOf(Ids.array(touching.stream().map(Contract::id).toList()))
                .forEach(cs -> servedBy.computeIfAbsent(cs.contractId(), k -> new ArrayList<>()).add(cs.stationId()));
        Set<UUID> within = visible;
        List<Contract> owing = touching.stream().filter(c -> within == null
                || servedBy.getOrDefault(c.id(), List.of()).stream().anyMatch(within::contains)).toList();
        Map<UUID, List<ContractReport>> submitted = new HashMap<>();
        reports.of(Ids.array(owing.stream().map(Contract::id).toList())).stream().filter(r -> !r.submittedOn().isAfter(asOf))
                .forEach(r -> submitted.computeIfAbsent(r.contractId(), k -> new ArrayList<>()).add(r));
        List<DueItem> out = new ArrayList<>();
        for (Deadlines.Span span : spans) {
            for (Rule rule : reportRules(span.contracts())) {
                Milestone owed = milestone(rule);
                for (Contract c : owing) {
                    for (ReportPeriods.Period p : ReportPeriods.owed(c, rule)) {
                        if (!span.contains(p.dueOn())) {
                            continue;
                        }
                        ContractReport done = p.report(rule.kind(), submitted.getOrDefault(c.id(), List.of()));
                        DueItem.Status status = done != null ? DueItem.Status.DONE
                                : p.dueOn().isBefore(asOf) ? DueItem.Status.OVERDUE : DueItem.Status.DUE;
                        out.add(new DueItem(owed, p.dueOn().getYear(), p.dueOn(), null, null, status, null,
                                new DueItem.Report(c.id(), c.operatorId(), rule.kind(), p.start(), p.end(),
                                        List.copyOf(servedBy.getOrDefault(c.id(), List.of())),
                                        done == null ? null : done.id(), done == null ? null : done.submittedOn())));
                    }
                }
            }
        }
        return out;
    }

    /**
     * The bureau's administrators, supervisors and viewers see every contract's reports; an
     * operator's own staff those of the contracts serving the stations granted to them.
     */
    private static boolean seesAll(Caller caller) {
        return caller.has(Role.TENANT_ADMIN) || caller.has(Role.SUPERVISOR) || caller.has(Role.VIEWER)
                || !caller.has(Role.STATION_OPERATOR);
    }

    private static List<Rule> reportRules(ContractRules rules) {
        return rules.rules().stream().filter(r -> r.check() == ContractRules.Check.REPORTS).toList();
    }

    /** The rule as the calendar shows an item: its label, source and words, owed by the operator. */
    private static Milestone milestone(Rule rule) {
        String zh = ContractChecks.reportZh(rule.kind());
        return new Milestone(rule.code(), rule.labelZh(), rule.labelEn(),
                new Milestone.Responsible(Milestone.Party.OPERATOR, List.of(), null), null,
                rule.days() == 0 ? "报告期结束时" : "报告期结束后" + rule.days() + "日内",
                "承接主体提交的本期" + zh, "The operator's " + rule.kind().toLowerCase().replace('_', ' ')
                + " report for the period, submitted", rule.basis());
    }
}
