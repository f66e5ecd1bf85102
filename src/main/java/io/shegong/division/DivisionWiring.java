package io.shegong.division;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import io.shegong.core.db.Ids;
import io.shegong.core.graphql.Commands;
import io.shegong.core.graphql.Connection;
import io.shegong.core.graphql.Input;
import io.shegong.core.graphql.LoaderContributor;
import io.shegong.core.graphql.Loaders;
import io.shegong.core.graphql.NodeType;
import io.shegong.core.graphql.RequestContext;
import io.shegong.core.graphql.RequestLoaders;
import io.shegong.core.graphql.Selections;
import io.shegong.core.graphql.Wiring;
import io.shegong.core.security.Caller;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/** Fetchers of `Division` and the division queries and mutations. */
@Singleton
public class DivisionWiring implements Wiring, NodeType.Source, LoaderContributor {
    public static final String BY_ID = "division";
    private static final String WITH_ANCESTORS = "divisionWithAncestors";
    static final String CHILDREN = "divisionChildren";

    private final DivisionService service;
    private final Commands commands;
    private final DivisionRepository divisions;
    private final DivisionDirectory directory;

    public DivisionWiring(DivisionService service, Commands commands, DivisionRepository divisions,
                          DivisionDirectory directory) {
        this.commands = commands;
        this.service = service;
        this.divisions = divisions;
        this.directory = directory;
    }

    @Override
    public void register(RequestLoaders registry, RequestContext ctx) {
        registry.register(BY_ID, () -> Loaders.byKey(ids -> divisions.byIds(Ids.array(ids)), Division::id,
                directory.cacheFor(ctx.session())));
        registry.register(WITH_ANCESTORS, () -> Loaders.byKey(ids -> {
            List<Division> found = divisions.withAncestors(Ids.array(ids));
            Loaders.prime(registry.getDataLoader(BY_ID), found, Division::id);
            return found;
        }, Division::id, directory.cacheFor(ctx.session())));
        registry.register(CHILDREN, () -> Loaders.grouped(ids -> divisions.childrenOf(Ids.array(ids)), Division::parentId));
    }

    @Override
    public void contribute(RuntimeWiring.Builder wiring) {
        wiring.type("Query", t -> t.dataFetcher("divisions", env -> service.list(caller(env), filter(env), Connection.window(env))));
        wiring.type("Division", t -> t
                .dataFetcher("parent", env -> byId(env, env.<Division>getSource().parentId()))
                .dataFetcher("children", env -> RequestContext.loader(env, CHILDREN).load(env.<Division>getSource().id())));
        wiring.type("Mutation", t -> t
                .dataFetcher("createDivision", env -> DivisionService.payload(service.create(caller(env),
                        commands.bind(env, DivisionCommands.CreateDivision.class))))
                .dataFetcher("updateDivision", env -> DivisionService.payload(service.update(caller(env),
                        commands.bind(env, DivisionCommands.UpdateDivision.class)))));
    }

    private static Caller caller(DataFetchingEnvironment env) {
        return RequestContext.of(env).caller();
    }

    private static DivisionRepository.Filter filter(DataFetchingEnvironment env) {
        Input f = new Input(env.getArgument("filter"), "filter");
        return new DivisionRepository.Filter(f.text("level", 20), f.id("parentId", "Division"), f.bool("roots"),
                f.text("text", 100), f.text("zone", 40));
    }

    /**
     * The division with this id, for a field of Division type, through the request's batch
     * loader; null for a null id. A query finds it among the bureau's divisions kept between
     * requests ({@link DivisionDirectory}); in a mutation, when the query asks for its `parent`,
     * the division comes with every division above it in one statement, so no level of the tree
     * costs another.
     */
    public static CompletableFuture<Object> byId(DataFetchingEnvironment env, UUID id) {
        if (id == null) {
            return CompletableFuture.completedFuture(null);
        }
        return RequestContext.loader(env, Selections.asks(env, "parent") ? WITH_ANCESTORS : BY_ID).load(id);
    }

    @Override
    public List<NodeType> nodeTypes() {
        return List.of(new NodeType("Division", BY_ID, true));
    }
}
