package io.shegong.policy;

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

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Queries and mutations of policy profiles. */
@Singleton
public class PolicyWiring implements Wiring, NodeType.Source, LoaderContributor {
    static final String BY_ID = "policyProfile";
    private final PolicyService service;
    private final PolicyRepository profiles;

    public PolicyWiring(PolicyService service, PolicyRepository profiles) {
        this.service = service;
        this.profiles = profiles;
    }

    @Override
    public void register(DataLoaderRegistry registry, RequestContext ctx) {
        registry.register(BY_ID, Loaders.byKey(ids -> profiles.byIds(Ids.array(ids)), PolicyProfile::id));
    }

    @Override
    public void contribute(RuntimeWiring.Builder wiring) {
        wiring.type("Query", t -> t
                .dataFetcher("policyProfile", env -> service.inForce(RequestContext.of(env), on(env)).orElse(null))
                .dataFetcher("policyProfiles", env -> service.all(RequestContext.of(env)))
                .dataFetcher("policyTemplates", env -> service.templates(RequestContext.of(env))));
        wiring.type("Mutation", t -> t
                .dataFetcher("createPolicyDraft", env -> Map.of("profile", service.createDraft(RequestContext.of(env), Input.of(env))))
                .dataFetcher("updatePolicyDraft", env -> Map.of("profile", service.updateDraft(RequestContext.of(env), Input.of(env))))
                .dataFetcher("publishPolicyProfile", env -> Map.of("profile", service.publish(RequestContext.of(env), Input.of(env)))));
    }

    /** The `on` argument, today when omitted. */
    public static LocalDate on(graphql.schema.DataFetchingEnvironment env) {
        LocalDate on = env.getArgument("on");
        return on == null ? LocalDate.now() : on;
    }

    @Override
    public List<NodeType> nodeTypes() {
        return List.of(new NodeType("PolicyProfile", BY_ID, true));
    }
}
