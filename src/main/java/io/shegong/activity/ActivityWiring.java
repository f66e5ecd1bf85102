package io.shegong.activity;

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
import io.shegong.station.Station;
import io.shegong.station.StationWiring;
import io.shegong.worker.WorkerWiring;
import jakarta.inject.Singleton;
import org.dataloader.DataLoaderFactory;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/** Featured cases and activity records: a station's, by id, and the mutations that write them. */
@Singleton
public class ActivityWiring implements Wiring, NodeType.Source, LoaderContributor {
    private static final String CASE_BY_ID = "featuredCase";
    private static final String ACTIVITY_BY_ID = "activityRecord";
    private static final String CASES_BY_STATION = "stationFeaturedCases";
    private static final String PERIOD_BY_STATION = "stationActivities";
    private static final String PROJECT_BY_ID = "stationProject";
    private static final String PROJECTS_BY_STATION = "stationProjects";

    private final ActivityService service;
    private final ProjectService projectService;
    private final Commands commands;
    private final FeaturedCaseRepository cases;
    private final ActivityRecordRepository activities;
    private final StationProjectRepository projects;

    public ActivityWiring(ActivityService service, ProjectService projectService, Commands commands,
                          FeaturedCaseRepository cases, ActivityRecordRepository activities, StationProjectRepository projects) {
        this.service = service;
        this.projectService = projectService;
        this.projects = projects;
        this.commands = commands;
        this.cases = cases;
        this.activities = activities;
    }

    /** A station's activities asked over a period. */
    record InPeriod(UUID stationId, LocalDate from, LocalDate to) {
    }

    @Override
    public void register(RequestLoaders registry, RequestContext ctx) {
        registry.register(CASE_BY_ID, () -> Loaders.byKey(ids -> cases.byIds(Ids.array(ids)), FeaturedCase::id));
        registry.register(ACTIVITY_BY_ID, () -> Loaders.byKey(ids -> activities.byIds(Ids.array(ids)), ActivityRecord::id));
        registry.register(PROJECT_BY_ID, () -> Loaders.byKey(ids -> projects.byIds(Ids.array(ids)), StationProject::id));
        registry.register(PROJECTS_BY_STATION, () -> Loaders.grouped(ids -> projects.atStations(Ids.array(ids)), StationProject::stationId));
        registry.register(CASES_BY_STATION, () -> Loaders.grouped(ids -> cases.atStations(Ids.array(ids)), FeaturedCase::stationId));
        // one statement per distinct period asked, however many stations ask it
        registry.register(PERIOD_BY_STATION, () -> DataLoaderFactory.newMappedDataLoader((Set<InPeriod> keys) -> {
            Map<InPeriod, ActivityService.Period> out = new HashMap<>();
            keys.stream().collect(Collectors.groupingBy(k -> List.of(k.from(), k.to()), Collectors.mapping(InPeriod::stationId,
                            Collectors.toSet())))
                    .forEach((period, ids) -> service.periods(ctx.caller(), ids, period.get(0), period.get(1))
                            .forEach((id, p) -> out.put(new InPeriod(id, p.from(), p.to()), p)));
            return CompletableFuture.completedFuture(out);
        }));
    }

    @Override
    public void contribute(RuntimeWiring.Builder wiring) {
        wiring.type("Station", t -> t
                .dataFetcher("projects", ActivityWiring::stationProjects)
                .dataFetcher("featuredCases", ActivityWiring::stationCases)
                .dataFetcher("activities", ActivityWiring::stationActivities));
        wiring.type("FeaturedCase", t -> t
                .dataFetcher("station", env -> StationWiring.byId(env, env.<FeaturedCase>getSource().stationId()))
                .dataFetcher("worker", env -> WorkerWiring.byId(env, env.<FeaturedCase>getSource().workerId())));
        wiring.type("StationProject", t -> t
                .dataFetcher("station", env -> StationWiring.byId(env, env.<StationProject>getSource().stationId()))
                .dataFetcher("responsibleWorker", env -> WorkerWiring.byId(env, env.<StationProject>getSource().responsibleWorkerId()))
                .dataFetcher("stages", env -> env.<StationProject>getSource().stageDates().entrySet().stream()
                        .map(e -> new StageReached(e.getKey(), java.time.LocalDate.parse(e.getValue())))
                        .sorted(java.util.Comparator.comparing(s -> StationProject.Stage.valueOf(s.stage()))).toList()));
        wiring.type("ActivityRecord", t -> t
                .dataFetcher("station", env -> StationWiring.byId(env, env.<ActivityRecord>getSource().stationId()))
                .dataFetcher("project", env -> {
                    UUID id = env.<ActivityRecord>getSource().projectId();
                    return id == null ? null : RequestContext.loader(env, PROJECT_BY_ID).load(id);
                })
                .dataFetcher("workers", env -> WorkerWiring.byIds(env, env.<ActivityRecord>getSource().workerIds().stream()
                        .map(UUID::fromString).toList()))
                .dataFetcher("beneficiaries", env -> counts(env.<ActivityRecord>getSource().beneficiaries())));
        wiring.type("Query", t -> t.dataFetcher("activitySummary", env -> service.summary(RequestContext.of(env).caller(),
                env.getArgument("from"), env.getArgument("to"),
                new io.shegong.core.graphql.Input(java.util.Collections.singletonMap("divisionId", env.getArgument("divisionId")), "")
                        .id("divisionId", "Division"))));
        wiring.type("ActivityMonth", t -> t.dataFetcher("division",
                env -> io.shegong.division.DivisionWiring.byId(env, env.<MonthTotals>getSource().divisionId())));
        wiring.type("ActivityPeriod", t -> t
                .dataFetcher("beneficiaries", env -> counts(env.<ActivityService.Period>getSource().beneficiaries()))
                .dataFetcher("byKind", env -> counts(env.<ActivityService.Period>getSource().byKind())));
        wiring.type("Mutation", t -> t
                .dataFetcher("startStationProject", env -> Map.of("project",
                        projectService.start(RequestContext.of(env).caller(), commands.bind(env, ProjectService.StartProject.class))))
                .dataFetcher("advanceStationProject", env -> Map.of("project",
                        projectService.advance(RequestContext.of(env).caller(), commands.bind(env, ProjectService.AdvanceProject.class))))
                .dataFetcher("submitFeaturedCase", env -> Map.of("featuredCase",
                        service.submit(RequestContext.of(env).caller(), commands.bind(env, ActivityService.SubmitFeaturedCase.class))))
                .dataFetcher("reviewFeaturedCase", env -> Map.of("featuredCase",
                        service.review(RequestContext.of(env).caller(), commands.bind(env, ActivityService.ReviewFeaturedCase.class))))
                .dataFetcher("recordActivity", env -> Map.of("activity",
                        service.record(RequestContext.of(env).caller(), commands.bind(env, ActivityService.RecordActivity.class)))));
    }

    /** A code and its count, as the schema's `CodeCount`. */
    public record CodeCount(String code, int count) {
    }

    private static List<CodeCount> counts(Map<String, Integer> byCode) {
        return byCode.entrySet().stream().map(e -> new CodeCount(e.getKey(), e.getValue())).toList();
    }

    /** A stage of the project cycle and the day it was reached. */
    public record StageReached(String stage, LocalDate on) {
    }

    private static CompletableFuture<List<StationProject>> stationProjects(DataFetchingEnvironment env) {
        Integer year = env.getArgument("year");
        return RequestContext.loader(env, PROJECTS_BY_STATION).load(env.<Station>getSource().id())
                .thenApply(all -> ((List<?>) all).stream().map(StationProject.class::cast)
                        .filter(p -> year == null || p.year() == year).toList());
    }

    private static CompletableFuture<List<FeaturedCase>> stationCases(DataFetchingEnvironment env) {
        Integer year = env.getArgument("year");
        return RequestContext.loader(env, CASES_BY_STATION).load(env.<Station>getSource().id())
                .thenApply(all -> ((List<?>) all).stream().map(FeaturedCase.class::cast)
                        .filter(c -> year == null || c.year() == year).toList());
    }

    private static CompletableFuture<Object> stationActivities(DataFetchingEnvironment env) {
        LocalDate from = env.getArgument("from");
        LocalDate to = env.getArgument("to");
        ActivityService.checkPeriod(from, to);
        return RequestContext.loader(env, PERIOD_BY_STATION).load(new InPeriod(env.<Station>getSource().id(), from, to));
    }

    @Override
    public List<NodeType> nodeTypes() {
        return List.of(new NodeType("FeaturedCase", CASE_BY_ID, true), new NodeType("ActivityRecord", ACTIVITY_BY_ID, true),
                new NodeType("StationProject", PROJECT_BY_ID, true));
    }
}
