package io.shegong.contract;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import io.shegong.brief.MonthlyBrief;
import io.shegong.calendar.DueItem;
import io.shegong.core.db.Ids;
import io.shegong.core.graphql.Commands;
import io.shegong.core.graphql.GlobalId;
import io.shegong.core.graphql.LoaderContributor;
import io.shegong.core.graphql.Loaders;
import io.shegong.core.graphql.NodeType;
import io.shegong.core.graphql.RequestContext;
import io.shegong.core.graphql.RequestLoaders;
import io.shegong.core.graphql.Wiring;
import io.shegong.core.time.BureauCalendar;
import io.shegong.division.DivisionWiring;
import io.shegong.station.Station;
import io.shegong.station.StationRepository;
import io.shegong.station.StationWiring;
import io.shegong.worker.SocialWorker;
import io.shegong.worker.WorkerRepository;
import io.shegong.worker.WorkerWiring;
import jakarta.inject.Singleton;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Fetchers of `Operator`, `Contract`, its tranches, reports and evaluations, their findings, and
 * the mutations that manage them. Associations load in batches: a pair loader reads the link
 * rows and the linked records in two statements for all the keys of a level.
 */
@Singleton
public class ContractWiring implements Wiring, NodeType.Source, LoaderContributor {
    private static final String OPERATOR = "operator";
    private static final String CONTRACT = "contract";
    public static final String TRANCHE = "contractTranche";
    private static final String REPORT = "contractReport";
    private static final String EVALUATION = "contractEvaluation";
    private static final String CONTRACT_STATIONS = "contractStations";
    private static final String STATION_CONTRACTS = "stationContracts";
    private static final String OPERATOR_CONTRACTS = "operatorContracts";
    private static final String OPERATOR_STATIONS = "operatorStations";
    private static final String OPERATOR_STAFF = "operatorStaff";
    private static final String OPERATOR_EVALUATIONS = "operatorEvaluations";
    private static final String WORKER_EMPLOYER = "workerEmployer";
    private static final String TRANCHES = "contractTranches";
    private static final String DELIVERABLES = "contractDeliverables";
    private static final String REPORTS = "contractReports";
    private static final String EVALUATIONS = "contractEvaluations";
    private static final String FIGURES = "contractReportFigures";
    private static final String FINDINGS = "contractFindings";

    /** A record linked to a key (a contract's station, an operator's worker). */
    record Linked<T>(UUID key, T value) {
    }

    /** A contract's findings on a day, as the findings loader keys them. */
    record FindingsKey(UUID contractId, LocalDate on) {
    }

    record Findings(FindingsKey key, List<ContractFinding> findings) {
    }

    private final ContractService service;
    private final ContractChecks checks;
    private final Commands commands;
    private final BureauCalendar calendar;
    private final OperatorRepository operators;
    private final ContractRepository contracts;
    private final ContractPartsRepository tranches;
    private final ContractDeliverableRepository deliverables;
    private final ContractReportRepository reports;
    private final ContractEvaluationRepository evaluations;
    private final StationRepository stations;
    private final WorkerRepository workers;

    public ContractWiring(ContractService service, ContractChecks checks, Commands commands, BureauCalendar calendar,
                          OperatorRepository operators, ContractRepository contracts, ContractPartsRepository tranches,
                          ContractDeliverableRepository deliverables, ContractReportRepository reports,
                          ContractEvaluationRepository evaluations, StationRepository stations, WorkerRepository workers) {
        this.service = service;
        this.checks = checks;
        this.commands = commands;
        this.calendar = calendar;
        this.operators = operators;
        this.contracts = contracts;
        this.tranches = tranches;
        this.deliverables = deliverables;
        this.reports = reports;
        this.evaluations = evaluations;
        this.stations = stations;
        this.workers = workers;
    }

    @Override
    public void register(RequestLoaders registry, RequestContext ctx) {
        registry.register(OPERATOR, () -> Loaders.byKey(ids -> operators.byIds(Ids.array(ids)), Operator::id));
        registry.register(CONTRACT, () -> Loaders.byKey(ids -> contracts.byIds(Ids.array(ids)), Contract::id));
        registry.register(TRANCHE, () -> Loaders.byKey(ids -> tranches.byIds(Ids.array(ids)), ContractTranche::id));
        registry.register(REPORT, () -> Loaders.byKey(ids -> reports.byIds(Ids.array(ids)), ContractReport::id));
        registry.register(EVALUATION, () -> Loaders.byKey(ids -> evaluations.byIds(Ids.array(ids)), ContractEvaluation::id));
        registry.register(TRANCHES, () -> Loaders.grouped(ids -> tranches.tranchesOf(Ids.array(ids)), ContractTranche::contractId));
        registry.register(DELIVERABLES, () -> Loaders.grouped(ids -> deliverables.of(Ids.array(ids)), ContractDeliverable::contractId));
        registry.register(REPORTS, () -> Loaders.grouped(ids -> reports.of(Ids.array(ids)), ContractReport::contractId));
        registry.register(EVALUATIONS, () -> Loaders.grouped(ids -> evaluations.of(Ids.array(ids)), ContractEvaluation::contractId));
        registry.register(OPERATOR_CONTRACTS, () -> Loaders.grouped(ids -> contracts.ofOperators(Ids.array(ids)), Contract::operatorId));
        registry.register(FIGURES, () -> Loaders.byKey(ids -> reports.figures(Ids.array(ids)), ReportFigures::reportId));
        registry.register(CONTRACT_STATIONS, () -> Loaders.grouped(ids -> linked(contracts.stationsOf(Ids.array(ids)),
                ContractStation::contractId, ContractStation::stationId, this::stationsById), Linked<Station>::key));
        registry.register(STATION_CONTRACTS, () -> Loaders.grouped(ids -> linked(contracts.atStations(Ids.array(ids)),
                ContractStation::stationId, ContractStation::contractId, this::contractsById), Linked<Contract>::key));
        registry.register(OPERATOR_STATIONS, () -> Loaders.grouped(ids -> {
            List<Contract> running = contracts.ofOperators(Ids.array(ids)).stream()
                    .filter(c -> c.statusOn(calendar.today()) == Contract.Status.IN_FORCE).toList();
            Map<UUID, UUID> operatorOf = running.stream().collect(Collectors.toMap(Contract::id, Contract::operatorId));
            List<ContractStation> links = operatorOf.isEmpty() ? List.of() : contracts.stationsOf(Ids.array(operatorOf.keySet()));
            return linked(links.stream().map(l -> new ContractStation(operatorOf.get(l.contractId()), l.stationId())).distinct().toList(),
                    ContractStation::contractId, ContractStation::stationId, this::stationsById);
        }, Linked<Station>::key));
        registry.register(OPERATOR_STAFF, () -> Loaders.grouped(ids -> linked(operators.staff(Ids.array(ids)),
                Employment::operatorId, Employment::workerId, this::workersById), Linked<SocialWorker>::key));
        registry.register(OPERATOR_EVALUATIONS, () -> Loaders.grouped(ids -> {
            Map<UUID, UUID> operatorOf = contracts.ofOperators(Ids.array(ids)).stream()
                    .collect(Collectors.toMap(Contract::id, Contract::operatorId));
            return operatorOf.isEmpty() ? List.of() : evaluations.of(Ids.array(operatorOf.keySet())).stream()
                    .map(e -> new Linked<>(operatorOf.get(e.contractId()), e)).toList();
        }, Linked<ContractEvaluation>::key));
        registry.register(WORKER_EMPLOYER, () -> Loaders.byKey(ids -> linked(operators.employers(Ids.array(ids)),
                Employment::workerId, Employment::operatorId, this::operatorsById), Linked<Operator>::key));
        registry.register(FINDINGS, () -> Loaders.byKey((Set<FindingsKey> keys) -> {
            List<Findings> out = new ArrayList<>();
            keys.stream().collect(Collectors.groupingBy(FindingsKey::on)).forEach((on, ks) -> {
                List<Contract> checked = contracts.byIds(Ids.array(ks.stream().map(FindingsKey::contractId).toList()));
                checks.check(checked, on).forEach((id, list) -> out.add(new Findings(new FindingsKey(id, on), list)));
            });
            return out;
        }, Findings::key));
    }

    private Map<UUID, Station> stationsById(Set<UUID> ids) {
        return stations.byIds(Ids.array(ids)).stream().collect(Collectors.toMap(Station::id, Function.identity()));
    }

    private Map<UUID, Contract> contractsById(Set<UUID> ids) {
        return contracts.byIds(Ids.array(ids)).stream().collect(Collectors.toMap(Contract::id, Function.identity()));
    }

    private Map<UUID, SocialWorker> workersById(Set<UUID> ids) {
        return workers.byIds(Ids.array(ids)).stream().collect(Collectors.toMap(SocialWorker::id, Function.identity()));
    }

    private Map<UUID, Operator> operatorsById(Set<UUID> ids) {
        return operators.byIds(Ids.array(ids)).stream().collect(Collectors.toMap(Operator::id, Function.identity()));
    }

    /** Link rows resolved to their records in one more statement, in the links' order. */
    private static <L, T> List<Linked<T>> linked(Collection<L> links, Function<L, UUID> keyOf, Function<L, UUID> targetOf,
                                                 Function<Set<UUID>, Map<UUID, T>> fetch) {
        if (links.isEmpty()) {
            return List.of();
        }
        Set<UUID> targets = new HashSet<>();
        links.forEach(l -> targets.add(targetOf.apply(l)));
        Map<UUID, T> found = fetch.apply(targets);
        return links.stream().filter(l -> found.containsKey(targetOf.apply(l)))
                .map(l -> new Linked<>(keyOf.apply(l), found.get(targetOf.apply(l)))).toList();
    }

    private static <T> CompletableFuture<List<T>> values(DataFetchingEnvironment env, String loader, UUID key) {
        return RequestContext.<UUID, List<Linked<T>>>loader(env, loader).load(key)
                .thenApply(list -> list.stream().map(Linked::value).toList());
    }

    private static boolean seesMoney(DataFetchingEnvironment env) {
        return ContractService.seesMoney(RequestContext.of(env).caller());
    }

    @Override
    public void contribute(RuntimeWiring.Builder wiring) {
        wiring.type("Query", t -> t
                .dataFetcher("operators", env -> service.operators(RequestContext.of(env).caller()))
                .dataFetcher("contracts", env -> service.contracts(RequestContext.of(env).caller()))
                .dataFetcher("contractGrades", env -> service.grades(RequestContext.of(env).caller()))
                .dataFetcher("contractFindings", env -> checks.all(RequestContext.of(env).caller(), day(env))));
        wiring.type("Operator", t -> t
                .dataFetcher("contracts", env -> RequestContext.loader(env, OPERATOR_CONTRACTS).load(env.<Operator>getSource().id()))
                .dataFetcher("stations", env -> values(env, OPERATOR_STATIONS, env.<Operator>getSource().id()))
                .dataFetcher("staff", env -> values(env, OPERATOR_STAFF, env.<Operator>getSource().id()))
                .dataFetcher("evaluations", env -> values(env, OPERATOR_EVALUATIONS, env.<Operator>getSource().id()))
                .dataFetcher("latestEvaluation", env -> ContractWiring.<ContractEvaluation>values(env, OPERATOR_EVALUATIONS,
                        env.<Operator>getSource().id()).thenApply(list -> list.stream()
                        .max(Comparator.comparing(ContractEvaluation::evaluatedOn)
                                .thenComparing(ContractEvaluation::recordedAt, Comparator.nullsFirst(Comparator.naturalOrder())))
                        .orElse(null))));
        wiring.type("Contract", t -> t
                .dataFetcher("purchaser", env -> DivisionWiring.byId(env, env.<Contract>getSource().purchaserDivisionId()))
                .dataFetcher("landingParty", env -> DivisionWiring.byId(env, env.<Contract>getSource().landingDivisionId()))
                .dataFetcher("operator", env -> RequestContext.loader(env, OPERATOR).load(env.<Contract>getSource().operatorId()))
                .dataFetcher("stations", env -> values(env, CONTRACT_STATIONS, env.<Contract>getSource().id()))
                .dataFetcher("years", env -> env.<Contract>getSource().years())
                .dataFetcher("price", env -> seesMoney(env) ? Money.text(env.<Contract>getSource().price()) : null)
                .dataFetcher("tranches", env -> seesMoney(env)
                        ? RequestContext.loader(env, TRANCHES).load(env.<Contract>getSource().id()) : null)
                .dataFetcher("deliverables", env -> RequestContext.loader(env, DELIVERABLES).load(env.<Contract>getSource().id()))
                .dataFetcher("status", env -> env.<Contract>getSource().statusOn(calendar.today()))
                .dataFetcher("endReason", env -> env.<Contract>getSource().endReasonOn(calendar.today()))
                .dataFetcher("successor", env -> {
                    UUID next = env.<Contract>getSource().successorId();
                    return next == null ? null : RequestContext.loader(env, CONTRACT).load(next);
                })
                .dataFetcher("reports", env -> RequestContext.loader(env, REPORTS).load(env.<Contract>getSource().id()))
                .dataFetcher("evaluations", env -> RequestContext.loader(env, EVALUATIONS).load(env.<Contract>getSource().id()))
                .dataFetcher("findings", env -> RequestContext.<FindingsKey, Findings>loader(env, FINDINGS)
                        .load(new FindingsKey(env.<Contract>getSource().id(), day(env))).thenApply(Findings::findings)));
        wiring.type("ContractTranche", t -> t
                .dataFetcher("contract", env -> RequestContext.loader(env, CONTRACT).load(env.<ContractTranche>getSource().contractId()))
                .dataFetcher("amount", env -> seesMoney(env) ? Money.text(env.<ContractTranche>getSource().amount()) : null));
        wiring.type("ContractReport", t -> t
                .dataFetcher("contract", env -> RequestContext.loader(env, CONTRACT).load(env.<ContractReport>getSource().contractId()))
                .dataFetcher("figures", env -> RequestContext.<UUID, ReportFigures>loader(env, FIGURES)
                        .load(env.<ContractReport>getSource().id())
                        .thenApply(f -> f == null ? new ReportFigures(env.<ContractReport>getSource().id(), 0L, 0.0, 0L) : f)));
        wiring.type("ContractEvaluation", t -> t
                .dataFetcher("contract", env -> RequestContext.loader(env, CONTRACT).load(env.<ContractEvaluation>getSource().contractId()))
                .dataFetcher("score", env -> Money.text(env.<ContractEvaluation>getSource().score())));
        wiring.type("ContractFinding", t -> t
                .dataFetcher("contract", env -> RequestContext.loader(env, CONTRACT).load(env.<ContractFinding>getSource().contractId()))
                .dataFetcher("stations", env -> {
                    List<CompletableFuture<Object>> all = env.<ContractFinding>getSource().stationIds().stream()
                            .map(id -> StationWiring.byId(env, id)).toList();
                    return CompletableFuture.allOf(all.toArray(CompletableFuture[]::new))
                            .thenApply(v -> all.stream().map(CompletableFuture::join)
                                    .filter(Objects::nonNull).toList());
                })
                .dataFetcher("workers", env -> WorkerWiring.byIds(env, env.<ContractFinding>getSource().workerIds())));
        wiring.type("DueItem", t -> t
                .dataFetcher("origin", env -> env.<DueItem>getSource().origin())
                .dataFetcher("contract", env -> report(env) == null ? null
                        : RequestContext.loader(env, CONTRACT).load(report(env).contractId()))
                .dataFetcher("operator", env -> report(env) == null ? null
                        : RequestContext.loader(env, OPERATOR).load(report(env).operatorId()))
                .dataFetcher("reportKind", env -> report(env) == null ? null : report(env).kind())
                .dataFetcher("periodStart", env -> report(env) == null ? null : report(env).periodStart())
                .dataFetcher("periodEnd", env -> report(env) == null ? null : report(env).periodEnd())
                .dataFetcher("report", env -> report(env) == null || report(env).reportId() == null ? null
                        : RequestContext.loader(env, REPORT).load(report(env).reportId())));
        wiring.type("LateParty", t -> t.dataFetcher("operator", env -> {
            UUID operator = env.<MonthlyBrief.LateParty>getSource().operatorId();
            return operator == null ? null : RequestContext.loader(env, OPERATOR).load(operator);
        }));
        wiring.type("Station", t -> t.dataFetcher("contracts", env -> values(env, STATION_CONTRACTS, env.<Station>getSource().id())));
        wiring.type("SocialWorker", t -> t.dataFetcher("employer", env -> RequestContext.<UUID, Linked<Operator>>loader(env, WORKER_EMPLOYER)
                .load(env.<SocialWorker>getSource().id()).thenApply(l -> l == null ? null : l.value())));
        wiring.type("Mutation", t -> t
                .dataFetcher("registerOperator", env -> Map.of("operator", service.register(RequestContext.of(env).caller(),
                        commands.bind(env, ContractService.RegisterOperator.class))))
                .dataFetcher("updateOperator", env -> Map.of("operator", service.update(RequestContext.of(env).caller(),
                        commands.bind(env, ContractService.UpdateOperator.class))))
                .dataFetcher("setWorkerEmployer", env -> {
                    ContractService.SetWorkerEmployer c = commands.bind(env, ContractService.SetWorkerEmployer.class);
                    Operator employer = service.setEmployer(RequestContext.of(env).caller(), c);
                    Map<String, Object> payload = new HashMap<>();
                    payload.put("workerId", GlobalId.encode("SocialWorker", c.id()));
                    payload.put("employer", employer);
                    return payload;
                })
                .dataFetcher("createContract", env -> Map.of("contract", service.create(RequestContext.of(env).caller(),
                        commands.bind(env, ContractService.CreateContract.class))))
                .dataFetcher("updateContract", env -> Map.of("contract", service.updateDraft(RequestContext.of(env).caller(),
                        commands.bind(env, ContractService.UpdateContract.class))))
                .dataFetcher("signContract", env -> Map.of("contract", service.sign(RequestContext.of(env).caller(),
                        commands.bind(env, ContractService.SignContract.class))))
                .dataFetcher("endContract", env -> Map.of("contract", service.end(RequestContext.of(env).caller(),
                        commands.bind(env, ContractService.EndContract.class))))
                .dataFetcher("setContractTakeoverPlan", env -> Map.of("contract", service.setTakeoverPlan(RequestContext.of(env).caller(),
                        commands.bind(env, ContractService.SetTakeoverPlan.class))))
                .dataFetcher("submitContractReport", env -> Map.of("report", service.submit(RequestContext.of(env).caller(),
                        commands.bind(env, ContractService.SubmitReport.class))))
                .dataFetcher("acceptContractReport", env -> Map.of("report", service.accept(RequestContext.of(env).caller(),
                        commands.bind(env, ContractService.AcceptReport.class))))
                .dataFetcher("recordContractEvaluation", env -> Map.of("evaluation", service.evaluate(RequestContext.of(env).caller(),
                        commands.bind(env, ContractService.RecordEvaluation.class)))));
    }

    private static DueItem.Report report(DataFetchingEnvironment env) {
        return env.<DueItem>getSource().report();
    }

    private LocalDate day(DataFetchingEnvironment env) {
        LocalDate on = env.getArgument("on");
        return on == null ? calendar.today() : on;
    }

    @Override
    public List<NodeType> nodeTypes() {
        return List.of(new NodeType("Operator", OPERATOR, true), new NodeType("Contract", CONTRACT, true),
                new NodeType("ContractTranche", TRANCHE, true), new NodeType("ContractReport", REPORT, true),
                new NodeType("ContractEvaluation", EVALUATION, true));
    }
}
