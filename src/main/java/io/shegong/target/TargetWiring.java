package io.shegong.target;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import io.shegong.core.db.Ids;
import io.shegong.core.error.ApiException;
import io.shegong.core.graphql.Commands;
import io.shegong.core.graphql.LoaderContributor;
import io.shegong.core.graphql.Loaders;
import io.shegong.core.graphql.NodeType;
import io.shegong.core.graphql.RequestContext;
import io.shegong.core.graphql.RequestLoaders;
import io.shegong.core.graphql.Wiring;
import io.shegong.core.time.BureauCalendar;
import io.shegong.division.Division;
import io.shegong.division.DivisionWiring;
import io.shegong.policy.Target;
import io.shegong.station.Station;
import io.shegong.station.StationWiring;
import io.shegong.worker.SocialWorker;
import io.shegong.worker.WorkerWiring;
import jakarta.inject.Singleton;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/** Fetchers of targets, coverage, designations and host facilities, and their mutations. */
@Singleton
public class TargetWiring implements Wiring, NodeType.Source, LoaderContributor {
    private static final String DESIGNATION_BY_ID = "designation";
    private static final String DESIGNATIONS_BY_STATION = "stationDesignations";
    private static final String DESIGNATIONS_BY_WORKER = "workerDesignations";
    private static final String FACILITY_BY_ID = "hostFacility";
    private static final String FACILITIES_BY_STATION = "stationFacilities";

    private final TargetService targets;
    private final DesignationService designations;
    private final DesignationRepository designationRows;
    private final HostFacilityRepository facilityRows;
    private final Commands commands;
    private final BureauCalendar calendar;

    public TargetWiring(TargetService targets, DesignationService designations, DesignationRepository designationRows,
                        HostFacilityRepository facilityRows, Commands commands, BureauCalendar calendar) {
        this.targets = targets;
        this.designations = designations;
        this.designationRows = designationRows;
        this.facilityRows = facilityRows;
        this.commands = commands;
        this.calendar = calendar;
    }

    @Override
    public void register(RequestLoaders registry, RequestContext ctx) {
        registry.register(DESIGNATION_BY_ID, () -> Loaders.byKey(ids -> designationRows.byIds(Ids.array(ids)), Designation::id));
        registry.register(DESIGNATIONS_BY_STATION, () -> Loaders.grouped(ids -> designationRows.ofStations(Ids.array(ids)),
                Designation::stationId));
        registry.register(DESIGNATIONS_BY_WORKER, () -> Loaders.grouped(ids -> designationRows.ofWorkers(Ids.array(ids)),
                Designation::workerId));
        registry.register(FACILITY_BY_ID, () -> Loaders.byKey(ids -> facilityRows.byIds(Ids.array(ids)), HostFacility::id));
        registry.register(FACILITIES_BY_STATION, () -> Loaders.grouped(ids -> facilityRows.ofStations(Ids.array(ids)),
                HostFacility::stationId));
    }

    @Override
    public void contribute(RuntimeWiring.Builder wiring) {
        wiring.type("Query", t -> t
                .dataFetcher("targets", env -> targets.targets(RequestContext.of(env).caller(), env.getArgument("on")))
                .dataFetcher("coverage", env -> targets.coverage(RequestContext.of(env).caller(), env.getArgument("on"),
                        Division.Level.valueOf(env.getArgument("level")), env.getArgument("stationKinds"), env.getArgument("domain")))
                .dataFetcher("hostFacilities", env -> designations.facilities(RequestContext.of(env).caller(),
                        env.getArgument("kind") == null ? null : HostFacility.Kind.valueOf(env.getArgument("kind")))));
        wiring.type("Station", t -> t
                .dataFetcher("designations", env -> RequestContext.loader(env, DESIGNATIONS_BY_STATION)
                        .load(env.<Station>getSource().id()))
                .dataFetcher("servedFacilities", env -> RequestContext.loader(env, FACILITIES_BY_STATION)
                        .load(env.<Station>getSource().id())));
        wiring.type("SocialWorker", t -> t.dataFetcher("designations", env -> RequestContext.loader(env, DESIGNATIONS_BY_WORKER)
                .load(env.<SocialWorker>getSource().id())));
        wiring.type("Designation", t -> t
                .dataFetcher("station", env -> StationWiring.byId(env, env.<Designation>getSource().stationId()))
                .dataFetcher("worker", env -> WorkerWiring.byId(env, env.<Designation>getSource().workerId()))
                .dataFetcher("heldToday", env -> env.<Designation>getSource().heldOn(calendar.today())));
        wiring.type("HostFacility", t -> t
                .dataFetcher("division", env -> DivisionWiring.byId(env, env.<HostFacility>getSource().divisionId()))
                .dataFetcher("station", env -> StationWiring.byId(env, env.<HostFacility>getSource().stationId())));
        wiring.type("TargetStatus", t -> t
                .dataFetcher("code", env -> target(env).code())
                .dataFetcher("labelZh", env -> target(env).labelZh())
                .dataFetcher("labelEn", env -> target(env).labelEn())
                .dataFetcher("source", env -> target(env).source())
                .dataFetcher("by", env -> target(env).by())
                .dataFetcher("measure", env -> target(env).measure())
                .dataFetcher("threshold", env -> target(env).threshold())
                .dataFetcher("history", env -> history(env)));
        wiring.type("TargetMeasure", t -> t.dataFetcher("minimumRank", env -> {
            Target.Measure m = env.getSource();
            return m.kind() == Target.MeasureKind.CERTIFIED_WORKERS ? m.minimumRank() : null;
        }));
        wiring.type("Mutation", t -> t
                .dataFetcher("designate", env -> Map.of("designation", designations.designate(RequestContext.of(env).caller(),
                        commands.bind(env, DesignationService.Designate.class))))
                .dataFetcher("endDesignation", env -> Map.of("designation", designations.end(RequestContext.of(env).caller(),
                        commands.bind(env, DesignationService.EndDesignation.class))))
                .dataFetcher("registerHostFacility", env -> Map.of("facility", designations.register(RequestContext.of(env).caller(),
                        commands.bind(env, DesignationService.RegisterFacility.class))))
                .dataFetcher("serveHostFacility", env -> Map.of("facility", designations.serve(RequestContext.of(env).caller(),
                        commands.bind(env, DesignationService.ServeFacility.class)))));
    }

    private static Target target(DataFetchingEnvironment env) {
        return env.<TargetStatus>getSource().target();
    }

    private Object history(DataFetchingEnvironment env) {
        TargetStatus status = env.getSource();
        YearMonth to = month(env.getArgument("to"), "to", YearMonth.from(status.on()));
        YearMonth from = month(env.getArgument("from"), "from", YearMonth.from(status.on()).minusMonths(11));
        return targets.history(status, from, to);
    }

    private static YearMonth month(String text, String argument, YearMonth fallback) {
        if (text == null) {
            return fallback;
        }
        try {
            return YearMonth.parse(text);
        } catch (DateTimeParseException e) {
            throw ApiException.badInput(argument, argument + " must be a month YYYY-MM, not '" + text + "'");
        }
    }

    @Override
    public List<NodeType> nodeTypes() {
        return List.of(new NodeType("Designation", DESIGNATION_BY_ID, true), new NodeType("HostFacility", FACILITY_BY_ID, true));
    }
}
