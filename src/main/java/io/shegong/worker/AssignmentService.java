package io.shegong.worker;

import io.micronaut.data.exceptions.OptimisticLockException;
import io.shegong.core.db.Ids;
import io.shegong.core.error.ApiException;
import io.shegong.core.graphql.Input;
import io.shegong.core.graphql.RequestContext;
import io.shegong.station.Station;
import io.shegong.station.StationAccess;
import io.shegong.station.StationRepository;
import io.shegong.station.StationService;
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

    public Assignment assign(RequestContext ctx, Input in) {
        ctx.caller().requireTenantMember();
        UUID workerId = in.requiredId("workerId", "SocialWorker");
        UUID stationId = in.requiredId("stationId", "Station");
        Assignment.Role role = in.enumValue("role", Assignment.Role.class);
        if (role == null) {
            throw ApiException.badInput(in.path("role"), "role is required");
        }
        LocalDate startsOn = in.requiredDate("startsOn");
        LocalDate endsOn = in.date("endsOn");
        if (endsOn != null && endsOn.isBefore(startsOn)) {
            throw ApiException.badInput(in.path("endsOn"), "endsOn must not be before startsOn");
        }
        Station station = stations.findById(stationId)
                .orElseThrow(() -> ApiException.badInput(in.path("stationId"), "stationId is not a station of this bureau"));
        access.requireEdit(ctx, stationId);
        if (station.currentStatus() == Station.Status.CLOSED) {
            throw ApiException.badInput(in.path("stationId"), "the station is closed");
        }
        if (!workers.existsById(workerId)) {
            throw ApiException.badInput(in.path("workerId"), "workerId is not a worker of this bureau");
        }
        List<Assignment> existing = assignments.ofWorkers(Ids.array(List.of(workerId)));
        boolean overlaps = existing.stream().anyMatch(a -> a.stationId().equals(stationId)
                && (a.endsOn() == null || !a.endsOn().isBefore(startsOn))
                && (endsOn == null || !a.startsOn().isAfter(endsOn)));
        if (overlaps) {
            throw ApiException.conflict(in.path("startsOn"), "The worker already holds a post at this station in that period");
        }
        Boolean fullTime = in.bool("fullTime");
        Assignment a = new Assignment(UUID.randomUUID(), workerId, stationId, role.name(), startsOn, endsOn,
                fullTime == null || fullTime, 1, null, null);
        return ctx.session().atomically(() -> assignments.save(a));
    }

    public Assignment end(RequestContext ctx, Input in) {
        ctx.caller().requireTenantMember();
        UUID id = in.requiredId("id", "Assignment");
        int version = in.requiredInteger("version");
        LocalDate endsOn = in.requiredDate("endsOn");
        Assignment a = assignments.findById(id)
                .orElseThrow(() -> ApiException.notFound(in.path("id"), "Assignment"));
        access.requireEdit(ctx, a.stationId());
        if (endsOn.isBefore(a.startsOn())) {
            throw ApiException.badInput(in.path("endsOn"), "endsOn must not be before the post's start " + a.startsOn());
        }
        // Read just before in the same transaction: a failed version check means another change.
        return ctx.session().atomically(() -> {
            try {
                return assignments.update(a.endingOn(endsOn, version));
            } catch (OptimisticLockException stale) {
                throw ApiException.conflict(in.path("version"), "The post was changed by someone else; reload it");
            }
        });
    }

    @Override
    public void stationClosed(UUID stationId, LocalDate on) {
        assignments.endAllAt(stationId, on);
    }
}
