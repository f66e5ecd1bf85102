package io.shegong.target;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.exceptions.OptimisticLockException;
import io.shegong.core.error.ApiException;
import io.shegong.core.graphql.NodeId;
import io.shegong.core.security.Caller;
import io.shegong.core.time.BureauCalendar;
import io.shegong.division.DivisionRepository;
import io.shegong.station.StationRepository;
import io.shegong.worker.WorkerRepository;
import jakarta.inject.Singleton;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.UUID;

/**
 * The registry behind targets: designations of stations and workers, and the schools stations
 * serve. The bureau's administrators record them; every tenant role reads them.
 */
@Singleton
public class DesignationService {
    private final DesignationRepository designations;
    private final HostFacilityRepository facilities;
    private final StationRepository stations;
    private final WorkerRepository workers;
    private final DivisionRepository divisions;
    private final BureauCalendar calendar;

    public DesignationService(DesignationRepository designations, HostFacilityRepository facilities,
                              StationRepository stations, WorkerRepository workers, DivisionRepository divisions,
                              BureauCalendar calendar) {
        this.designations = designations;
        this.facilities = facilities;
        this.stations = stations;
        this.workers = workers;
        this.divisions = divisions;
        this.calendar = calendar;
    }

    /** A designation as awarded: a station's for DEMONSTRATION, a worker's for the others. */
    @Introspected
    public record Designate(
            @NotNull Designation.Kind kind,
            @NotNull Designation.Level level,
            @Nullable @NodeId("Station") UUID stationId,
            @Nullable @NodeId("SocialWorker") UUID workerId,
            @NotNull LocalDate awardedOn,
            @Nullable LocalDate endsOn,
            @Nullable @Size(max = 200) String title,
            @Nullable @Size(max = 200) String reference) {
    }

    /** The day a designation stops being held (withdrawn, or its term over). */
    @Introspected
    public record EndDesignation(@NotNull @NodeId("Designation") UUID id, int version, @NotNull LocalDate endsOn) {
    }

    public Designation designate(Caller caller, Designate c) {
        caller.requireTenantAdmin();
        if (c.kind().ofStation()) {
            if (c.stationId() == null || c.workerId() != null) {
                throw ApiException.badInput(c.stationId() == null ? "input.stationId" : "input.workerId",
                        "a " + c.kind() + " designation names a station (stationId), not a worker");
            }
            if (stations.findById(c.stationId()).isEmpty()) {
                throw ApiException.badInput("input.stationId", "stationId is not a station of this bureau");
            }
        } else {
            if (c.workerId() == null || c.stationId() != null) {
                throw ApiException.badInput(c.workerId() == null ? "input.workerId" : "input.stationId",
                        "a " + c.kind() + " designation names a worker (workerId), not a station");
            }
            if (!workers.existsById(c.workerId())) {
                throw ApiException.badInput("input.workerId", "workerId is not a worker of this bureau");
            }
        }
        if (c.awardedOn().isAfter(calendar.today())) {
            throw ApiException.badInput("input.awardedOn", "awardedOn must not be in the future");
        }
        if (c.endsOn() != null && !c.endsOn().isAfter(c.awardedOn())) {
            throw ApiException.badInput("input.endsOn", "endsOn must be after awardedOn, " + c.awardedOn());
        }
        return designations.save(new Designation(UUID.randomUUID(), c.kind().name(), c.level().name(), c.stationId(),
                c.workerId(), c.title(), c.awardedOn(), c.endsOn(), c.reference(), 1, caller.subject()));
    }

    public Designation end(Caller caller, EndDesignation c) {
        caller.requireTenantAdmin();
        Designation current = designations.findById(c.id())
                .orElseThrow(() -> ApiException.notFound("input.id", "Designation"));
        if (!c.endsOn().isAfter(current.awardedOn())) {
            throw ApiException.badInput("input.endsOn", "endsOn must be after awardedOn, " + current.awardedOn());
        }
        try {
            return designations.update(current.ending(c.endsOn(), c.version()));
        } catch (OptimisticLockException stale) {
            throw ApiException.conflict("input.version", "The designation was changed since version " + c.version());
        }
    }

    /** A school (or another facility kind) in a division, served by a station from a day if given. */
    @Introspected
    public record RegisterFacility(
            @Nullable HostFacility.Kind kind,
            @NotBlank @Size(max = 200) String name,
            @NotNull @NodeId("Division") UUID divisionId,
            @Nullable @NodeId("Station") UUID stationId,
            @Nullable LocalDate servedSince) {
    }

    /** Which station serves the facility from which day; both null when none does any more. */
    @Introspected
    public record ServeFacility(
            @NotNull @NodeId("HostFacility") UUID id,
            int version,
            @Nullable @NodeId("Station") UUID stationId,
            @Nullable LocalDate servedSince) {
    }

    public HostFacility register(Caller caller, RegisterFacility c) {
        caller.requireTenantAdmin();
        if (divisions.findById(c.divisionId()).isEmpty()) {
            throw ApiException.badInput("input.divisionId", "divisionId is not a division of this bureau");
        }
        if (facilities.existsByDivisionIdAndName(c.divisionId(), c.name())) {
            throw ApiException.badInput("input.name", "the division already has a facility named '" + c.name() + "'");
        }
        served(c.stationId(), c.servedSince());
        return facilities.save(new HostFacility(UUID.randomUUID(), (c.kind() == null ? HostFacility.Kind.SCHOOL : c.kind()).name(),
                c.name(), c.divisionId(), c.stationId(), c.servedSince(), 1));
    }

    public HostFacility serve(Caller caller, ServeFacility c) {
        caller.requireTenantAdmin();
        HostFacility current = facilities.findById(c.id())
                .orElseThrow(() -> ApiException.notFound("input.id", "Host facility"));
        served(c.stationId(), c.servedSince());
        try {
            return facilities.update(current.servedBy(c.stationId(), c.servedSince(), current.name(), c.version()));
        } catch (OptimisticLockException stale) {
            throw ApiException.conflict("input.version", "The facility was changed since version " + c.version());
        }
    }

    public java.util.List<HostFacility> facilities(Caller caller, HostFacility.Kind kind) {
        caller.requireTenantMember();
        return facilities.ofKind((kind == null ? HostFacility.Kind.SCHOOL : kind).name());
    }

    /** A station and its day come together, the day not in the future. */
    private void served(UUID stationId, LocalDate since) {
        if ((stationId == null) != (since == null)) {
            throw ApiException.badInput(stationId == null ? "input.stationId" : "input.servedSince",
                    "stationId and servedSince are given together");
        }
        if (stationId != null && stations.findById(stationId).isEmpty()) {
            throw ApiException.badInput("input.stationId", "stationId is not a station of this bureau");
        }
        if (since != null && since.isAfter(calendar.today())) {
            throw ApiException.badInput("input.servedSince", "servedSince must not be in the future");
        }
    }
}
