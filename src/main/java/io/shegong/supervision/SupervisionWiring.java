package io.shegong.supervision;

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
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Map;

/** Fetchers of `SupervisionVisit`, a station's visits, and the mutation that records one. */
@Singleton
public class SupervisionWiring implements Wiring, NodeType.Source, LoaderContributor {
    private static final String BY_ID = "supervisionVisit";
    private static final String BY_STATION = "stationSupervisionVisits";
    private static final String FINDING_BY_ID = "supervisionFinding";
    private static final String FINDINGS_BY_VISIT = "visitFindings";

    private final SupervisionService service;
    private final io.shegong.core.time.BureauCalendar calendar;
    private final Commands commands;
    private final SupervisionVisitRepository visits;
    private final SupervisionFindingRepository findings;

    public SupervisionWiring(SupervisionService service, Commands commands, SupervisionVisitRepository visits,
                             SupervisionFindingRepository findings, io.shegong.core.time.BureauCalendar calendar) {
        this.calendar = calendar;
        this.service = service;
        this.findings = findings;
        this.commands = commands;
        this.visits = visits;
    }

    @Override
    public void register(RequestLoaders registry, RequestContext ctx) {
        registry.register(BY_ID, () -> Loaders.byKey(ids -> visits.byIds(Ids.array(ids)), SupervisionVisit::id));
        registry.register(BY_STATION, () -> Loaders.grouped(ids -> visits.atStations(Ids.array(ids)), SupervisionVisit::stationId));
        registry.register(FINDING_BY_ID, () -> Loaders.byKey(ids -> findings.byIds(Ids.array(ids)), SupervisionFinding::id));
        registry.register(FINDINGS_BY_VISIT, () -> Loaders.grouped(ids -> findings.ofVisits(Ids.array(ids)), SupervisionFinding::visitId));
    }

    @Override
    public void contribute(RuntimeWiring.Builder wiring) {
        wiring.type("Station", t -> t.dataFetcher("supervisionVisits",
                env -> RequestContext.loader(env, BY_STATION).load(env.<Station>getSource().id())));
        wiring.type("SupervisionVisit", t -> t
                .dataFetcher("station", env -> StationWiring.byId(env, env.<SupervisionVisit>getSource().stationId()))
                .dataFetcher("recordedFindings", env -> RequestContext.loader(env, FINDINGS_BY_VISIT)
                        .load(env.<SupervisionVisit>getSource().id())));
        wiring.type("SupervisionFinding", t -> t
                .dataFetcher("station", env -> StationWiring.byId(env, env.<SupervisionFinding>getSource().stationId()))
                .dataFetcher("visit", env -> RequestContext.loader(env, BY_ID).load(env.<SupervisionFinding>getSource().visitId()))
                .dataFetcher("overdue", env -> env.<SupervisionFinding>getSource().overdueOn(calendar.today())));
        wiring.type("Query", t -> t.dataFetcher("supervisionCounts", env -> service.counts(RequestContext.of(env).caller(),
                env.getArgument("from"), env.getArgument("to"))));
        wiring.type("Mutation", t -> t
                .dataFetcher("recordSupervisionVisit", env -> Map.of("visit", service.record(RequestContext.of(env).caller(),
                        commands.bind(env, SupervisionService.RecordVisit.class))))
                .dataFetcher("addSupervisionFinding", env -> Map.of("finding", service.addFinding(RequestContext.of(env).caller(),
                        commands.bind(env, SupervisionService.AddFinding.class))))
                .dataFetcher("reportRectification", env -> Map.of("finding", service.report(RequestContext.of(env).caller(),
                        commands.bind(env, SupervisionService.ReportRectification.class))))
                .dataFetcher("reinspectRectification", env -> Map.of("finding", service.reinspect(RequestContext.of(env).caller(),
                        commands.bind(env, SupervisionService.Reinspect.class)))));
    }

    @Override
    public List<NodeType> nodeTypes() {
        return List.of(new NodeType("SupervisionVisit", BY_ID, true), new NodeType("SupervisionFinding", FINDING_BY_ID, true));
    }
}
