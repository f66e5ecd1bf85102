package io.shegong.calendar;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.shegong.audit.AuditLog;
import io.shegong.core.db.Ids;
import io.shegong.core.error.ApiException;
import io.shegong.core.graphql.NodeId;
import io.shegong.core.security.Caller;
import io.shegong.core.security.Role;
import io.shegong.core.time.BureauCalendar;
import io.shegong.division.Division;
import io.shegong.division.DivisionRepository;
import io.shegong.policy.Milestone;
import io.shegong.policy.Milestone.Party;
import io.shegong.policy.PolicyProfile;
import io.shegong.policy.PolicyRepository;
import io.shegong.policy.PolicyService;
import io.shegong.station.Station;
import io.shegong.station.StationAccess;
import io.shegong.station.StationRepository;
import io.shegong.station.StationStatusChange;
import io.shegong.station.StationStatusChangeRepository;
import jakarta.inject.Singleton;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The bureau's calendar: due items expanded on read from the profile in force on each item's day
 * and from the registry, and the completions that close them. Every tenant role reads; a
 * TENANT_ADMIN completes any item, a STATION_OPERATOR its granted stations' items.
 */
@Singleton
public class DueItemService {
    /** A window of at most this many years, so that one query cannot expand a century of items. */
    static final int MAX_YEARS = 10;

    private final PolicyRepository profiles;
    private final PolicyService policies;
    private final StationRepository stations;
    private final StationStatusChangeRepository statusChanges;
    private final DivisionRepository divisions;
    private final DueItemCompletionRepository completions;
    private final StationAccess access;
    private final BureauCalendar calendar;
    private final AuditLog audit;
    private final List<DueItemSource> sources;

    public DueItemService(PolicyRepository profiles, PolicyService policies, StationRepository stations,
                          StationStatusChangeRepository statusChanges, DivisionRepository divisions,
                          DueItemCompletionRepository completions, StationAccess access, BureauCalendar calendar,
                          AuditLog audit, List<DueItemSource> sources) {
        this.sources = sources;
        this.profiles = profiles;
        this.policies = policies;
        this.stations = stations;
        this.statusChanges = statusChanges;
        this.divisions = divisions;
        this.completions = completions;
        this.access = access;
        this.calendar = calendar;
        this.audit = audit;
    }

    /**
     * Which items to list: due between `from` and `to` (both inclusive), narrowed by the rest;
     * `statuses` lets one call ask for what is overdue and what is coming up together.
     */
    public record Query(LocalDate from, LocalDate to, @Nullable UUID stationId, @Nullable UUID divisionId,
                        @Nullable DueItem.Status status, @Nullable Set<DueItem.Status> statuses) {
    }

    /**
     * The tenant's items in the window: the bureau's, each division's and each station's. A
     * station or a division narrows it to the items of the stations there (a division's subtree)
     * and of the divisions there; the bureau's own items are left out then. An id of another
     * tenant's record reads as one that does not exist: nothing.
     */
    public List<DueItem> list(Caller caller, Query q) {
        caller.requireTenantMember();
        window(q.from(), q.to());
        List<Deadlines.Span> spans = spans(q.from(), q.to());
        List<Station> parties;
        Set<UUID> within = null;
        if (q.stationId() != null) {
            parties = stations.byIds(Ids.array(List.of(q.stationId())));
        } else if (q.divisionId() != null) {
            within = new HashSet<>(divisions.subtree(q.divisionId()));
            parties = within.isEmpty() ? List.of() : stations.inDivisions(Ids.array(within));
        } else {
            parties = stations.all();
        }
        Set<UUID> divisionsWithin = within;
        List<Division> owing = q.stationId() != null ? List.of()
                : divisionsOf(spans).stream().filter(d -> divisionsWithin == null || divisionsWithin.contains(d.id())).toList();
        LocalDate today = calendar.today();
        List<DueItem> items = new ArrayList<>(Deadlines.expand(spans, registry(parties, owing,
                completions.ofYears(q.from().getYear(), q.to().getYear())), today));
        // a contract's reports belong to the stations it serves: narrowed to the stations found here
        Set<UUID> served = q.stationId() == null && q.divisionId() == null ? null
                : parties.stream().map(Station::id).collect(Collectors.toSet());
        sources.forEach(source -> items.addAll(source.items(caller, spans, served, today)));
        items.sort(Comparator.comparing(DueItem::dueOn).thenComparing(i -> i.party().ordinal()));
        boolean narrowed = q.stationId() != null || q.divisionId() != null;
        return items.stream()
                .filter(i -> !narrowed || i.party() != Party.BUREAU)
                .filter(i -> q.status() == null || i.status() == q.status())
                .filter(i -> q.statuses() == null || q.statuses().contains(i.status()))
                .toList();
    }

    /** Each station's items in the window, for `Station.dueItems`: one evaluation for all of them. */
    public Map<UUID, List<DueItem>> ofStations(Caller caller, Collection<UUID> ids, LocalDate from, LocalDate to) {
        caller.requireTenantMember();
        window(from, to);
        List<Deadlines.Span> spans = spans(from, to);
        List<Station> found = stations.byIds(Ids.array(ids));
        List<DueItemCompletion> done = found.isEmpty() ? List.of()
                : completions.ofStations(Ids.array(found.stream().map(Station::id).toList()), from.getYear(), to.getYear());
        LocalDate today = calendar.today();
        Map<UUID, List<DueItem>> out = Deadlines.expand(spans, registry(found, List.of(), done), today).stream()
                .collect(Collectors.groupingBy(DueItem::stationId, Collectors.toCollection(ArrayList::new)));
        // a contract's reports are owed at each of its stations, as the bureau's list narrowed to one shows them
        Set<UUID> asked = found.stream().map(Station::id).collect(Collectors.toSet());
        for (DueItemSource source : sources) {
            for (DueItem item : source.items(caller, spans, asked, today)) {
                item.report().stationIds().stream().filter(asked::contains)
                        .forEach(id -> out.computeIfAbsent(id, k -> new ArrayList<>()).add(item));
            }
        }
        out.values().forEach(items -> items.sort(Comparator.comparing(DueItem::dueOn).thenComparing(i -> i.party().ordinal())));
        ids.forEach(id -> out.putIfAbsent(id, List.of()));
        return out;
    }

    /** Closes one item. */
    @Introspected
    public record CompleteDueItem(
            @NotBlank @Size(max = 64) String milestone,
            @NotNull @Min(1900) @Max(2199) Integer year,
            @NodeId("Station") UUID stationId,
            @NodeId("Division") UUID divisionId,
            @NotNull LocalDate doneOn,
            @NotBlank @Size(max = 4000) String evidence) {
    }

    /** Takes an item's completion back. */
    @Introspected
    public record ReopenDueItem(
            @NotBlank @Size(max = 64) String milestone,
            @NotNull @Min(1900) @Max(2199) Integer year,
            @NodeId("Station") UUID stationId,
            @NodeId("Division") UUID divisionId) {
    }

    public DueItem complete(Caller caller, CompleteDueItem c) {
        requireWriter(caller, c.stationId());
        if (c.doneOn().isAfter(calendar.today())) {
            throw ApiException.badInput("input.doneOn", "doneOn must not be in the future; today is " + calendar.today());
        }
        DueItem item = find(c.milestone(), c.year(), c.stationId(), c.divisionId());
        if (item.completion() != null) {
            throw ApiException.conflict("input.milestone", "'" + c.milestone() + "' of " + c.year() + " was already done on "
                    + item.completion().doneOn() + "; reopen it (reopenDueItem) to record it again");
        }
        DueItemCompletion saved = completions.save(new DueItemCompletion(UUID.randomUUID(), c.milestone(), c.year(),
                item.party().name(), item.stationId(), item.divisionId(), c.doneOn(), c.evidence(), caller.subject(), null));
        audit.note("DueItemCompletion", saved.id(), null, saved);
        return new DueItem(item.milestone(), item.year(), item.dueOn(), item.stationId(), item.divisionId(),
                DueItem.Status.DONE, saved);
    }

    public DueItem reopen(Caller caller, ReopenDueItem c) {
        requireWriter(caller, c.stationId());
        DueItem item = find(c.milestone(), c.year(), c.stationId(), c.divisionId());
        if (item.completion() == null) {
            throw ApiException.badInput("input.milestone", "'" + c.milestone() + "' of " + c.year() + " is not done; nothing to reopen");
        }
        completions.delete(item.completion());
        audit.note("DueItemCompletion", item.completion().id(), item.completion(), null);
        LocalDate today = calendar.today();
        return new DueItem(item.milestone(), item.year(), item.dueOn(), item.stationId(), item.divisionId(),
                item.dueOn().isBefore(today) ? DueItem.Status.OVERDUE : DueItem.Status.DUE, null);
    }

    /**
     * Reading roles never write; an operator writes only a station's item, and only for a station
     * granted to it. Refused before anything is read, so a refusal says nothing about the records.
     */
    private void requireWriter(Caller caller, UUID stationId) {
        caller.requireTenantMember();
        if (caller.has(Role.TENANT_ADMIN)) {
            return;
        }
        if (!caller.has(Role.STATION_OPERATOR)) {
            throw ApiException.forbidden("Only a TENANT_ADMIN or a station's operator may complete or reopen a due item");
        }
        if (stationId == null) {
            throw ApiException.forbidden("Only a TENANT_ADMIN may complete or reopen the bureau's and the divisions' items");
        }
        access.requireEdit(caller, stationId);
    }

    /**
     * The one item a completion names: the milestone in the calendar of a profile in force that
     * year, owed by the party named, with its day in that year.
     */
    private DueItem find(String code, int year, UUID stationId, UUID divisionId) {
        if (stationId != null && divisionId != null) {
            throw ApiException.badInput("input.divisionId", "name one party: stationId for a station's item, divisionId for a "
                    + "division's, neither for the bureau's");
        }
        LocalDate from = LocalDate.of(year, 1, 1);
        LocalDate to = LocalDate.of(year, 12, 31);
        List<Deadlines.Span> spans = spans(from, to);
        List<Milestone> named = spans.stream().flatMap(s -> s.milestones().stream()).filter(m -> m.code().equals(code)).toList();
        if (named.isEmpty()) {
            boolean report = spans.stream().anyMatch(s -> s.contracts().rules().stream().anyMatch(r -> r.code().equals(code)));
            throw ApiException.badInput("input.milestone", report
                    ? "'" + code + "' is a contract's report: submitting the report (submitContractReport) closes it"
                    : "'" + code + "' is not a milestone of the calendar in force in " + year);
        }
        Milestone m = named.getFirst();
        Party party = m.responsible().party();
        List<Station> station = List.of();
        List<Division> division = List.of();
        if (stationId != null) {
            station = stations.byIds(Ids.array(List.of(stationId)));
            if (station.isEmpty()) {
                throw ApiException.notFound("input.stationId", "Station");
            }
        }
        if (divisionId != null) {
            division = divisions.byIds(Ids.array(List.of(divisionId)));
            if (division.isEmpty()) {
                throw ApiException.notFound("input.divisionId", "Division");
            }
        }
        String owedBy = switch (party) {
            case BUREAU -> "the bureau itself: give neither stationId nor divisionId";
            case STATION -> "stations" + (m.responsible().kinds().isEmpty() ? "" : " of kinds " + m.responsible().kinds())
                    + ": give stationId";
            case DIVISION -> "each " + m.responsible().level() + " division: give divisionId";
            case OPERATOR -> "an operator, by submitting the report";
        };
        String field = stationId != null ? "input.stationId" : divisionId != null ? "input.divisionId" : "input.milestone";
        boolean matches = switch (party) {
            case BUREAU -> stationId == null && divisionId == null;
            case STATION -> stationId != null;
            case DIVISION -> divisionId != null && division.getFirst().level().equals(m.responsible().level());
            case OPERATOR -> false;
        };
        if (!matches) {
            throw ApiException.badInput(field, "'" + code + "' is owed by " + owedBy);
        }
        List<DueItemCompletion> done = completions.ofYears(year, year);
        UUID partyId = stationId != null ? stationId : divisionId;
        return Deadlines.expand(spans, registry(station, division, done), calendar.today()).stream()
                .filter(i -> i.milestone().code().equals(code) && Objects.equals(i.key().party(), partyId))
                .findFirst()
                .orElseThrow(() -> ApiException.badInput(field, "'" + code + "' is not due from this "
                        + (party == Party.STATION ? "station" : "party") + " in " + year
                        + (party == Party.STATION ? " (a station owes it when it was registered, and of the kinds named, on its day)" : "")));
    }

    private Deadlines.Registry registry(List<Station> parties, List<Division> owing, List<DueItemCompletion> done) {
        Map<UUID, List<StationStatusChange>> history = parties.isEmpty() ? Map.of()
                : statusChanges.ofStations(Ids.array(parties.stream().map(Station::id).toList())).stream()
                .collect(Collectors.groupingBy(StationStatusChange::stationId));
        return new Deadlines.Registry(parties, history, owing, Deadlines.byKey(done));
    }

    /**
     * The divisions the spans' milestones are owed by, in one statement, read even when no
     * milestone names a level, so that every bureau's list costs the same statements.
     */
    private List<Division> divisionsOf(List<Deadlines.Span> spans) {
        Set<String> levels = spans.stream().flatMap(s -> s.milestones().stream())
                .filter(m -> m.responsible().party() == Party.DIVISION).map(m -> m.responsible().level())
                .collect(Collectors.toSet());
        return divisions.ofLevels(levels.toArray(String[]::new));
    }

    /**
     * The window cut by the published revisions: each part carries the calendar of the revision
     * in force then (the latest effective on or before it), so an item weighs what the profile of
     * its own day says. Days before the first revision have no calendar.
     */
    private List<Deadlines.Span> spans(LocalDate from, LocalDate to) {
        List<PolicyProfile> published = profiles.all().stream().filter(PolicyProfile::published)
                .sorted(Comparator.comparing(PolicyProfile::effectiveFrom).thenComparing(PolicyProfile::revision))
                .toList();
        // of revisions effective the same day, the latest revision is in force
        List<PolicyProfile> inForce = new ArrayList<>();
        for (PolicyProfile p : published) {
            if (!inForce.isEmpty() && inForce.getLast().effectiveFrom().equals(p.effectiveFrom())) {
                inForce.removeLast();
            }
            inForce.add(p);
        }
        List<Deadlines.Span> spans = new ArrayList<>();
        for (int i = 0; i < inForce.size(); i++) {
            LocalDate start = inForce.get(i).effectiveFrom();
            LocalDate end = i + 1 < inForce.size() ? inForce.get(i + 1).effectiveFrom().minusDays(1) : LocalDate.MAX;
            LocalDate a = start.isAfter(from) ? start : from;
            LocalDate b = end.isBefore(to) ? end : to;
            if (!a.isAfter(b)) {
                var compiled = policies.compile(inForce.get(i));
                spans.add(new Deadlines.Span(compiled.milestones(), a, b, compiled.contractRules()));
            }
        }
        return spans;
    }

    private static void window(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw ApiException.badInput("to", "to is before from");
        }
        if (to.getYear() - from.getYear() >= MAX_YEARS) {
            throw ApiException.badInput("to", "a window spans at most " + MAX_YEARS + " calendar years");
        }
    }
}
