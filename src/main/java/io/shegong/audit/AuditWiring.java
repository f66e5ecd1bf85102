package io.shegong.audit;

import graphql.schema.idl.RuntimeWiring;
import io.shegong.core.graphql.Connection;
import io.shegong.core.graphql.GlobalId;
import io.shegong.core.graphql.LoaderContributor;
import io.shegong.core.graphql.Loaders;
import io.shegong.core.graphql.NodeType;
import io.shegong.core.graphql.RequestContext;
import io.shegong.core.graphql.Wiring;
import jakarta.inject.Singleton;
import org.dataloader.DataLoaderRegistry;

import java.util.List;

@Singleton
public class AuditWiring implements Wiring, NodeType.Source, LoaderContributor {
    private final AuditLog audit;

    public AuditWiring(AuditLog audit) {
        this.audit = audit;
    }

    @Override
    public void contribute(RuntimeWiring.Builder wiring) {
        wiring.type("Query", t -> t.dataFetcher("auditLog",
                env -> audit.page(RequestContext.of(env), env.getArgument("entity"), Connection.window(env))));
        wiring.type("AuditEntry", t -> t.dataFetcher("entityId", env -> {
            AuditEntry e = env.getSource();
            return e.entityId() == null ? null : GlobalId.encode(e.entity(), e.entityId());
        }));
    }

    @Override
    public void register(DataLoaderRegistry registry, RequestContext ctx) {
        registry.register("auditEntry", Loaders.byKey(ids -> audit.byIds(ctx, ids), AuditEntry::id));
    }

    @Override
    public List<NodeType> nodeTypes() {
        return List.of(new NodeType("AuditEntry", "auditEntry", true));
    }
}
