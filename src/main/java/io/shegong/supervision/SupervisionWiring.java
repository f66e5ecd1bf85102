package io.shegong.supervision;

import graphql.schema.idl.RuntimeWiring;
import io.shegong.core.db.Ids;
import io.shegong.core.graphql.Commands;
import io.shegong.core.graphql.LoaderContributor;
import io.shegong.core.graphql.Loaders;
import io.shegong.core.graphql.NodeType;
import io.shegong.core.graphql.RequestContext;
import io.shegong.core.graphql.Wiring;
import io.shegong.station.Station;
import io.shegong.station.StationWiring;
import jakarta.inject.Singleton;
import org.dataloader.DataLoaderRegistry;

import java.util.List;
import java.util.Map;

/** Fetchers of `SupervisionVisit`, a station's visits, and the mutation that records one. */
@Singleton
public class SupervisionWiring implements Wiring, NodeType.Source, LoaderContributor {
    private static final String BY_ID = "supervisionVisit";
    private static final String BY_STATION = "stationSupervisionVisits";

    private final SupervisionService service;
    private final Commands commands;
    private final SupervisionVisitRepository visits;

    public SupervisionWiring(SupervisionService service, Commands commands, SupervisionVisitRepository visits) {
        this.service = service;
        this.commands = commands;
        this.visits = visits;
    }

    @Override
    public void register(DataLoaderRegistry registry, RequestContext ctx) {
        registry.register(BY_ID, Loaders.byKey(ids -> visits.byIds(Ids.array(ids)), SupervisionVisit::id));
        registry.register(BY_STATION, Loaders.grouped(ids -> visits.atStations(Ids.array(ids)), SupervisionVisit::stationId));
    }

    @Override
    public void contribute(RuntimeWiring.Builder wiring) {
        wiring.type("Station", t -> t.dataFetcher("supervisionVisits",
                env -> RequestContext.loader(env, BY_STATION).load(env.<Station>getSource().id())));
        wiring.type("SupervisionVisit", t -> t.dataFetcher("station",
                env -> StationWiring.byId(env, env.<SupervisionVisit>getSource().stationId())));
        wiring.type("Mutation", t -> t.dataFetcher("recordSupervisionVisit",
                env -> Map.of("visit", service.record(RequestContext.of(env).caller(),
                        commands.bind(env, SupervisionService.RecordVisit.class)))));
    }

    @Override
    public List<NodeType> nodeTypes() {
        return List.of(new NodeType("SupervisionVisit", BY_ID, true));
    }
}
