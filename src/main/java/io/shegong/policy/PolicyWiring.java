package io.shegong.policy;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import io.shegong.core.db.Ids;
import io.shegong.core.graphql.Commands;
import io.shegong.core.graphql.LoaderContributor;
import io.shegong.core.graphql.Loaders;
import io.shegong.core.graphql.NodeType;
import io.shegong.core.graphql.RequestContext;
import io.shegong.core.graphql.Wiring;
import io.shegong.core.security.Caller;
import io.shegong.core.time.BureauCalendar;
import io.shegong.policy.PolicyCommands.CreatePolicyDraft;
import io.shegong.policy.PolicyCommands.PublishPolicyProfile;
import io.shegong.policy.PolicyCommands.UpdatePolicyDraft;
import io.shegong.policy.PolicyCommands.WithdrawPolicyProfile;
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
    private final Commands commands;
    private final PolicyRepository profiles;
    private final BureauCalendar calendar;

    public PolicyWiring(PolicyService service, Commands commands, PolicyRepository profiles, BureauCalendar calendar) {
        this.service = service;
        this.commands = commands;
        this.profiles = profiles;
        this.calendar = calendar;
    }

    @Override
    public void register(DataLoaderRegistry registry, RequestContext ctx) {
        registry.register(BY_ID, Loaders.byKey(ids -> profiles.byIds(Ids.array(ids)), PolicyProfile::id));
    }

    @Override
    public void contribute(RuntimeWiring.Builder wiring) {
        wiring.type("Query", t -> t
                .dataFetcher("policyProfile", env -> service.inForce(caller(env), on(env)).orElse(null))
                .dataFetcher("policyProfiles", env -> service.all(caller(env)))
                .dataFetcher("policyTemplates", env -> service.templates(caller(env))));
        wiring.type("Mutation", t -> t
                .dataFetcher("createPolicyDraft", env -> Map.of("profile",
                        service.createDraft(caller(env), commands.bind(env, CreatePolicyDraft.class))))
                .dataFetcher("updatePolicyDraft", env -> Map.of("profile",
                        service.updateDraft(caller(env), commands.bind(env, UpdatePolicyDraft.class))))
                .dataFetcher("publishPolicyProfile", env -> Map.of("profile",
                        service.publish(caller(env), commands.bind(env, PublishPolicyProfile.class))))
                .dataFetcher("withdrawPolicyProfile", env -> Map.of("profile",
                        service.withdraw(caller(env), commands.bind(env, WithdrawPolicyProfile.class)))));
    }

    /** The `on` argument; the bureau's today when omitted. */
    private LocalDate on(DataFetchingEnvironment env) {
        LocalDate on = env.getArgument("on");
        return on == null ? calendar.today() : on;
    }

    private static Caller caller(DataFetchingEnvironment env) {
        return RequestContext.of(env).caller();
    }

    @Override
    public List<NodeType> nodeTypes() {
        return List.of(new NodeType("PolicyProfile", BY_ID, true));
    }
}
