package io.shegong.station;

import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import io.shegong.core.db.Ids;
import io.shegong.core.graphql.Input;
import io.shegong.core.graphql.LoaderContributor;
import io.shegong.core.graphql.Loaders;
import io.shegong.core.graphql.NodeType;
import io.shegong.core.graphql.RequestContext;
import io.shegong.core.graphql.Wiring;
import io.shegong.division.Division;
import io.shegong.division.DivisionWiring;
import jakarta.inject.Singleton;
import org.dataloader.DataLoaderRegistry;

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
    private final StationRepository stations;
    private final StationKindRepository kinds;
    private final StationStatusChangeRepository statusChanges;

    public StationWiring(StationService service, StationRepository stations, StationKindRepository kinds,
                         StationStatusChangeRepository statusChanges) {
        this.service = service;
        this.stations = stations;
        this.kinds = kinds;
        this.statusChanges = statusChanges;
    }

    @Override
    public void register(DataLoaderRegistry registry, RequestContext ctx) {
        registry.register(BY_ID, Loaders.byKey(ids -> stations.byIds(Ids.array(ids)), Station::id));
        registry.register(CHILDREN, Loaders.grouped(ids -> stations.childrenOf(Ids.array(ids)), Station::parentId));
        registry.register(IN_DIVISION, Loaders.grouped(ids -> stations.inDivisions(Ids.array(ids)), Station::divisionId));
        // A bureau has a handful of kinds: the first lookup loads them all.
        registry.register(KINDS, Loaders.byKey(codes -> kinds.all(), StationKind::code));
        registry.register(HISTORY, Loaders.grouped(ids -> statusChanges.ofStations(Ids.array(ids)), StationStatusChange::stationId));
    }

    @Override
    public void contribute(RuntimeWiring.Builder wiring) {
        wiring.type("Query", t -> t
                .dataFetcher("stations", service::list)
                .dataFetcher("stationKinds", env -> service.kinds(RequestContext.of(env))));
        wiring.type("Station", t -> t
                .dataFetcher("kind", env -> RequestContext.loader(env, KINDS).load(station(env).kindCode()))
                .dataFetcher("parent", env -> byId(env, station(env).parentId()))
                .dataFetcher("children", env -> RequestContext.loader(env, CHILDREN).load(station(env).id()))
                .dataFetcher("division", env -> DivisionWiring.byId(env, station(env).divisionId()))
                .dataFetcher("statusHistory", env -> RequestContext.loader(env, HISTORY).load(station(env).id())));
        wiring.type("Division", t -> t
                .dataFetcher("stations", env -> RequestContext.loader(env, IN_DIVISION).load(env.<Division>getSource().id())));
        wiring.type("Mutation", t -> t
                .dataFetcher("createStation", mutation(service::create))
                .dataFetcher("updateStation", mutation(service::update))
                .dataFetcher("changeStationStatus", mutation(service::changeStatus))
                .dataFetcher("closeStation", mutation(service::close))
                .dataFetcher("grantStationToOperator", mutation(service::grant)));
    }

    private static DataFetcher<Map<String, Object>> mutation(BiFunction<RequestContext, Input, Station> action) {
        return env -> Map.of("station", action.apply(RequestContext.of(env), Input.of(env)));
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
