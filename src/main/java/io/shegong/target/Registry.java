package io.shegong.target;

import io.shegong.division.Division;
import io.shegong.policy.Target;
import io.shegong.policy.Target.Measure;
import io.shegong.policy.WorkerFacts;
import io.shegong.station.Station;
import io.shegong.station.StationStatusChange;
import io.shegong.worker.SocialWorker;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What targets count, read once and replayed for any day: stations with their status histories,
 * divisions, designations, facilities and certified workers. A few statements however many
 * stations the bureau has, so a target's monthly history costs no more than its value today.
 */
final class Registry {
    private final List<Station> stations;
    private final Map<UUID, List<StationStatusChange>> history = new HashMap<>();
    private final Map<UUID, Division> divisions = new HashMap<>();
    private final List<Division> divisionList;
    private final List<Designation> designations;
    private final List<HostFacility> facilities;
    private final List<SocialWorker> certified;

    Registry(List<Station> stations, List<StationStatusChange> changes, List<Division> divisions,
             List<Designation> designations, List<HostFacility> facilities, List<SocialWorker> certified) {
        this.stations = stations;
        // the changes come in the order they took effect
        changes.forEach(c -> history.computeIfAbsent(c.stationId(), k -> new ArrayList<>()).add(c));
        this.divisionList = divisions;
        divisions.forEach(d -> this.divisions.put(d.id(), d));
        this.designations = designations;
        this.facilities = facilities;
        this.certified = certified;
    }

    /** The measure's value on a day, with its whole and what of the whole lacks, when it has one. */
    record Count(int value, Integer base, List<Division> lackingDivisions, List<HostFacility> lackingFacilities) {
    }

    Count count(Measure m, LocalDate day) {
        return switch (m.kind()) {
            case OPERATING_STATIONS -> plain((int) stations.stream().filter(s -> matches(m, s) && operating(s.id(), day)).count());
            case COVERED_DIVISIONS -> covered(m, day);
            case DESIGNATED_STATIONS -> plain(designatedStations(m, day).size());
            case DESIGNATED_WORKERS -> plain((int) designations.stream()
                    .filter(d -> d.workerId() != null && held(m, d, day)).map(Designation::workerId).distinct().count());
            case SERVED_FACILITIES -> served(m, day);
            case CERTIFIED_WORKERS -> plain((int) certified.stream().filter(w -> certifiedOn(w, m.minimumRank(), day)).count());
        };
    }

    private static Count plain(int value) {
        return new Count(value, null, List.of(), List.of());
    }

    /** Divisions of the level with an operating station of the kinds located in them or below. */
    private Count covered(Measure m, LocalDate day) {
        Set<UUID> covered = new HashSet<>();
        for (Station s : stations) {
            if (matches(m, s) && operating(s.id(), day)) {
                UUID at = ancestorAt(s.divisionId(), m.level());
                if (at != null) {
                    covered.add(at);
                }
            }
        }
        List<Division> ofLevel = divisionList.stream().filter(d -> d.level().equals(m.level())).toList();
        List<Division> lacking = ofLevel.stream().filter(d -> !covered.contains(d.id())).toList();
        return new Count(ofLevel.size() - lacking.size(), ofLevel.size(), lacking, List.of());
    }

    private Count served(Measure m, LocalDate day) {
        List<HostFacility> ofKind = facilities.stream().filter(f -> f.kind().equals(m.facility())).toList();
        Map<UUID, Station> byId = new HashMap<>();
        stations.forEach(s -> byId.put(s.id(), s));
        List<HostFacility> lacking = ofKind.stream().filter(f -> f.stationId() == null || f.servedSince().isAfter(day)
                || !matches(m, byId.get(f.stationId())) || !operating(f.stationId(), day)).toList();
        return new Count(ofKind.size() - lacking.size(), ofKind.size(), List.of(), lacking);
    }

    private Set<UUID> designatedStations(Measure m, LocalDate day) {
        Map<UUID, Station> byId = new HashMap<>();
        stations.forEach(s -> byId.put(s.id(), s));
        Set<UUID> out = new LinkedHashSet<>();
        for (Designation d : designations) {
            if (d.stationId() != null && held(m, d, day)) {
                Station s = byId.get(d.stationId());
                String status = statusOn(s.id(), day);
                // a closed demonstration station no longer shows what the title was given for
                if (matches(m, s) && status != null && !Station.Status.CLOSED.name().equals(status)) {
                    out.add(s.id());
                }
            }
        }
        return out;
    }

    private static boolean held(Measure m, Designation d, LocalDate day) {
        return d.kind().equals(m.designation()) && d.heldOn(day) && (m.levels().isEmpty() || m.levels().contains(d.level()));
    }

    private static boolean certifiedOn(SocialWorker w, int minimumRank, LocalDate day) {
        return WorkerFacts.CERTIFICATES.indexOf(w.certificateLevel()) >= minimumRank
                && (w.certificateDate() == null || !w.certificateDate().isAfter(day));
    }

    private static boolean matches(Measure m, Station s) {
        return (m.stationKinds().isEmpty() || m.stationKinds().contains(s.kindCode()))
                && (m.domain() == null || m.domain().equals(s.domain()));
    }

    private boolean operating(UUID stationId, LocalDate day) {
        return Station.Status.OPERATING.name().equals(statusOn(stationId, day));
    }

    /** The station's status on a day by its history; null before it was registered. */
    private String statusOn(UUID stationId, LocalDate day) {
        String status = null;
        for (StationStatusChange c : history.getOrDefault(stationId, List.of())) {
            if (c.effectiveOn().isAfter(day)) {
                break;
            }
            status = c.status();
        }
        return status;
    }

    /** The division itself or the ancestor at the level; null when the division is above it. */
    private UUID ancestorAt(UUID divisionId, String level) {
        Division d = divisions.get(divisionId);
        while (d != null && !d.level().equals(level)) {
            d = d.parentId() == null ? null : divisions.get(d.parentId());
        }
        return d == null ? null : d.id();
    }

    static boolean uses(List<Target> targets, Target.MeasureKind kind) {
        return targets.stream().anyMatch(t -> t.measure() != null && t.measure().kind() == kind);
    }
}
