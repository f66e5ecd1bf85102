package io.shegong.supervision;

import io.shegong.core.error.ApiException;
import io.shegong.core.graphql.Input;
import io.shegong.core.graphql.RequestContext;
import io.shegong.core.security.Role;
import io.shegong.station.StationRepository;
import jakarta.inject.Singleton;

import java.time.LocalDate;
import java.util.UUID;

/** Supervision visits: SUPERVISOR and TENANT_ADMIN record them, every tenant role reads them. */
@Singleton
public class SupervisionService {
    private final SupervisionVisitRepository visits;
    private final StationRepository stations;

    public SupervisionService(SupervisionVisitRepository visits, StationRepository stations) {
        this.visits = visits;
        this.stations = stations;
    }

    public SupervisionVisit record(RequestContext ctx, Input in) {
        ctx.caller().requireTenantMember();
        if (!ctx.caller().has(Role.SUPERVISOR) && !ctx.caller().has(Role.TENANT_ADMIN)) {
            throw ApiException.forbidden("Only a SUPERVISOR or TENANT_ADMIN may record supervision");
        }
        UUID stationId = in.requiredId("stationId", "Station");
        LocalDate visitedOn = in.pastDate("visitedOn");
        if (visitedOn == null) {
            throw ApiException.badInput(in.path("visitedOn"), "visitedOn is required");
        }
        String supervisor = in.requiredText("supervisor", 100);
        String findings = in.requiredText("findings", Input.MAX_LONG_TEXT);
        if (stations.findById(stationId).isEmpty()) {
            throw ApiException.badInput(in.path("stationId"), "stationId is not a station of this bureau");
        }
        SupervisionVisit visit = new SupervisionVisit(UUID.randomUUID(), stationId, visitedOn, supervisor, findings,
                ctx.caller().subject(), null);
        return ctx.session().atomically(() -> visits.save(visit));
    }
}
