package io.shegong.division;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import io.shegong.core.db.Ids;
import io.shegong.core.graphql.Input;
import io.shegong.core.graphql.LoaderContributor;
import io.shegong.core.graphql.Loaders;
import io.shegong.core.graphql.NodeType;
import io.shegong.core.graphql.RequestContext;
import io.shegong.core.graphql.Wiring;
import jakarta.inject.Singleton;
import org.dataloader.DataLoaderRegistry;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/** Fetchers of `Division` and the division queries and mutations. */
@Singleton
public class DivisionWiring implements Wiring, NodeType.Source, LoaderContributor {
    public static final String BY_ID = "division";
    static final String CHILDREN = "divisionChildren";

    private final DivisionService service;
    private final DivisionRepository divisions;

    public DivisionWiring(DivisionService service, DivisionRepository divisions) {
        this.service = service;
        this.divisions = divisions;
    }

    @Override
    public void register(DataLoaderRegistry registry, RequestContext ctx) {
        registry.register(BY_ID, Loaders.byKey(ids -> divisions.byIds(Ids.array(ids)), Division::id));
        registry.register(CHILDREN, Loaders.grouped(ids -> divisions.childrenOf(Ids.array(ids)), Division::parentId));
    }

    @Override
    public void contribute(RuntimeWiring.Builder wiring) {
        wiring.type("Query", t -> t.dataFetcher("divisions", service::list));
        wiring.type("Division", t -> t
                .dataFetcher("parent", env -> byId(env, env.<Division>getSource().parentId()))
                .dataFetcher("children", env -> RequestContext.loader(env, CHILDREN).load(env.<Division>getSource().id())));
        wiring.type("Mutation", t -> t
                .dataFetcher("createDivision", env -> DivisionService.payload(service.create(RequestContext.of(env), Input.of(env))))
                .dataFetcher("updateDivision", env -> DivisionService.payload(service.update(RequestContext.of(env), Input.of(env)))));
    }

    /** The division with this id through the request's batch loader; null for a null id. */
    public static CompletableFuture<Object> byId(DataFetchingEnvironment env, UUID id) {
        return id == null ? CompletableFuture.completedFuture(null) : RequestContext.loader(env, BY_ID).load(id);
    }

    @Override
    public List<NodeType> nodeTypes() {
        return List.of(new NodeType("Division", BY_ID, true));
    }
}
