package io.shegong.supervision;

import io.shegong.core.error.ApiException;
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
    private final StationRepository stations;
    private final BureauCalendar calendar;

    public SupervisionService(SupervisionVisitRepository visits, StationRepository stations, BureauCalendar calendar) {
        this.visits = visits;
        this.stations = stations;
        this.calendar = calendar;
    }

    /** One visit as a supervisor reports it. */
    @Introspected
    public record RecordVisit(
            @NotNull @NodeId("Station") UUID stationId,
            @NotNull LocalDate visitedOn,
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
        return visits.save(new SupervisionVisit(UUID.randomUUID(), c.stationId(), c.visitedOn(), c.supervisor(),
                c.findings(), caller.subject(), null));
    }
}
