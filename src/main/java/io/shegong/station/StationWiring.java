package io.shegong.station;

import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import io.shegong.core.db.Ids;
import io.shegong.core.graphql.Commands;
import io.shegong.core.graphql.Connection;
import io.shegong.core.graphql.Input;
import io.shegong.core.security.Caller;
import io.shegong.station.StationCommands.ChangeStationStatus;
import io.shegong.station.StationCommands.CloseStation;
import io.shegong.station.StationCommands.CreateStation;
import io.shegong.station.StationCommands.GrantStation;
import io.shegong.station.StationCommands.UpdateStation;
import io.shegong.core.graphql.LoaderContributor;
import io.shegong.core.graphql.Loaders;
import io.shegong.core.graphql.NodeType;
import io.shegong.core.graphql.RequestContext;
import io.shegong.core.graphql.RequestLoaders;
import io.shegong.core.graphql.Wiring;
import io.shegong.division.Division;
import io.shegong.division.DivisionWiring;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;

/** Fetchers of `Station` and the station queries and mutations. */
@Singleton
public class StationWiring implements Wiring, NodeType.Source, LoaderContributor {
    public static final String BY_ID = "station";
    static final String CHILDREN = "stationChildren";
    static final String IN_DIVISION = "divisionStations";
    static final String KINDS = "stationKind";
    static final String HISTORY = "stationStatusHistory";

    private final StationService service;
    private final Commands commands;
    private final StationRepository stations;
    private final StationKindRepository kinds;
    private final StationStatusChangeRepository statusChanges;

    public StationWiring(StationService service, Commands commands, StationRepository stations,
                         StationKindRepository kinds, StationStatusChangeRepository statusChanges) {
        this.service = service;
        this.commands = commands;
        this.stations = stations;
        this.kinds = kinds;
        this.statusChanges = statusChanges;
    }

    @Override
    public void register(RequestLoaders registry, RequestContext ctx) {
        registry.register(BY_ID, () -> Loaders.byKey(ids -> stations.byIds(Ids.array(ids)), Station::id));
        registry.register(CHILDREN, () -> Loaders.grouped(ids -> stations.childrenOf(Ids.array(ids)), Station::parentId));
        registry.register(IN_DIVISION, () -> Loaders.grouped(ids -> stations.inDivisions(Ids.array(ids)), Station::divisionId));
        // A bureau has a handful of kinds: the first lookup loads them all.
        registry.register(KINDS, () -> Loaders.byKey(codes -> kinds.all(), StationKind::code));
        registry.register(HISTORY, () -> Loaders.grouped(ids -> statusChanges.ofStations(Ids.array(ids)), StationStatusChange::stationId));
    }

    @Override
    public void contribute(RuntimeWiring.Builder wiring) {
        wiring.type("Query", t -> t
                .dataFetcher("stations", env -> service.list(caller(env), filter(env), Connection.window(env)))
                .dataFetcher("stationKinds", env -> service.kinds(caller(env))));
        wiring.type("Viewer", t -> t.dataFetcher("grantedStations", env -> service.granted(caller(env))));
        wiring.type("Station", t -> t
                .dataFetcher("kind", env -> RequestContext.loader(env, KINDS).load(station(env).kindCode()))
                .dataFetcher("parent", env -> byId(env, station(env).parentId()))
                .dataFetcher("children", env -> RequestContext.loader(env, CHILDREN).load(station(env).id()))
                .dataFetcher("division", env -> DivisionWiring.byId(env, station(env).divisionId()))
                .dataFetcher("statusHistory", env -> RequestContext.loader(env, HISTORY).load(station(env).id())));
        wiring.type("Division", t -> t
                .dataFetcher("stations", env -> RequestContext.loader(env, IN_DIVISION).load(env.<Division>getSource().id())));
        wiring.type("Mutation", t -> t
                .dataFetcher("createStation", mutation(CreateStation.class, service::create))
                .dataFetcher("updateStation", mutation(UpdateStation.class, service::update))
                .dataFetcher("changeStationStatus", mutation(ChangeStationStatus.class, service::changeStatus))
                .dataFetcher("closeStation", mutation(CloseStation.class, service::close))
                .dataFetcher("grantStationToOperator", mutation(GrantStation.class, service::grant)));
    }

    private <C extends Record> DataFetcher<Map<String, Object>> mutation(Class<C> command,
                                                                         BiFunction<Caller, C, Station> action) {
        return env -> Map.of("station", action.apply(caller(env), commands.bind(env, command)));
    }

    private static Caller caller(DataFetchingEnvironment env) {
        return RequestContext.of(env).caller();
    }

    private static StationRepository.Filter filter(DataFetchingEnvironment env) {
        Input f = new Input(env.getArgument("filter"), "filter");
        return new StationRepository.Filter(f.id("divisionId", "Division"), f.text("kind", 64), f.text("status", 20),
                f.text("operatingMode", 40), f.id("parentId", "Station"), f.text("text", 100));
    }

    private static Station station(DataFetchingEnvironment env) {
        return env.getSource();
    }

    /** The station with this id through the request's batch loader; null for a null id. */
    public static CompletableFuture<Object> byId(DataFetchingEnvironment env, UUID id) {
        return id == null ? CompletableFuture.completedFuture(null) : RequestContext.loader(env, BY_ID).load(id);
    }

    @Override
    public List<NodeType> nodeTypes() {
        return List.of(new NodeType("Station", BY_ID, true));
    }
}
