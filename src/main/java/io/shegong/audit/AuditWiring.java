package io.shegong.audit;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import io.shegong.core.graphql.Connection;
import io.shegong.core.graphql.GlobalId;
import io.shegong.core.graphql.Input;
import io.shegong.core.graphql.LoaderContributor;
import io.shegong.core.graphql.Loaders;
import io.shegong.core.graphql.NodeType;
import io.shegong.core.graphql.RequestContext;
import io.shegong.core.graphql.RequestLoaders;
import io.shegong.core.graphql.Wiring;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.UUID;

/** `auditLog` and the fields of `AuditEntry`. */
@Singleton
public class AuditWiring implements Wiring, NodeType.Source, LoaderContributor {
    private final AuditLog audit;

    public AuditWiring(AuditLog audit) {
        this.audit = audit;
    }

    @Override
    public void contribute(RuntimeWiring.Builder wiring) {
        wiring.type("Query", t -> t.dataFetcher("auditLog",
                env -> audit.page(RequestContext.of(env), query(env), Connection.window(env))));
        wiring.type("AuditEntry", t -> t.dataFetcher("entityId", env -> {
            AuditEntry e = env.getSource();
            return e.entityId() == null ? null : GlobalId.encode(e.entity(), e.entityId());
        }));
    }

    private static AuditLog.Query query(DataFetchingEnvironment env) {
        Input f = new Input(env.getArgument("filter"), "filter");
        String entity = f.text("entity", 64) != null ? f.text("entity", 64) : env.getArgument("entity");
        UUID target = null;
        if (f.has("targetId") && f.raw("targetId") != null) {
            // any Node's id will do; one that is malformed matches nothing, as an unknown one does
            target = GlobalId.decode(f.raw("targetId").toString()).map(GlobalId::id).orElse(new UUID(0, 0));
        }
        Object outcome = f.raw("outcome");
        return new AuditLog.Query(entity, target, f.text("actor", Input.MAX_TEXT),
                outcome == null ? null : outcome.toString(), f.date("from"), f.date("to"));
    }

    @Override
    public void register(RequestLoaders registry, RequestContext ctx) {
        registry.register("auditEntry", () -> Loaders.byKey(ids -> audit.byIds(ctx, ids), AuditEntry::id));
    }

    @Override
    public List<NodeType> nodeTypes() {
        return List.of(new NodeType("AuditEntry", "auditEntry", true));
    }
}
