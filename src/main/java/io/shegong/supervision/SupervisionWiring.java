package io.shegong.supervision;

import graphql.schema.idl.RuntimeWiring;
import io.shegong.core.db.Session;
import io.shegong.core.db.Sql;
import io.shegong.core.error.ApiException;
import io.shegong.core.graphql.Input;
import io.shegong.core.graphql.LoaderContributor;
import io.shegong.core.graphql.Loaders;
import io.shegong.core.graphql.NodeType;
import io.shegong.core.graphql.RequestContext;
import io.shegong.core.graphql.Wiring;
import io.shegong.core.security.Role;
import io.shegong.station.Station;
import io.shegong.station.StationRepository;
import io.shegong.station.StationWiring;
import jakarta.inject.Singleton;
import org.dataloader.DataLoaderRegistry;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Supervision visits: SUPERVISOR and TENANT_ADMIN record them, every tenant role reads them. */
@Singleton
public class SupervisionWiring implements Wiring, NodeType.Source, LoaderContributor {
    private static final String BY_ID = "supervisionVisit";
    private static final String BY_STATION = "stationSupervisionVisits";
    private static final String COLUMNS = "id, station_id, visited_on, supervisor, findings, recorded_by, recorded_at";

    private final StationRepository stations;

    public SupervisionWiring(StationRepository stations) {
        this.stations = stations;
    }

    @Override
    public void register(DataLoaderRegistry registry, RequestContext ctx) {
        Session s = ctx.session();
        registry.register(BY_ID, Loaders.byKey(ids -> byIds(s, ids), SupervisionVisit::id));
        registry.register(BY_STATION, Loaders.grouped(ids -> atStations(s, ids), SupervisionVisit::stationId));
    }

    @Override
    public void contribute(RuntimeWiring.Builder wiring) {
        wiring.type("Station", t -> t.dataFetcher("supervisionVisits",
                env -> RequestContext.loader(env, BY_STATION).load(env.<Station>getSource().id())));
        wiring.type("SupervisionVisit", t -> t.dataFetcher("station",
                env -> StationWiring.byId(env, env.<SupervisionVisit>getSource().stationId())));
        wiring.type("Mutation", t -> t.dataFetcher("recordSupervisionVisit",
                env -> Map.of("visit", record(RequestContext.of(env), Input.of(env)))));
    }

    private SupervisionVisit record(RequestContext ctx, Input in) {
        ctx.caller().requireTenantMember();
        if (!ctx.caller().has(Role.SUPERVISOR) && !ctx.caller().has(Role.TENANT_ADMIN)) {
            throw ApiException.forbidden("Only a SUPERVISOR or TENANT_ADMIN may record supervision");
        }
        UUID stationId = in.requiredId("stationId", "Station");
        var visitedOn = in.pastDate("visitedOn");
        if (visitedOn == null) {
            throw ApiException.badInput(in.path("visitedOn"), "visitedOn is required");
        }
        String supervisor = in.requiredText("supervisor", 100);
        String findings = in.requiredText("findings", Input.MAX_LONG_TEXT);
        if (stations.findById(stationId).isEmpty()) {
            throw ApiException.badInput(in.path("stationId"), "stationId is not a station of this bureau");
        }
        SupervisionVisit v = new SupervisionVisit(UUID.randomUUID(), stationId, visitedOn, supervisor, findings,
                ctx.caller().subject(), Instant.now());
        return ctx.session().atomically(() -> {
            Sql.update(ctx.session(), """
                    INSERT INTO supervision_visit (tenant_id, id, station_id, visited_on, supervisor, findings, recorded_by)
                    VALUES (?, ?, ?, ?, ?, ?, ?)""", ctx.session().tenantId(), v.id(), v.stationId(), v.visitedOn(),
                    v.supervisor(), v.findings(), v.recordedBy());
            return v;
        });
    }

    private static List<SupervisionVisit> byIds(Session s, Collection<UUID> ids) {
        return Sql.list(s, "SELECT " + COLUMNS + " FROM supervision_visit WHERE id = ANY(?::uuid[])",
                SupervisionWiring::map, ids);
    }

    private static List<SupervisionVisit> atStations(Session s, Collection<UUID> stationIds) {
        return Sql.list(s, "SELECT " + COLUMNS + " FROM supervision_visit WHERE station_id = ANY(?::uuid[])"
                + " ORDER BY visited_on DESC, recorded_at DESC", SupervisionWiring::map, stationIds);
    }

    private static SupervisionVisit map(ResultSet rs) throws SQLException {
        return new SupervisionVisit(Sql.uuid(rs, "id"), Sql.uuid(rs, "station_id"), Sql.date(rs, "visited_on"),
                rs.getString("supervisor"), rs.getString("findings"), rs.getString("recorded_by"),
                Sql.instant(rs, "recorded_at"));
    }

    @Override
    public List<NodeType> nodeTypes() {
        return List.of(new NodeType("SupervisionVisit", BY_ID, true));
    }
}
