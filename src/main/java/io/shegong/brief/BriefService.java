package io.shegong.brief;

import io.shegong.activity.ActivityRecord;
import io.shegong.activity.ActivityService;
import io.shegong.activity.MonthTotals;
import io.shegong.activity.WholeMonths;
import io.shegong.calendar.DueItem;
import io.shegong.calendar.DueItemService;
import io.shegong.compliance.ComplianceReport;
import io.shegong.compliance.ComplianceService;
import io.shegong.compliance.StationCompliance;
import io.shegong.core.db.Ids;
import io.shegong.core.error.ApiException;
import io.shegong.core.security.Caller;
import io.shegong.core.security.Role;
import io.shegong.core.time.BureauCalendar;
import io.shegong.division.DivisionRepository;
import io.shegong.station.Station;
import io.shegong.station.StationAccess;
import io.shegong.station.StationRepository;
import io.shegong.supervision.SupervisionFinding;
import jakarta.inject.Singleton;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The monthly brief, put together on read from the calendar, the activity records, compliance,
 * featured cases and supervision, each read through its own service or in one statement for any
 * number of stations, so the brief costs the same whatever the bureau's size. Every tenant role
 * reads the bureau's brief; a STATION_OPERATOR alone reads the briefs of its granted stations.
 */
@Singleton
public class BriefService {
    private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");
    /** How far ahead a brief may be asked: a year, enough to see the calendar's coming items. */
    static final int MAX_MONTHS_AHEAD = 12;

    private final DueItemService dueItems;
    private final ActivityService activities;
    private final ComplianceService compliance;
    private final BriefRepository sums;
    private final BriefFindingRepository findings;
    private final StationRepository stations;
    private final DivisionRepository divisions;
    private final StationAccess access;
    private final BureauCalendar calendar;

    public BriefService(DueItemService dueItems, ActivityService activities, ComplianceService compliance,
                        BriefRepository sums, BriefFindingRepository findings, StationRepository stations,
                        DivisionRepository divisions, StationAccess access, BureauCalendar calendar) {
        this.dueItems = dueItems;
        this.activities = activities;
        this.compliance = compliance;
        this.sums = sums;
        this.findings = findings;
        this.stations = stations;
        this.divisions = divisions;
        this.access = access;
        this.calendar = calendar;
    }

    /** The bureau's brief, or a division's (its subtree) when `divisionId` is given. */
    public MonthlyBrief ofTenant(Caller caller, String month, UUID divisionId) {
        caller.requireTenantMember();
        if (!readsTheBureau(caller)) {
            throw ApiException.forbidden("A STATION_OPERATOR reads the briefs of its own stations (Station.monthlyBrief), "
                    + "not the bureau's");
        }
        YearMonth ym = month(month);
        Scope scope;
        if (divisionId != null) {
            // another bureau's division reads as one that does not exist
            if (divisions.byIds(Ids.array(List.of(divisionId))).isEmpty()) {
                throw ApiException.notFound("divisionId", "Division");
            }
            Set<UUID> within = new HashSet<>(divisions.subtree(divisionId));
            scope = new Scope(null, divisionId, false, stations.inDivisions(Ids.array(within)).stream().map(Station::id).toList());
        } else {
            scope = new Scope(null, null, true, List.of());
        }
        return brief(caller, ym, scope);
    }

    /** One station's brief; the caller's station was already found in its tenant. */
    public MonthlyBrief ofStation(Caller caller, UUID stationId, String month) {
        caller.requireTenantMember();
        if (!readsTheBureau(caller) && !access.canEdit(caller, stationId)) {
            throw ApiException.forbidden("A STATION_OPERATOR reads the briefs of the stations granted to it");
        }
        return brief(caller, month(month), new Scope(stationId, null, false, List.of(stationId)));
    }

    private static boolean readsTheBureau(Caller caller) {
        return caller.has(Role.TENANT_ADMIN) || caller.has(Role.SUPERVISOR) || caller.has(Role.VIEWER);
    }

    /** Whom the brief covers: one station, a division's stations, or every station (`all`). */
    private record Scope(UUID stationId, UUID divisionId, boolean all, List<UUID> stationIds) {
        String[] ids() {
            return Ids.array(stationIds);
        }
    }

    /** `YYYY-MM`; the bureau's current month when omitted; at most a year ahead. */
    private YearMonth month(String month) {
        YearMonth now = YearMonth.from(calendar.today());
        if (month == null) {
            return now;
        }
        YearMonth ym;
        try {
            ym = MONTH.matcher(month).matches() ? YearMonth.parse(month) : null;
        } catch (DateTimeParseException e) {
            ym = null;
        }
        if (ym == null || ym.getYear() < 2000) {
            // the input is echoed only in part: a message never carries an unbounded argument back
            String given = month.length() > 20 ? month.substring(0, 20) + "…" : month;
            throw ApiException.badInput("month", "month is a month as YYYY-MM from 2000 on, e.g. " + now + "; '"
                    + given + "' is not");
        }
        if (ym.isAfter(now.plusMonths(MAX_MONTHS_AHEAD))) {
            throw ApiException.badInput("month", "month is at most " + MAX_MONTHS_AHEAD + " months ahead of this one, "
                    + now + "; " + ym + " is too far");
        }
        return ym;
    }

    private MonthlyBrief brief(Caller caller, YearMonth ym, Scope scope) {
        LocalDate from = ym.atDay(1);
        LocalDate to = ym.atEndOfMonth();
        LocalDate today = calendar.today();
        // what is not yet known is not reported: a month still running (or to come) stands as of today
        LocalDate asOf = to.isBefore(today) ? to : today;
        LocalDate previousEnd = from.minusDays(1).isBefore(asOf) ? from.minusDays(1) : asOf;
        YearMonth previous = ym.minusMonths(1);

        // a year back: the span compliance weighs overdue items over
        List<DueItem> items = dueItems.list(caller, new DueItemService.Query(from.minusYears(1), to, scope.stationId(),
                scope.divisionId(), null, null)).stream().map(i -> asOf(i, asOf)).toList();
        List<DueItem> dueThisMonth = items.stream().filter(i -> !i.dueOn().isBefore(from)).toList();
        List<DueItem> overdue = items.stream().filter(i -> i.status() == DueItem.Status.OVERDUE).toList();

        Map<String, MonthlyBrief.Activity> activity;
        List<MonthTotals> byDivision;
        if (scope.stationId() != null) {
            activity = stationActivity(caller, scope.stationId(), previous.atDay(1), to);
            byDivision = List.of();
        } else {
            List<MonthTotals> months = activities.summary(caller, previous.atDay(1), to, scope.divisionId());
            WholeMonths whole = WholeMonths.of(previous.atDay(1), to, calendar.today());
            activity = tenantActivity(months, sums.served(previous.atDay(1), to, whole.start(), whole.end(), scope.all(),
                    scope.ids()));
            byDivision = months.stream().filter(m -> m.month().equals(ym.toString())).toList();
        }

        CaseTally cases = sums.cases(from, to, scope.all(), scope.ids());
        List<SupervisionFinding> weighed = findings.weighed(from, to, asOf, scope.all(), scope.ids());
        int rectified = (int) weighed.stream().filter(f -> SupervisionFinding.Status.CLOSED.name().equals(f.status())
                && f.reinspectedOn() != null && !f.reinspectedOn().isBefore(from) && !f.reinspectedOn().isAfter(to)).count();
        int overdueRectifications = (int) weighed.stream().filter(f -> f.overdueOn(asOf)).count();

        return new MonthlyBrief(ym.toString(), from, to, asOf, scope.stationId(), scope.divisionId(),
                dueThisMonth, overdue, late(overdue),
                activity.getOrDefault(ym.toString(), empty(ym)), activity.getOrDefault(previous.toString(), empty(previous)),
                byDivision, complianceChange(caller, scope, previousEnd, asOf),
                new MonthlyBrief.Cases(cases.submitted().intValue(), cases.accepted().intValue(), cases.returned().intValue()),
                new MonthlyBrief.Rectifications((int) sums.rectificationsOpened(from, to, scope.all(), scope.ids()),
                        rectified, overdueRectifications));
    }

    /**
     * The item as it stood on `asOf`: a completion recorded (or a report submitted) after that day
     * did not close it yet. The calendar lists items as they stand today, later than asked for a past month.
     */
    private static DueItem asOf(DueItem i, LocalDate asOf) {
        return i.asOf(asOf);
    }

    /** Each late party once, the most overdue items first. */
    private static List<MonthlyBrief.LateParty> late(List<DueItem> overdue) {
        Map<List<Object>, List<DueItem>> byParty = new LinkedHashMap<>();
        for (DueItem i : overdue) {
            byParty.computeIfAbsent(java.util.Arrays.asList(i.party(), i.stationId(), i.divisionId(), operatorOf(i)),
                    k -> new ArrayList<>()).add(i);
        }
        return byParty.values().stream()
                .map(list -> new MonthlyBrief.LateParty(list.getFirst().party(), list.getFirst().stationId(),
                        list.getFirst().divisionId(), operatorOf(list.getFirst()), list))
                .sorted(Comparator.comparingInt(MonthlyBrief.LateParty::overdue).reversed())
                .toList();
    }

    /** The operator owing a contract's report; null for the calendar's milestones. */
    private static UUID operatorOf(DueItem i) {
        return i.report() == null ? null : i.report().operatorId();
    }

    /** A station's two months from its records, through the activity service's period. */
    private Map<String, MonthlyBrief.Activity> stationActivity(Caller caller, UUID stationId, LocalDate from, LocalDate to) {
        ActivityService.Period both = activities.periods(caller, Set.of(stationId), from, to).get(stationId);
        Map<String, List<ActivityRecord>> byMonth = both.records().stream()
                .collect(Collectors.groupingBy(r -> YearMonth.from(r.heldOn()).toString()));
        Map<String, MonthlyBrief.Activity> out = new LinkedHashMap<>();
        byMonth.forEach((month, records) -> {
            ActivityService.Period p = new ActivityService.Period(from, to, records);
            Map<String, Integer> served = new LinkedHashMap<>();
            p.beneficiaries().entrySet().stream()
                    .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                    .forEach(e -> served.put(e.getKey(), e.getValue()));
            out.put(month, new MonthlyBrief.Activity(month, records.size(), p.hours(), served, p.volunteers(), p.volunteerHours()));
        });
        return out;
    }

    /** The tenant's two months from the summary by division and month, and the people served by category. */
    private static Map<String, MonthlyBrief.Activity> tenantActivity(List<MonthTotals> months, List<ServedCount> served) {
        Map<String, MonthlyBrief.Activity> out = new LinkedHashMap<>();
        months.stream().collect(Collectors.groupingBy(MonthTotals::month, LinkedHashMap::new, Collectors.toList()))
                .forEach((month, divisions) -> {
                    Map<String, Integer> categories = new LinkedHashMap<>();
                    served.stream().filter(s -> s.month().equals(month))
                            .forEach(s -> categories.put(s.code(), s.n().intValue()));
                    out.put(month, new MonthlyBrief.Activity(month,
                            divisions.stream().mapToInt(d -> d.records().intValue()).sum(),
                            divisions.stream().mapToDouble(MonthTotals::hours).sum(), categories,
                            divisions.stream().mapToInt(d -> d.volunteers().intValue()).sum(),
                            divisions.stream().mapToDouble(MonthTotals::volunteerHours).sum()));
                });
        return out;
    }

    private static MonthlyBrief.Activity empty(YearMonth month) {
        return new MonthlyBrief.Activity(month.toString(), 0, 0, Map.of(), 0, 0);
    }

    /**
     * Compliance at the end of the month before and on `asOf`, each through the compliance
     * service (the report for the bureau or a division, the station's own for a station).
     */
    private MonthlyBrief.ComplianceChange complianceChange(Caller caller, Scope scope, LocalDate previousOn, LocalDate on) {
        List<StationCompliance> before = judged(caller, scope, previousOn);
        List<StationCompliance> after = judged(caller, scope, on);
        Set<UUID> failedBefore = before.stream().filter(c -> c.standing() == StationCompliance.Standing.NOT_COMPLIANT)
                .map(c -> c.station().id()).collect(Collectors.toSet());
        Set<UUID> passedBefore = before.stream().filter(StationCompliance::passes).map(c -> c.station().id())
                .collect(Collectors.toSet());
        List<Station> failing = after.stream().filter(c -> c.standing() == StationCompliance.Standing.NOT_COMPLIANT)
                .filter(c -> !failedBefore.contains(c.station().id())).map(StationCompliance::station)
                .sorted(Comparator.comparing(Station::code)).toList();
        List<Station> passing = after.stream().filter(StationCompliance::passes)
                .filter(c -> failedBefore.contains(c.station().id()) && !passedBefore.contains(c.station().id()))
                .map(StationCompliance::station).sorted(Comparator.comparing(Station::code)).toList();
        return new MonthlyBrief.ComplianceChange(previousOn, on, standing(before), standing(after), failing, passing);
    }

    /** The stations checked on the day, as the report counts them. */
    private List<StationCompliance> judged(Caller caller, Scope scope, LocalDate on) {
        if (scope.stationId() != null) {
            StationCompliance one = compliance.stations(caller, List.of(scope.stationId()), on).get(scope.stationId());
            return one == null || one.standing() == StationCompliance.Standing.NOT_CHECKED ? List.of() : List.of(one);
        }
        return compliance.rowsUntilChanged(caller, on, new ComplianceReport.Filter(null, scope.divisionId(), null));
    }

    private static MonthlyBrief.Standing standing(List<StationCompliance> rows) {
        return new MonthlyBrief.Standing(rows.size(), (int) rows.stream().filter(StationCompliance::passes).count(),
                (int) rows.stream().filter(c -> c.standing() == StationCompliance.Standing.NOT_COMPLIANT).count(),
                rows.stream().mapToInt(StationCompliance::violations).sum(),
                rows.stream().mapToInt(StationCompliance::advisories).sum());
    }
}
