package io.shegong.core.graphql;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import io.shegong.core.error.ApiException;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;

/** `node(id:)`, `nodes(ids:)` and the `id` field of every Node type. */
@Singleton
public class NodeWiring implements Wiring {
    private final Map<String, NodeType> types;

    public NodeWiring(List<NodeType.Source> sources) {
        this.types = sources.stream().flatMap(s -> s.nodeTypes().stream())
                .collect(Collectors.toMap(NodeType::typeName, Function.identity()));
    }

    /** The Node type of this name, as global ids spell it. */
    public Optional<NodeType> type(String name) {
        return Optional.ofNullable(types.get(name));
    }

    @Override
    public void contribute(RuntimeWiring.Builder wiring) {
        wiring.type("Query", t -> t
                .dataFetcher("node", env -> load(env, env.getArgument("id")))
                .dataFetcher("nodes", this::nodes));
        types.keySet().forEach(type -> wiring.type(type, t -> t.dataFetcher("id",
                env -> GlobalId.encode(type, ((Identified) env.getSource()).id()))));
    }

    private CompletableFuture<List<Object>> nodes(DataFetchingEnvironment env) {
        List<String> ids = env.getArgument("ids");
        if (ids.size() > Connection.MAX_PAGE) {
            throw ApiException.badInput("ids", "at most " + Connection.MAX_PAGE + " ids");
        }
        List<CompletableFuture<Object>> all = new ArrayList<>();
        for (String id : ids) {
            all.add(load(env, id));
        }
        return CompletableFuture.allOf(all.toArray(CompletableFuture[]::new))
                .thenApply(v -> all.stream().map(CompletableFuture::join).toList());
    }

    /** An unknown, malformed or foreign id all answer null: the caller cannot tell them apart. */
    private CompletableFuture<Object> load(DataFetchingEnvironment env, String id) {
        return GlobalId.decode(id)
                .filter(g -> types.containsKey(g.type()))
                .map(g -> load(env, types.get(g.type()), g.id()))
                .orElse(CompletableFuture.completedFuture(null));
    }

    private static CompletableFuture<Object> load(DataFetchingEnvironment env, NodeType type, java.util.UUID id) {
        if (type.tenantData()) {
            RequestContext.of(env).caller().requireTenantMember();
        }
        return RequestContext.loader(env, type.loader()).load(id);
    }
}
