package io.shegong.policy;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import io.shegong.core.db.Ids;
import io.shegong.core.graphql.Commands;
import io.shegong.core.graphql.LoaderContributor;
import io.shegong.core.graphql.Loaders;
import io.shegong.core.graphql.NodeType;
import io.shegong.core.graphql.RequestContext;
import io.shegong.core.graphql.RequestLoaders;
import io.shegong.core.graphql.Wiring;
import io.shegong.core.security.Caller;
import io.shegong.core.time.BureauCalendar;
import io.shegong.policy.PolicyCommands.CreatePolicyDraft;
import io.shegong.policy.PolicyCommands.PublishPolicyProfile;
import io.shegong.policy.PolicyCommands.UpdatePolicyDraft;
import io.shegong.policy.PolicyCommands.WithdrawPolicyProfile;
import jakarta.inject.Singleton;
import io.shegong.policy.PolicyDocument.Kind;
import io.shegong.policy.PolicyDocument.Required;
import io.shegong.policy.PolicyDocument.Term;
import io.shegong.policy.PolicyDocument.Vocabularies;
import io.shegong.station.StationKind;
import org.dataloader.DataLoaderFactory;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/** Queries and mutations of policy profiles, and what a station kind requires under the profile in force. */
@Singleton
public class PolicyWiring implements Wiring, NodeType.Source, LoaderContributor {
    static final String BY_ID = "policyProfile";
    /** The compiled profile in force on a date (null when none is): read once per request, however many kinds ask. */
    static final String IN_FORCE = "policyInForce";
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
    public void register(RequestLoaders registry, RequestContext ctx) {
        registry.register(BY_ID, () -> Loaders.byKey(ids -> profiles.byIds(Ids.array(ids)), PolicyProfile::id));
        registry.register(IN_FORCE, () -> DataLoaderFactory.newMappedDataLoader((Set<LocalDate> dates) -> {
            Map<LocalDate, CompiledPolicy> out = new HashMap<>();
            for (LocalDate on : dates) {
                service.inForce(ctx.caller(), on).ifPresent(p -> out.put(on, service.compile(p)));
            }
            return CompletableFuture.completedFuture(out);
        }));
    }

    @Override
    public void contribute(RuntimeWiring.Builder wiring) {
        wiring.type("Query", t -> t
                .dataFetcher("policyProfile", env -> service.inForce(caller(env), on(env)).orElse(null))
                .dataFetcher("policyProfiles", env -> service.all(caller(env)))
                .dataFetcher("policyTemplates", env -> service.templates(caller(env)))
                .dataFetcher("checkPolicyConditions", env -> service.checkConditions(caller(env), env.getArgument("conditions"))));
        wiring.type("Mutation", t -> t
                .dataFetcher("createPolicyDraft", env -> Map.of("profile",
                        service.createDraft(caller(env), commands.bind(env, CreatePolicyDraft.class))))
                .dataFetcher("updatePolicyDraft", env -> Map.of("profile",
                        service.updateDraft(caller(env), commands.bind(env, UpdatePolicyDraft.class))))
                .dataFetcher("publishPolicyProfile", env -> Map.of("profile",
                        service.publish(caller(env), commands.bind(env, PublishPolicyProfile.class))))
                .dataFetcher("withdrawPolicyProfile", env -> Map.of("profile",
                        service.withdraw(caller(env), commands.bind(env, WithdrawPolicyProfile.class)))));
        wiring.type("PolicyProfile", t -> t.dataFetcher("vocabularies",
                env -> service.compile(env.<PolicyProfile>getSource()).document().vocabularies()));
        wiring.type("StationKind", t -> t
                .dataFetcher("requiredRooms", env -> required(env, Kind::rooms, "rooms"))
                .dataFetcher("requiredRules", env -> required(env, Kind::rules, "rules")));
    }

    /**
     * What a kind requires under the profile in force today, labelled by its vocabulary; empty when
     * no profile is in force or it requires nothing of the kind.
     */
    private CompletableFuture<List<Term>> required(DataFetchingEnvironment env, Function<Kind, Required> which, String vocabulary) {
        String code = env.<StationKind>getSource().code();
        return RequestContext.<LocalDate, CompiledPolicy>loader(env, IN_FORCE).load(calendar.today()).thenApply(policy -> {
            Kind kind = policy == null ? null : policy.document().kind(code);
            Required required = kind == null ? null : which.apply(kind);
            if (required == null) {
                return List.of();
            }
            Vocabularies terms = policy.document().vocabularies();
            return required.codes().stream().map(c -> {
                Term t = terms.term(vocabulary, c);
                return t != null ? t : new Term(c, c, c, null);
            }).toList();
        });
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
