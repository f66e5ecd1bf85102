package io.shegong.brief;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import io.shegong.core.error.ApiException;
import io.shegong.core.graphql.GlobalId;
import io.shegong.core.graphql.RequestContext;
import io.shegong.core.graphql.Wiring;
import io.shegong.division.DivisionWiring;
import io.shegong.station.Station;
import io.shegong.station.StationWiring;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Fetchers of the monthly brief: the bureau's (or a division's) and a station's. */
@Singleton
public class BriefWiring implements Wiring {
    private final BriefService service;

    public BriefWiring(BriefService service) {
        this.service = service;
    }

    /** A code and its count, as the schema's `CodeCount`. */
    record CodeCount(String code, int count) {
    }

    @Override
    public void contribute(RuntimeWiring.Builder wiring) {
        wiring.type("Query", t -> t.dataFetcher("monthlyBrief", env -> service.ofTenant(RequestContext.of(env).caller(),
                env.getArgument("month"), divisionId(env))));
        wiring.type("Station", t -> t.dataFetcher("monthlyBrief", env -> service.ofStation(RequestContext.of(env).caller(),
                env.<Station>getSource().id(), env.getArgument("month"))));
        wiring.type("MonthlyBrief", t -> t
                .dataFetcher("station", env -> StationWiring.byId(env, brief(env).stationId()))
                .dataFetcher("division", env -> DivisionWiring.byId(env, brief(env).divisionId())));
        wiring.type("BriefActivity", t -> t.dataFetcher("beneficiaries", env -> counts(
                env.<MonthlyBrief.Activity>getSource().beneficiaries())));
        wiring.type("LateParty", t -> t
                .dataFetcher("station", env -> StationWiring.byId(env, env.<MonthlyBrief.LateParty>getSource().stationId()))
                .dataFetcher("division", env -> DivisionWiring.byId(env, env.<MonthlyBrief.LateParty>getSource().divisionId())));
    }

    /** A malformed id, or one of another type, is bad input naming `divisionId`. */
    private static UUID divisionId(DataFetchingEnvironment env) {
        String id = env.getArgument("divisionId");
        return id == null ? null : GlobalId.decode(id).filter(g -> g.type().equals("Division")).map(GlobalId::id)
                .orElseThrow(() -> ApiException.badInput("divisionId", "divisionId is not a valid Division id"));
    }

    private static MonthlyBrief brief(DataFetchingEnvironment env) {
        return env.getSource();
    }

    private static List<CodeCount> counts(Map<String, Integer> byCode) {
        return byCode.entrySet().stream().map(e -> new CodeCount(e.getKey(), e.getValue())).toList();
    }
}
