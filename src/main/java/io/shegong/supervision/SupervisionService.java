package io.shegong.supervision;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.exceptions.OptimisticLockException;
import io.shegong.core.error.ApiException;
import io.shegong.station.StationAccess;
import io.micronaut.core.annotation.Introspected;
import io.shegong.core.graphql.NodeId;
import io.shegong.core.security.Caller;
import io.shegong.core.security.Role;
import io.shegong.core.time.BureauCalendar;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import io.shegong.station.StationRepository;
import jakarta.inject.Singleton;

import java.time.LocalDate;
import java.util.UUID;

/** Supervision visits: SUPERVISOR and TENANT_ADMIN record them, every tenant role reads them. */
@Singleton
public class SupervisionService {
    private final SupervisionVisitRepository visits;
    private final SupervisionFindingRepository findings;
    private final StationRepository stations;
    private final StationAccess access;
    private final BureauCalendar calendar;

    public SupervisionService(SupervisionVisitRepository visits, SupervisionFindingRepository findings,
                              StationRepository stations, StationAccess access, BureauCalendar calendar) {
        this.visits = visits;
        this.findings = findings;
        this.access = access;
        this.stations = stations;
        this.calendar = calendar;
    }

    /** The kinds of supervision Yangpu counts (002): on-site, a project's monitoring evaluation, consultation. */
    public enum Kind { ON_SITE, MONITORING_EVALUATION, CONSULTATION }

    /** One visit as a supervisor reports it. */
    @Introspected
    public record RecordVisit(
            @NotNull @NodeId("Station") UUID stationId,
            @NotNull LocalDate visitedOn,
            @Nullable Kind kind,
            @NotBlank @Size(max = 100) String supervisor,
            @NotBlank @Size(max = 4000) String findings) {
    }

    public SupervisionVisit record(Caller caller, RecordVisit c) {
        caller.requireTenantMember();
        if (!caller.has(Role.SUPERVISOR) && !caller.has(Role.TENANT_ADMIN)) {
            throw ApiException.forbidden("Only a SUPERVISOR or TENANT_ADMIN may record supervision");
        }
        if (c.visitedOn().isAfter(calendar.today())) {
            throw ApiException.badInput("input.visitedOn", "visitedOn must not be in the future");
        }
        if (stations.findById(c.stationId()).isEmpty()) {
            throw ApiException.badInput("input.stationId", "stationId is not a station of this bureau");
        }
        return visits.save(new SupervisionVisit(UUID.randomUUID(), c.stationId(), c.visitedOn(),
                (c.kind() == null ? Kind.ON_SITE : c.kind()).name(), c.supervisor(),
                c.findings(), caller.subject(), null));
    }

    /** A finding of a visit; with `rectifyBy`, a rectification the station owes by that day. */
    @Introspected
    public record AddFinding(
            @NotNull @NodeId("SupervisionVisit") UUID visitId,
            @NotBlank @Size(max = 4000) String description,
            @Nullable @Size(max = 64) String rule,
            @Nullable LocalDate rectifyBy) {
    }

    /** The station's report that a rectification is done. */
    @Introspected
    public record ReportRectification(
            @NotNull @NodeId("SupervisionFinding") UUID id,
            int version,
            @NotBlank @Size(max = 4000) String report) {
    }

    /** A re-inspection's outcome: the rectification holds (closed) or not (open again). */
    @Introspected
    public record Reinspect(
            @NotNull @NodeId("SupervisionFinding") UUID id,
            int version,
            boolean closed,
            @NotNull LocalDate on,
            @Nullable @Size(max = 4000) String note) {
    }

    public SupervisionFinding addFinding(Caller caller, AddFinding c) {
        requireSupervisor(caller);
        SupervisionVisit visit = visits.findById(c.visitId())
                .orElseThrow(() -> ApiException.badInput("input.visitId", "visitId is not a visit of this bureau"));
        if (c.rectifyBy() != null && c.rectifyBy().isBefore(visit.visitedOn())) {
            throw ApiException.badInput("input.rectifyBy", "rectifyBy must not be before the visit, " + visit.visitedOn());
        }
        SupervisionFinding.Status status = c.rectifyBy() == null ? SupervisionFinding.Status.NOTED : SupervisionFinding.Status.OPEN;
        return findings.save(new SupervisionFinding(UUID.randomUUID(), visit.id(), visit.stationId(), c.description(), c.rule(),
                c.rectifyBy(), status.name(), null, null, null, null, 1, caller.subject()));
    }

    /** The station says the rectification is done: its operator (granted) or the bureau's administrator. */
    public SupervisionFinding report(Caller caller, ReportRectification c) {
        caller.requireTenantMember();
        SupervisionFinding current = existing(c.id());
        access.requireEdit(caller, current.stationId());
        if (!SupervisionFinding.Status.OPEN.name().equals(current.status())) {
            throw ApiException.badInput("input.id", "only an open rectification can be reported; this one is " + current.status());
        }
        return write(current.reported(calendar.today(), c.report(), c.version()), c.version());
    }

    /** A supervisor looks again: closes the rectification, or reopens it. */
    public SupervisionFinding reinspect(Caller caller, Reinspect c) {
        requireSupervisor(caller);
        SupervisionFinding current = existing(c.id());
        if (!SupervisionFinding.Status.REPORTED.name().equals(current.status())) {
            throw ApiException.badInput("input.id", "only a reported rectification is re-inspected; this one is " + current.status());
        }
        if (c.on().isAfter(calendar.today()) || c.on().isBefore(current.reportedOn())) {
            throw ApiException.badInput("input.on", "on must be between the report, " + current.reportedOn() + ", and today");
        }
        if (!c.closed() && (c.note() == null || c.note().isBlank())) {
            throw ApiException.badInput("input.note", "a reopened rectification needs a note saying what is still wrong");
        }
        return write(current.reinspected(c.closed(), c.on(), c.note(), c.version()), c.version());
    }

    /** The bureau's visits in a period by kind. */
    public java.util.List<VisitCount> counts(Caller caller, LocalDate from, LocalDate to) {
        caller.requireTenantMember();
        if (to.isBefore(from)) {
            throw ApiException.badInput("to", "to must not be before from");
        }
        return visits.countsByKind(from, to);
    }

    private SupervisionFinding write(SupervisionFinding changed, int version) {
        try {
            return findings.update(changed);
        } catch (OptimisticLockException stale) {
            throw ApiException.conflict("input.version", "The finding was changed since version " + version);
        }
    }

    private SupervisionFinding existing(UUID id) {
        return findings.findById(id).orElseThrow(() -> ApiException.notFound("input.id", "Supervision finding"));
    }

    private static void requireSupervisor(Caller caller) {
        caller.requireTenantMember();
        if (!caller.has(Role.SUPERVISOR) && !caller.has(Role.TENANT_ADMIN)) {
            throw ApiException.forbidden("Only a SUPERVISOR or TENANT_ADMIN may record supervision");
        }
    }
}
