package io.shegong.catalogue;

import graphql.schema.idl.RuntimeWiring;
import io.shegong.catalogue.ServicePlanCommands.SaveServicePlan;
import io.shegong.core.db.Ids;
import io.shegong.core.graphql.Commands;
import io.shegong.core.graphql.LoaderContributor;
import io.shegong.core.graphql.Loaders;
import io.shegong.core.graphql.NodeType;
import io.shegong.core.graphql.RequestContext;
import io.shegong.core.graphql.RequestLoaders;
import io.shegong.core.graphql.Wiring;
import io.shegong.policy.PolicyProfile;
import io.shegong.policy.PolicyService;
import io.shegong.station.Station;
import io.shegong.station.StationWiring;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Map;

@Singleton
public class ServicePlanWiring implements Wiring, NodeType.Source, LoaderContributor {
    private static final String BY_ID = "servicePlan";
    private static final String BY_STATION = "stationServicePlans";
    private final ServicePlanService service;
    private final Commands commands;
    private final ServicePlanRepository plans;
    private final PolicyService policies;

    public ServicePlanWiring(ServicePlanService service, Commands commands, ServicePlanRepository plans,
                             PolicyService policies) {
        this.service = service;
        this.commands = commands;
        this.plans = plans;
        this.policies = policies;
    }

    @Override
    public void register(RequestLoaders registry, RequestContext ctx) {
        registry.register(BY_ID, () -> Loaders.byKey(ids -> plans.byIds(Ids.array(ids)), ServicePlan::id));
        registry.register(BY_STATION, () -> Loaders.grouped(ids -> plans.ofStations(Ids.array(ids)), ServicePlan::stationId));
    }

    @Override
    public void contribute(RuntimeWiring.Builder wiring) {
        wiring.type("Station", t -> t.dataFetcher("servicePlans",
                env -> RequestContext.loader(env, BY_STATION).load(env.<Station>getSource().id())));
        wiring.type("ServicePlan", t -> t.dataFetcher("station",
                env -> StationWiring.byId(env, env.<ServicePlan>getSource().stationId())));
        // the catalogue a plan is written to, typed for a console's slot pickers
        wiring.type("PolicyProfile", t -> t.dataFetcher("catalogue",
                env -> policies.compile(env.<PolicyProfile>getSource()).catalogue()));
        wiring.type("Mutation", t -> t.dataFetcher("saveServicePlan", env -> Map.of("plan",
                service.save(RequestContext.of(env).caller(), commands.bind(env, SaveServicePlan.class)))));
    }

    @Override
    public List<NodeType> nodeTypes() {
        return List.of(new NodeType("ServicePlan", BY_ID, true));
    }
}
