package io.shegong.calendar;

import io.shegong.division.Division;
import io.shegong.policy.ContractRules;
import io.shegong.policy.Milestone;
import io.shegong.policy.Milestone.Party;
import io.shegong.station.Station;
import io.shegong.station.StationStatusChange;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Expands milestones into due items over a span of days, from what the registry says: which
 * stations there were on an item's day and what their status history dates, and which divisions
 * there are. Pure: the caller reads the registry and the completions, in a fixed number of
 * statements, and passes them in.
 */
public final class Deadlines {
    private Deadlines() {
    }

    /**
     * The milestones and the contract rules (whose REPORTS rules make contracts' report items) of
     * the profile in force over `from` to `to`, both inclusive.
     */
    public record Span(List<Milestone> milestones, LocalDate from, LocalDate to, ContractRules contracts) {
        public Span(List<Milestone> milestones, LocalDate from, LocalDate to) {
            this(milestones, from, to, ContractRules.NONE);
        }

        public boolean contains(LocalDate day) {
            return !day.isBefore(from) && !day.isAfter(to);
        }
    }

    /**
     * What the expansion reads: the stations (with their status history, oldest first), the
     * divisions, and the completions by item. `asOf` decides the status: an item not done by then
     * is OVERDUE once its day has passed, DUE until then, and only a completion done on or before
     * `asOf` closes it.
     */
    public record Registry(List<Station> stations, Map<UUID, List<StationStatusChange>> history, List<Division> divisions,
                           Map<DueItem.Key, DueItemCompletion> completions) {
    }

    public static List<DueItem> expand(List<Span> spans, Registry registry, LocalDate asOf) {
        List<DueItem> out = new ArrayList<>();
        for (Span span : spans) {
            for (Milestone m : span.milestones()) {
                Milestone.Due due = m.due();
                if (due.event() != null) {
                    for (Station s : registry.stations()) {
                        if (!m.responsible().covers(s.kindCode())) {
                            continue;
                        }
                        LocalDate event = firstDay(registry.history().getOrDefault(s.id(), List.of()), due.event().status);
                        LocalDate day = event == null ? null : due.after(event);
                        if (day != null && span.contains(day) && registered(registry, s, day)) {
                            out.add(item(m, day, s.id(), null, registry, asOf));
                        }
                    }
                    continue;
                }
                for (int year = span.from().getYear(); year <= span.to().getYear(); year++) {
                    LocalDate day = due.in(year);
                    if (day == null || !span.contains(day)) {
                        continue;
                    }
                    switch (m.responsible().party()) {
                        case BUREAU -> out.add(item(m, day, null, null, registry, asOf));
                        case DIVISION -> registry.divisions().stream()
                                .filter(d -> d.level().equals(m.responsible().level()))
                                .forEach(d -> out.add(item(m, day, null, d.id(), registry, asOf)));
                        case STATION -> {
                            for (Station s : registry.stations()) {
                                if (m.responsible().covers(s.kindCode()) && registered(registry, s, day)) {
                                    out.add(item(m, day, s.id(), null, registry, asOf));
                                }
                            }
                        }
                    }
                }
            }
        }
        out.sort(Comparator.comparing(DueItem::dueOn).thenComparing(i -> i.party().ordinal()));
        return out;
    }

    /** A station's items whose day lies in the year before `on` and were not done by then. */
    public static List<DueItem> overdue(List<Milestone> milestones, Station station, List<StationStatusChange> history,
                                        List<DueItemCompletion> completions, LocalDate on) {
        List<Milestone> stations = milestones.stream().filter(m -> m.responsible().party() == Party.STATION).toList();
        if (stations.isEmpty()) {
            return List.of();
        }
        Map<DueItem.Key, DueItemCompletion> done = byKey(completions);
        Registry registry = new Registry(List.of(station), Map.of(station.id(), history), List.of(), done);
        return expand(List.of(new Span(stations, on.minusYears(1), on.minusDays(1))), registry, on).stream()
                .filter(i -> i.status() == DueItem.Status.OVERDUE).toList();
    }

    public static Map<DueItem.Key, DueItemCompletion> byKey(List<DueItemCompletion> completions) {
        Map<DueItem.Key, DueItemCompletion> out = new java.util.HashMap<>();
        completions.forEach(c -> out.put(c.key(), c));
        return out;
    }

    private static DueItem item(Milestone m, LocalDate day, UUID stationId, UUID divisionId, Registry registry, LocalDate asOf) {
        DueItem.Key key = new DueItem.Key(m.code(), day.getYear(), stationId != null ? stationId : divisionId);
        DueItemCompletion done = registry.completions().get(key);
        if (done != null && done.doneOn().isAfter(asOf)) {
            done = null;
        }
        DueItem.Status status = done != null ? DueItem.Status.DONE
                : day.isBefore(asOf) ? DueItem.Status.OVERDUE : DueItem.Status.DUE;
        return new DueItem(m, day.getYear(), day, stationId, divisionId, status, done);
    }

    /**
     * A station owes an item of a day when it was registered then and not closed: a station
     * registered later was not there to owe it, one closed no longer owes anything.
     */
    private static boolean registered(Registry registry, Station s, LocalDate day) {
        String status = null;
        for (StationStatusChange c : registry.history().getOrDefault(s.id(), List.of())) {
            if (!c.effectiveOn().isAfter(day)) {
                status = c.status();
            }
        }
        return status != null && !status.equals(Station.Status.CLOSED.name());
    }

    /** The first day the history shows the status; null when it never does. */
    private static LocalDate firstDay(List<StationStatusChange> history, String status) {
        return history.stream().filter(c -> c.status().equals(status)).map(StationStatusChange::effectiveOn)
                .min(LocalDate::compareTo).orElse(null);
    }
}
