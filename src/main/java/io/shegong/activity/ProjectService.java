package io.shegong.activity;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.exceptions.OptimisticLockException;
import io.shegong.catalogue.ServicePlan;
import io.shegong.catalogue.ServicePlanRepository;
import io.shegong.core.error.ApiException;
import io.shegong.core.graphql.NodeId;
import io.shegong.core.security.Caller;
import io.shegong.core.time.BureauCalendar;
import io.shegong.station.StationAccess;
import io.shegong.station.StationRepository;
import io.shegong.worker.WorkerRepository;
import jakarta.inject.Singleton;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The projects a station runs: each where its plan of the year puts it, moved through the project
 * cycle stage by stage. A station's operator (granted) and the bureau's administrator write them.
 */
@Singleton
public class ProjectService {
    private final StationProjectRepository projects;
    private final ServicePlanRepository plans;
    private final StationRepository stations;
    private final WorkerRepository workers;
    private final StationAccess access;
    private final BureauCalendar calendar;

    public ProjectService(StationProjectRepository projects, ServicePlanRepository plans, StationRepository stations,
                          WorkerRepository workers, StationAccess access, BureauCalendar calendar) {
        this.projects = projects;
        this.plans = plans;
        this.stations = stations;
        this.workers = workers;
        this.access = access;
        this.calendar = calendar;
    }

    /** A project as a station starts it. */
    @Introspected
    public record StartProject(
            @NotNull @NodeId("Station") UUID stationId,
            @Min(2000) @Max(2100) int year,
            @NotBlank @Size(max = 200) String name,
            @NotBlank @Size(max = 64) String slot,
            @Nullable @Size(max = 64) String item,
            @Nullable StationProject.Stage stage,
            @NotNull LocalDate startsOn,
            @Nullable @NodeId("SocialWorker") UUID responsibleWorkerId,
            @Nullable @Size(max = 200) String operator,
            @Nullable @DecimalMin("0") @DecimalMax("1000000000") Double budget,
            @Nullable @Min(0) @Max(10_000_000) Integer targetBeneficiaries,
            @Nullable @Min(0) @Max(100_000) Integer targetSessions) {
    }

    /** A later stage of the cycle, reached on a day. */
    @Introspected
    public record AdvanceProject(
            @NotNull @NodeId("StationProject") UUID id,
            int version,
            @NotNull StationProject.Stage stage,
            @NotNull LocalDate on) {
    }

    public StationProject start(Caller caller, StartProject c) {
        caller.requireTenantMember();
        if (stations.findById(c.stationId()).isEmpty()) {
            throw ApiException.badInput("input.stationId", "stationId is not a station of this bureau");
        }
        access.requireEdit(caller, c.stationId());
        if (c.startsOn().isAfter(calendar.today())) {
            throw ApiException.badInput("input.startsOn", "startsOn must not be in the future: a stage is recorded once reached");
        }
        if (c.startsOn().getYear() > c.year()) {
            throw ApiException.badInput("input.startsOn", "a project of the " + c.year() + " plan cannot start in a later year");
        }
        ServicePlan plan = plans.findByStationIdAndYear(c.stationId(), c.year()).orElseThrow(() -> ApiException.badInput(
                "input.year", "the station has no plan for " + c.year() + "; save its plan first (saveServicePlan)"));
        boolean planned = plan.projects().stream()
                .anyMatch(p -> p.slot().equals(c.slot()) && (c.item() == null || Objects.equals(p.item(), c.item())));
        if (!planned) {
            throw ApiException.badInput(c.item() == null ? "input.slot" : "input.item", "the station's " + c.year()
                    + " plan has no project in slot '" + c.slot() + "'" + (c.item() == null ? "" : " and item '" + c.item() + "'")
                    + "; plan it first (saveServicePlan)");
        }
        if (c.responsibleWorkerId() != null && workers.findById(c.responsibleWorkerId()).isEmpty()) {
            throw ApiException.badInput("input.responsibleWorkerId", "responsibleWorkerId is not a worker of this bureau");
        }
        StationProject.Stage stage = c.stage() == null ? StationProject.Stage.RESEARCH : c.stage();
        return projects.save(new StationProject(UUID.randomUUID(), c.stationId(), c.year(), c.name(), c.slot(), c.item(),
                stage.name(), Map.of(stage.name(), c.startsOn().toString()), c.startsOn(), c.responsibleWorkerId(),
                c.operator(), c.budget(), c.targetBeneficiaries(), c.targetSessions(), 1, caller.subject()));
    }

    public StationProject advance(Caller caller, AdvanceProject c) {
        caller.requireTenantMember();
        StationProject current = projects.findById(c.id()).orElseThrow(() -> ApiException.notFound("input.id", "Project"));
        access.requireEdit(caller, current.stationId());
        if (c.stage().ordinal() <= current.currentStage().ordinal()) {
            throw ApiException.badInput("input.stage", "the project is at " + current.stage()
                    + " already; a stage after it is expected");
        }
        if (c.on().isAfter(calendar.today())) {
            throw ApiException.badInput("input.on", "on must not be in the future");
        }
        if (c.on().isBefore(current.stageSince())) {
            throw ApiException.badInput("input.on", "on must not be before the current stage's day, " + current.stageSince());
        }
        try {
            return projects.update(current.advanced(c.stage(), c.on(), c.version()));
        } catch (OptimisticLockException stale) {
            throw ApiException.conflict("input.version", "The project was changed since version " + c.version());
        }
    }
}
