package io.shegong.calendar;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import io.shegong.core.graphql.Commands;
import io.shegong.core.graphql.Input;
import io.shegong.core.graphql.LoaderContributor;
import io.shegong.core.graphql.RequestContext;
import io.shegong.core.graphql.RequestLoaders;
import io.shegong.core.graphql.Wiring;
import io.shegong.core.time.BureauCalendar;
import io.shegong.division.DivisionWiring;
import io.shegong.station.Station;
import io.shegong.station.StationWiring;
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

/** Fetchers of `DueItem`, the tenant's and a station's due items, and the mutations that close and reopen one. */
@Singleton
public class DueItemWiring implements Wiring, LoaderContributor {
    private static final String BY_STATION = "stationDueItems";

    private final DueItemService service;
    private final Commands commands;
    private final BureauCalendar calendar;

    public DueItemWiring(DueItemService service, Commands commands, BureauCalendar calendar) {
        this.service = service;
        this.commands = commands;
        this.calendar = calendar;
    }

    /** A station's items asked for over a window. */
    record Windowed(UUID id, LocalDate from, LocalDate to) {
    }

    @Override
    public void register(RequestLoaders registry, RequestContext ctx) {
        // one evaluation per window asked, however many stations
        registry.register(BY_STATION, () -> DataLoaderFactory.newMappedDataLoader((Set<Windowed> keys) -> {
            Map<Windowed, List<DueItem>> out = new HashMap<>();
            keys.stream().collect(Collectors.groupingBy(k -> List.of(k.from(), k.to()),
                            Collectors.mapping(Windowed::id, Collectors.toSet())))
                    .forEach((window, ids) -> service.ofStations(ctx.caller(), ids, window.get(0), window.get(1))
                            .forEach((id, items) -> out.put(new Windowed(id, window.get(0), window.get(1)), items)));
            return CompletableFuture.completedFuture(out);
        }));
    }

    @Override
    public void contribute(RuntimeWiring.Builder wiring) {
        wiring.type("Query", t -> t.dataFetcher("dueItems", this::dueItems));
        wiring.type("Station", t -> t.dataFetcher("dueItems", env -> {
            String asked = env.getArgument("status");
            DueItem.Status status = asked == null ? null : DueItem.Status.valueOf(asked);
            return RequestContext.loader(env, BY_STATION)
                    .load(new Windowed(env.<Station>getSource().id(), from(env), to(env)))
                    .thenApply(items -> ((List<?>) items).stream().map(DueItem.class::cast)
                            .filter(i -> status == null || i.status() == status).toList());
        }));
        wiring.type("DueItem", t -> t
                .dataFetcher("milestone", env -> item(env).milestone().code())
                .dataFetcher("labelZh", env -> item(env).milestone().labelZh())
                .dataFetcher("labelEn", env -> item(env).milestone().labelEn())
                .dataFetcher("responsible", env -> item(env).party())
                .dataFetcher("window", env -> item(env).milestone().window())
                .dataFetcher("evidenceZh", env -> item(env).milestone().evidenceZh())
                .dataFetcher("evidenceEn", env -> item(env).milestone().evidenceEn())
                .dataFetcher("severity", env -> item(env).milestone().basis().severity())
                .dataFetcher("source", env -> item(env).milestone().basis().source())
                .dataFetcher("wording", env -> item(env).milestone().basis().wording())
                .dataFetcher("station", env -> StationWiring.byId(env, item(env).stationId()))
                .dataFetcher("division", env -> DivisionWiring.byId(env, item(env).divisionId())));
        wiring.type("Mutation", t -> t
                .dataFetcher("completeDueItem", env -> Map.of("dueItem", service.complete(RequestContext.of(env).caller(),
                        commands.bind(env, DueItemService.CompleteDueItem.class))))
                .dataFetcher("reopenDueItem", env -> Map.of("dueItem", service.reopen(RequestContext.of(env).caller(),
                        commands.bind(env, DueItemService.ReopenDueItem.class)))));
    }

    private List<DueItem> dueItems(DataFetchingEnvironment env) {
        Input f = new Input(env.getArgument("filter"), "filter");
        return service.list(RequestContext.of(env).caller(), new DueItemService.Query(from(env), to(env),
                f.id("stationId", "Station"), f.id("divisionId", "Division"), f.enumValue("status", DueItem.Status.class),
                statuses(f.raw("statuses"))));
    }

    private static Set<DueItem.Status> statuses(Object given) {
        if (given == null) {
            return null;
        }
        Set<DueItem.Status> out = java.util.EnumSet.noneOf(DueItem.Status.class);
        ((List<?>) given).forEach(s -> out.add(DueItem.Status.valueOf(s.toString())));
        return out;
    }

    private static DueItem item(DataFetchingEnvironment env) {
        return env.getSource();
    }

    /** A year back from the bureau's today when omitted: the span compliance reads overdue items over. */
    private LocalDate from(DataFetchingEnvironment env) {
        LocalDate from = env.getArgument("from");
        return from == null ? calendar.today().minusYears(1) : from;
    }

    /** Thirty days ahead of the bureau's today when omitted: what is coming up. */
    private LocalDate to(DataFetchingEnvironment env) {
        LocalDate to = env.getArgument("to");
        return to == null ? calendar.today().plusDays(30) : to;
    }
}
