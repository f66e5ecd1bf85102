package io.shegong.worker;

import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import io.shegong.core.db.Ids;
import io.shegong.core.error.ApiException;
import io.shegong.core.graphql.Commands;
import io.shegong.core.graphql.Connection;
import io.shegong.core.graphql.Input;
import io.shegong.core.graphql.LoaderContributor;
import io.shegong.core.graphql.Loaders;
import io.shegong.core.graphql.NodeType;
import io.shegong.core.graphql.RequestContext;
import io.shegong.core.graphql.RequestLoaders;
import io.shegong.core.graphql.Selections;
import io.shegong.core.graphql.Wiring;
import io.shegong.core.security.Caller;
import io.shegong.core.time.BureauCalendar;
import io.shegong.core.security.Role;
import io.shegong.station.Station;
import io.shegong.station.StationWiring;
import io.shegong.worker.WorkerCommands.AddTrainingRecord;
import io.shegong.worker.WorkerCommands.AssignWorker;
import io.shegong.worker.WorkerCommands.EndAssignment;
import io.shegong.worker.WorkerCommands.RegisterWorker;
import io.shegong.worker.WorkerCommands.UpdateWorker;
import jakarta.inject.Singleton;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import java.util.function.Function;

/** Fetchers of `SocialWorker`, `Assignment` and `TrainingRecord`, and of `Station.assignments`. */
@Singleton
public class WorkerWiring implements Wiring, NodeType.Source, LoaderContributor {
    public static final String BY_ID = "worker";
    static final String TRAINING = "workerTraining";
    static final String TRAINING_BY_ID = "trainingRecord";
    static final String ASSIGNMENT_BY_ID = "assignment";
    static final String WORKER_ASSIGNMENTS = "workerAssignments";
    static final String STATION_ASSIGNMENTS = "stationAssignments";
    static final String STATION_ASSIGNMENTS_WITH_WORKERS = "stationAssignmentsWithWorkers";

    private final WorkerService workers;
    private final AssignmentService assignments;
    private final Commands commands;
    private final WorkerRepository workerRecords;
    private final TrainingRecordRepository trainingRecords;
    private final AssignmentRepository assignmentRecords;
    private final BureauCalendar calendar;

    public WorkerWiring(WorkerService workers, AssignmentService assignments, Commands commands,
                        WorkerRepository workerRecords, TrainingRecordRepository trainingRecords,
                        AssignmentRepository assignmentRecords, BureauCalendar calendar) {
        this.calendar = calendar;
        this.workers = workers;
        this.assignments = assignments;
        this.commands = commands;
        this.workerRecords = workerRecords;
        this.trainingRecords = trainingRecords;
        this.assignmentRecords = assignmentRecords;
    }

    @Override
    public void register(RequestLoaders registry, RequestContext ctx) {
        registry.register(BY_ID, () -> Loaders.byKey(ids -> workerRecords.byIds(Ids.array(ids)), SocialWorker::id));
        registry.register(TRAINING, () ->
                Loaders.grouped(ids -> trainingRecords.ofWorkers(Ids.array(ids)), TrainingRecord::workerId));
        registry.register(TRAINING_BY_ID, () ->
                Loaders.byKey(ids -> trainingRecords.byIds(Ids.array(ids)), TrainingRecord::id));
        registry.register(ASSIGNMENT_BY_ID, () ->
                Loaders.byKey(ids -> assignmentRecords.byIds(Ids.array(ids)), Assignment::id));
        registry.register(WORKER_ASSIGNMENTS, () ->
                Loaders.grouped(ids -> assignmentRecords.ofWorkers(Ids.array(ids)), Assignment::workerId));
        registry.register(STATION_ASSIGNMENTS, () ->
                Loaders.grouped(ids -> assignmentRecords.atStations(Ids.array(ids)), Assignment::stationId));
        registry.register(STATION_ASSIGNMENTS_WITH_WORKERS, () -> Loaders.grouped(ids -> {
            List<PostWithWorker> rows = assignmentRecords.atStationsWithWorkers(Ids.array(ids));
            Loaders.prime(registry.getDataLoader(BY_ID), rows.stream().map(PostWithWorker::worker).toList(), SocialWorker::id);
            return rows.stream().map(PostWithWorker::post).toList();
        }, Assignment::stationId));
    }

    @Override
    public void contribute(RuntimeWiring.Builder wiring) {
        wiring.type("Query", t -> t.dataFetcher("workers",
                env -> workers.list(caller(env), filter(env), Connection.window(env))));
        wiring.type("SocialWorker", t -> t
                .dataFetcher("birthDate", personal(SocialWorker::birthDate))
                .dataFetcher("phone", personal(SocialWorker::phone))
                .dataFetcher("idNumber", personal(SocialWorker::idNumber))
                .dataFetcher("trainingRecords", env -> training(env))
                .dataFetcher("trainingHours", WorkerWiring::trainingHours)
                .dataFetcher("currentAssignments", env -> current(env, workerAssignments(env)))
                .dataFetcher("assignmentHistory", WorkerWiring::workerAssignments));
        wiring.type("Assignment", t -> t
                .dataFetcher("current", env -> env.<Assignment>getSource().currentOn(today(env)))
                .dataFetcher("worker", env -> RequestContext.loader(env, BY_ID).load(env.<Assignment>getSource().workerId()))
                .dataFetcher("station", env -> StationWiring.byId(env, env.<Assignment>getSource().stationId())));
        wiring.type("Station", t -> t.dataFetcher("assignments", env -> {
            // posts asked for with their workers come with them, in the same statement
            String loader = Selections.asks(env, "worker") ? STATION_ASSIGNMENTS_WITH_WORKERS : STATION_ASSIGNMENTS;
            CompletableFuture<List<Assignment>> all =
                    RequestContext.<UUID, List<Assignment>>loader(env, loader).load(env.<Station>getSource().id());
            return Boolean.TRUE.equals(env.getArgument("includeEnded")) ? all : current(env, all);
        }));
        wiring.type("AddTrainingRecordPayload", t -> t.dataFetcher("worker", env -> {
            TrainingRecord added = (TrainingRecord) env.<Map<String, Object>>getSource().get("trainingRecord");
            return added == null ? null : RequestContext.loader(env, BY_ID).load(added.workerId());
        }));
        wiring.type("Mutation", t -> t
                .dataFetcher("registerWorker", mutation("worker", RegisterWorker.class, workers::register))
                .dataFetcher("updateWorker", mutation("worker", UpdateWorker.class, workers::update))
                .dataFetcher("addTrainingRecord", mutation("trainingRecord", AddTrainingRecord.class, workers::addTraining))
                .dataFetcher("assignWorker", mutation("assignment", AssignWorker.class, assignments::assign))
                .dataFetcher("endAssignment", mutation("assignment", EndAssignment.class, assignments::end)));
    }

    private <C extends Record> DataFetcher<Map<String, Object>> mutation(String field, Class<C> command,
                                                                         BiFunction<Caller, C, ?> action) {
        return env -> Map.of(field, action.apply(caller(env), commands.bind(env, command)));
    }

    private static Caller caller(DataFetchingEnvironment env) {
        return RequestContext.of(env).caller();
    }

    private static WorkerRepository.Filter filter(DataFetchingEnvironment env) {
        Input f = new Input(env.getArgument("filter"), "filter");
        return new WorkerRepository.Filter(f.id("stationId", "Station"), f.text("certificateLevel", 20),
                f.bool("fullTime"), f.text("text", 100));
    }

    /** The bureau's today, against which a post is current. */
    private LocalDate today(DataFetchingEnvironment env) {
        return calendar.today();
    }

    /** Personal fields are answered to TENANT_ADMIN only; others get FORBIDDEN on the field. */
    private static <T> DataFetcher<T> personal(Function<SocialWorker, T> field) {
        return env -> {
            if (!RequestContext.of(env).caller().has(Role.TENANT_ADMIN)) {
                throw ApiException.forbidden("Personal fields are visible to TENANT_ADMIN only");
            }
            return field.apply(env.getSource());
        };
    }

    private static CompletableFuture<List<TrainingRecord>> training(DataFetchingEnvironment env) {
        return RequestContext.<UUID, List<TrainingRecord>>loader(env, TRAINING).load(env.<SocialWorker>getSource().id());
    }

    private static CompletableFuture<Double> trainingHours(DataFetchingEnvironment env) {
        LocalDate since = env.getArgument("since");
        return training(env).thenApply(records -> records.stream()
                .filter(r -> since == null || !r.completedOn().isBefore(since))
                .mapToDouble(TrainingRecord::hours).sum());
    }

    private static CompletableFuture<List<Assignment>> workerAssignments(DataFetchingEnvironment env) {
        return RequestContext.<UUID, List<Assignment>>loader(env, WORKER_ASSIGNMENTS).load(env.<SocialWorker>getSource().id());
    }

    private CompletableFuture<List<Assignment>> current(DataFetchingEnvironment env,
                                                               CompletableFuture<List<Assignment>> all) {
        LocalDate today = today(env);
        return all.thenApply(posts -> posts.stream().filter(a -> a.currentOn(today)).toList());
    }

    @Override
    public List<NodeType> nodeTypes() {
        return List.of(new NodeType("SocialWorker", BY_ID, true),
                new NodeType("TrainingRecord", TRAINING_BY_ID, true),
                new NodeType("Assignment", ASSIGNMENT_BY_ID, true));
    }

    /** A worker by id through the request's batch loader; null for a null id. */
    public static java.util.concurrent.CompletableFuture<Object> byId(graphql.schema.DataFetchingEnvironment env, UUID id) {
        return id == null ? java.util.concurrent.CompletableFuture.completedFuture(null)
                : RequestContext.loader(env, BY_ID).load(id);
    }

    /** Workers by id through the request's batch loader, in the ids' order, those not visible left out. */
    public static java.util.concurrent.CompletableFuture<List<Object>> byIds(graphql.schema.DataFetchingEnvironment env,
                                                                            List<UUID> ids) {
        List<java.util.concurrent.CompletableFuture<Object>> all = ids.stream().map(id -> byId(env, id)).toList();
        return java.util.concurrent.CompletableFuture.allOf(all.toArray(java.util.concurrent.CompletableFuture[]::new))
                .thenApply(v -> all.stream().map(java.util.concurrent.CompletableFuture::join)
                        .filter(java.util.Objects::nonNull).toList());
    }
}
