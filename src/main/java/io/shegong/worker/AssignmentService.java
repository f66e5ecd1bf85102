package io.shegong.worker;

import io.micronaut.data.exceptions.OptimisticLockException;
import io.shegong.core.db.Ids;
import io.shegong.core.error.ApiException;
import io.shegong.core.security.Caller;
import io.shegong.station.Station;
import io.shegong.station.StationAccess;
import io.shegong.station.StationRepository;
import io.shegong.station.StationService;
import io.shegong.worker.WorkerCommands.AssignWorker;
import io.shegong.worker.WorkerCommands.EndAssignment;
import jakarta.inject.Singleton;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Posting workers at stations and ending their posts. */
@Singleton
public class AssignmentService implements StationService.ClosingHook {
    private final WorkerRepository workers;
    private final AssignmentRepository assignments;
    private final StationRepository stations;
    private final StationAccess access;

    public AssignmentService(WorkerRepository workers, AssignmentRepository assignments, StationRepository stations,
                             StationAccess access) {
        this.workers = workers;
        this.assignments = assignments;
        this.stations = stations;
        this.access = access;
    }

    public Assignment assign(Caller caller, AssignWorker c) {
        caller.requireTenantMember();
        if (c.endsOn() != null && c.endsOn().isBefore(c.startsOn())) {
            throw ApiException.badInput("input.endsOn", "endsOn must not be before startsOn");
        }
        Station station = stations.findById(c.stationId())
                .orElseThrow(() -> ApiException.badInput("input.stationId", "stationId is not a station of this bureau"));
        access.requireEdit(caller, c.stationId());
        if (station.currentStatus() == Station.Status.CLOSED) {
            throw ApiException.badInput("input.stationId", "the station is closed");
        }
        if (!workers.existsById(c.workerId())) {
            throw ApiException.badInput("input.workerId", "workerId is not a worker of this bureau");
        }
        List<Assignment> existing = assignments.ofWorkers(Ids.array(List.of(c.workerId())));
        List<Assignment> overlapping = existing.stream().filter(a -> a.overlaps(c.startsOn(), c.endsOn())).toList();
        if (overlapping.stream().anyMatch(a -> a.stationId().equals(c.stationId()))) {
            throw ApiException.conflict("input.startsOn", "The worker already holds a post at this station in that period");
        }
        boolean fullTime = c.fullTime() == null || c.fullTime();
        // the documents count a full-time (专职) worker at one station: a second full-time post at the same time is refused
        if (fullTime) {
            overlapping.stream().filter(Assignment::fullTime).findFirst().ifPresent(a -> {
                throw ApiException.conflict("input.fullTime", "The worker already holds a full-time post from "
                        + a.startsOn() + (a.endsOn() == null ? "" : " to " + a.endsOn())
                        + " at another station; a worker is full-time at one station at a time. "
                        + "Assign this post part-time (fullTime: false) or end the other first");
            });
        }
        return assignments.save(new Assignment(UUID.randomUUID(), c.workerId(), c.stationId(), c.role().name(),
                c.startsOn(), c.endsOn(), fullTime, 1, null, null));
    }

    public Assignment end(Caller caller, EndAssignment c) {
        caller.requireTenantMember();
        Assignment a = assignments.findById(c.id()).orElseThrow(() -> ApiException.notFound("input.id", "Assignment"));
        access.requireEdit(caller, a.stationId());
        if (c.endsOn().isBefore(a.startsOn())) {
            throw ApiException.badInput("input.endsOn", "endsOn must not be before the post's start " + a.startsOn());
        }
        // Read just before in the same transaction: a failed version check means another change.
        try {
            return assignments.update(a.endingOn(c.endsOn(), c.version()));
        } catch (OptimisticLockException stale) {
            throw ApiException.conflict("input.version", "The post was changed by someone else; reload it");
        }
    }

    @Override
    public void stationClosed(UUID stationId, LocalDate on) {
        assignments.endAllAt(stationId, on);
    }
}
