package io.shegong.target;

import io.shegong.core.error.ApiException;
import io.shegong.core.security.Caller;
import io.shegong.core.time.BureauCalendar;
import io.shegong.division.Division;
import io.shegong.division.DivisionRepository;
import io.shegong.policy.CompiledPolicy;
import io.shegong.policy.PolicyService;
import io.shegong.policy.Target;
import io.shegong.policy.WorkerFacts;
import io.shegong.station.StationRepository;
import io.shegong.station.StationStatusChangeRepository;
import io.shegong.worker.WorkerRepository;
import jakarta.inject.Singleton;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * Targets and coverage on a day, computed on read from the registry as it stood then (station
 * statuses by their history, designations held, schools served) against the profile in force.
 */
@Singleton
public class TargetService {
    static final int MAX_MONTHS = 120;

    private final PolicyService policies;
    private final StationRepository stations;
    private final StationStatusChangeRepository changes;
    private final DivisionRepository divisions;
    private final DesignationRepository designations;
    private final HostFacilityRepository facilities;
    private final WorkerRepository workers;
    private final BureauCalendar calendar;

    public TargetService(PolicyService policies, StationRepository stations, StationStatusChangeRepository changes,
                         DivisionRepository divisions, DesignationRepository designations, HostFacilityRepository facilities,
                         WorkerRepository workers, BureauCalendar calendar) {
        this.policies = policies;
        this.stations = stations;
        this.changes = changes;
        this.divisions = divisions;
        this.designations = designations;
        this.facilities = facilities;
        this.workers = workers;
        this.calendar = calendar;
    }

    /** The targets of the profile in force on the day (today when null), each as it stood that day. */
    public List<TargetStatus> targets(Caller caller, LocalDate on) {
        caller.requireTenantMember();
        LocalDate day = on == null ? calendar.today() : on;
        List<Target> targets = policies.inForce(caller, day).map(p -> policies.compile(p).targets()).orElse(List.of());
        if (targets.isEmpty()) {
            return List.of();
        }
        Registry registry = load(targets);
        return targets.stream().map(t -> TargetStatus.of(t, day, registry)).toList();
    }

    /** Which divisions of a level have an operating station of the kinds (every kind when empty) on a day. */
    public Coverage coverage(Caller caller, LocalDate on, Division.Level level, List<String> stationKinds, String domain) {
        caller.requireTenantMember();
        LocalDate day = on == null ? calendar.today() : on;
        Target.Measure measure = new Target.Measure(Target.MeasureKind.COVERED_DIVISIONS,
                stationKinds == null ? List.of() : stationKinds, domain, level.name(), null, List.of(), null, 1);
        Registry.Count c = load(List.of()).count(measure, day);
        return new Coverage(day, level.name(), c.base(), c.value(), c.lackingDivisions());
    }

    /** Divisions of a level and how many of them a station covers, with those it does not. */
    public record Coverage(LocalDate on, String level, int divisions, int covered, List<Division> lacking) {
        public Double share() {
            return divisions == 0 ? null : (double) covered / divisions;
        }
    }

    /** The target's measure at the end of each month from `from` to `to` (the month of `on` ends on it). */
    public List<TargetStatus.Point> history(TargetStatus status, YearMonth from, YearMonth to) {
        Target t = status.target();
        if (t.measure() == null) {
            return List.of();
        }
        if (to.isBefore(from)) {
            throw ApiException.badInput("from", "from must not be after to");
        }
        if (from.plusMonths(MAX_MONTHS - 1).isBefore(to)) {
            throw ApiException.badInput("to", "at most " + MAX_MONTHS + " months at once");
        }
        List<TargetStatus.Point> points = new ArrayList<>();
        LocalDate today = calendar.today();
        for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
            LocalDate day = m.atEndOfMonth().isAfter(today) ? today : m.atEndOfMonth();
            if (day.isBefore(m.atDay(1))) {
                break;
            }
            Registry.Count c = status.registry().count(t.measure(), day);
            points.add(new TargetStatus.Point(m.toString(), day, c.value(),
                    c.value() >= TargetStatus.needed(t.threshold(), c.base())));
        }
        return points;
    }

    /** Reads what the targets count, each part only when a target needs it: a handful of statements. */
    private Registry load(List<Target> targets) {
        boolean facilitiesNeeded = Registry.uses(targets, Target.MeasureKind.SERVED_FACILITIES);
        boolean designationsNeeded = Registry.uses(targets, Target.MeasureKind.DESIGNATED_STATIONS)
                || Registry.uses(targets, Target.MeasureKind.DESIGNATED_WORKERS);
        boolean certifiedNeeded = Registry.uses(targets, Target.MeasureKind.CERTIFIED_WORKERS);
        return new Registry(stations.all(), changes.all(), divisions.all(),
                designationsNeeded ? designations.all() : List.of(),
                facilitiesNeeded ? facilities.ofKind("SCHOOL") : List.of(),
                certifiedNeeded ? workers.withCertificate(WorkerFacts.CERTIFICATES.subList(1, WorkerFacts.CERTIFICATES.size())
                        .toArray(String[]::new)) : List.of());
    }
}
