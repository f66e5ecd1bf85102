package io.shegong.compliance;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.SelectedField;
import graphql.schema.idl.RuntimeWiring;
import io.shegong.core.graphql.Connection;
import io.shegong.core.graphql.Input;
import io.shegong.core.graphql.LoaderContributor;
import io.shegong.core.graphql.RequestContext;
import io.shegong.core.graphql.RequestLoaders;
import io.shegong.core.graphql.Wiring;
import io.shegong.core.security.Caller;
import io.shegong.core.time.BureauCalendar;
import io.shegong.division.DivisionWiring;
import io.shegong.policy.PolicyDocument.Severity;
import io.shegong.station.Station;
import io.shegong.station.StationWiring;
import io.shegong.worker.SocialWorker;
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
import java.util.function.BiFunction;
import java.util.stream.Collectors;

/** Compliance fields: per station and worker through batch loaders, and the tenant report. */
@Singleton
public class ComplianceWiring implements Wiring, LoaderContributor {
    private static final String STATIONS = "stationCompliance";
    private static final String WORKERS = "workerQualification";
    private final ComplianceService service;
    private final BureauCalendar calendar;

    public ComplianceWiring(ComplianceService service, BureauCalendar calendar) {
        this.service = service;
        this.calendar = calendar;
    }

    /** A record asked about on a date. */
    record Dated(UUID id, LocalDate on) {
    }

    @Override
    public void register(RequestLoaders registry, RequestContext ctx) {
        registry.register(STATIONS, () -> DataLoaderFactory.newMappedDataLoader((Set<Dated> keys) ->
                CompletableFuture.completedFuture(byDate(keys, (ids, on) -> service.stations(ctx.caller(), ids, on)))));
        registry.register(WORKERS, () -> DataLoaderFactory.newMappedDataLoader((Set<Dated> keys) ->
                CompletableFuture.completedFuture(byDate(keys, (ids, on) -> service.workers(ctx.caller(), ids, on)))));
    }

    /** One evaluation per date asked, however many records. */
    private static <V> Map<Dated, V> byDate(Set<Dated> keys, BiFunction<Set<UUID>, LocalDate, Map<UUID, V>> load) {
        Map<Dated, V> out = new HashMap<>();
        keys.stream().collect(Collectors.groupingBy(Dated::on, Collectors.mapping(Dated::id, Collectors.toSet())))
                .forEach((on, ids) -> load.apply(ids, on).forEach((id, v) -> out.put(new Dated(id, on), v)));
        return out;
    }

    @Override
    public void contribute(RuntimeWiring.Builder wiring) {
        wiring.type("Station", t -> t.dataFetcher("compliance", env ->
                RequestContext.loader(env, STATIONS).load(new Dated(env.<Station>getSource().id(), on(env)))));
        wiring.type("SocialWorker", t -> t.dataFetcher("qualification", env ->
                RequestContext.loader(env, WORKERS).load(new Dated(env.<SocialWorker>getSource().id(), on(env)))
                        .thenApply(v -> v == null ? List.of() : v)));
        wiring.type("Finding", t -> t
                .dataFetcher("station", env -> StationWiring.byId(env, env.<Finding>getSource().stationId()))
                .dataFetcher("workers", env -> WorkerWiring.byIds(env, env.<Finding>getSource().workerIds())));
        wiring.type("Query", t -> t
                .dataFetcher("complianceReport", this::report)
                .dataFetcher("policyWhatIf", env -> service.whatIf(caller(env), draftId(env), on(env))));
        wiring.type("ComplianceReport", t -> t
                .dataFetcher("stations", ComplianceWiring::reportPage)
                .dataFetcher("byDivisionAt", env -> service.rollUp(env.getSource(), env.<String>getArgument("level"))));
        wiring.type("KindCount", t -> t.dataFetcher("kind", env -> env.<ComplianceReport.GroupCount>getSource().key()));
        wiring.type("DivisionCount", t -> t.dataFetcher("division",
                env -> DivisionWiring.byId(env, env.<ComplianceReport.GroupCount>getSource().divisionId())));
        wiring.type("PolicyWhatIf", t -> t
                .dataFetcher("workersNewlyFailing", env -> WorkerWiring.byIds(env, env.<ComplianceService.WhatIf>getSource().workersNewlyFailing()))
                .dataFetcher("workersNewlyPassing", env -> WorkerWiring.byIds(env, env.<ComplianceService.WhatIf>getSource().workersNewlyPassing())));
        wiring.type("WorkerQualificationChange", t -> t.dataFetcher("worker",
                env -> WorkerWiring.byId(env, env.<ComplianceService.WorkerChange>getSource().workerId())));
    }

    private ComplianceReport report(DataFetchingEnvironment env) {
        Input f = new Input(env.getArgument("filter"), "filter");
        return service.report(caller(env), on(env), new ComplianceReport.Filter(f.text("kind", 64),
                f.id("divisionId", "Division"), f.enumValue("severity", Severity.class)), snapshot(env));
    }

    /** The report a page's `after` cursor came from, if the query pages through one. */
    private static String snapshot(DataFetchingEnvironment env) {
        for (SelectedField stations : env.getSelectionSet().getFields("stations")) {
            if (stations.getArguments().get("after") instanceof String after) {
                try {
                    return Connection.decode(after).afterKey();
                } catch (RuntimeException notACursor) {
                    return null; // the page's own fetcher refuses it, on its path
                }
            }
        }
        return null;
    }

    /** The `on` argument; the bureau's today when omitted. */
    private LocalDate on(DataFetchingEnvironment env) {
        LocalDate on = env.getArgument("on");
        return on == null ? calendar.today() : on;
    }

    private static UUID draftId(DataFetchingEnvironment env) {
        return new Input(Map.of("draftId", env.getArgument("draftId")), "").requiredId("draftId", "PolicyProfile");
    }

    private static Caller caller(DataFetchingEnvironment env) {
        return RequestContext.of(env).caller();
    }

    /**
     * The report's stations, paged by position in the worst-first order. A cursor carries the
     * report's snapshot and the station it follows; when the snapshot is gone (expired), the
     * report was evaluated again and the station is looked up in the new order.
     */
    private static Connection<StationCompliance> reportPage(DataFetchingEnvironment env) {
        ComplianceReport report = env.getSource();
        List<StationCompliance> rows = report.rows();
        Connection.Window w = Connection.window(env);
        int start = 0;
        if (w.hasAfter()) {
            for (int i = 0; i < rows.size(); i++) {
                if (rows.get(i).station().id().equals(w.afterId())) {
                    start = i + 1;
                    break;
                }
            }
        }
        List<StationCompliance> page = rows.subList(Math.min(start, rows.size()), Math.min(rows.size(), start + w.limit() + 1));
        return Connection.of(page, w, c -> report.snapshot(), c -> c.station().id(), rows::size);
    }
}
