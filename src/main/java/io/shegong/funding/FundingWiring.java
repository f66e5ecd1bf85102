package io.shegong.funding;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import io.shegong.core.db.Ids;
import io.shegong.core.error.ApiException;
import io.shegong.core.graphql.Commands;
import io.shegong.core.graphql.GlobalId;
import io.shegong.core.graphql.LoaderContributor;
import io.shegong.core.graphql.Loaders;
import io.shegong.core.graphql.NodeType;
import io.shegong.core.graphql.RequestContext;
import io.shegong.core.graphql.RequestLoaders;
import io.shegong.core.graphql.Wiring;
import io.shegong.division.DivisionWiring;
import io.shegong.policy.FundingRule;
import io.shegong.policy.PolicyDocument.Vocabularies;
import io.shegong.policy.PolicyVocabularies;
import io.shegong.station.Station;
import io.shegong.station.StationWiring;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/** Fetchers of the funding ledger, its totals and its findings, and its mutations. */
@Singleton
public class FundingWiring implements Wiring, NodeType.Source, LoaderContributor {
    private static final String ENTRY_BY_ID = "fundingEntry";
    private static final String SUMS_BY_STATION = "stationFundingSums";
    private static final String PAID_BY_TRANCHE = "tranchePaid";
    private static final String SUMS_BY_CONTRACT = "contractFundingSums";
    /** The vocabularies in force today, read once per request however many entries show a label. */
    private static final String TERMS = "fundingTerms";

    private final FundingService service;
    private final FundingChecks checks;
    private final FundingEntryRepository rows;
    private final PolicyVocabularies vocabularies;
    private final Commands commands;
    private final io.shegong.core.time.BureauCalendar calendar;

    public FundingWiring(FundingService service, FundingChecks checks, FundingEntryRepository rows,
                         PolicyVocabularies vocabularies, Commands commands, io.shegong.core.time.BureauCalendar calendar) {
        this.calendar = calendar;
        this.service = service;
        this.checks = checks;
        this.rows = rows;
        this.vocabularies = vocabularies;
        this.commands = commands;
    }

    private record Terms(Boolean key, Vocabularies vocabularies) {
    }

    /** What the ledger has paid on the tranche; null for a caller who does not see the contract's money. */
    private java.util.concurrent.CompletableFuture<BigDecimal> paid(graphql.schema.DataFetchingEnvironment env) {
        if (!io.shegong.contract.ContractService.seesMoney(RequestContext.of(env).caller())) {
            return java.util.concurrent.CompletableFuture.completedFuture(null);
        }
        io.shegong.contract.ContractTranche tranche = env.getSource();
        return RequestContext.<java.util.UUID, TranchePaid>loader(env, PAID_BY_TRANCHE).load(tranche.id())
                .thenApply(p -> p == null ? BigDecimal.ZERO.setScale(2) : p.paid());
    }

    /** A station's money of a year and source, allocations and payments apart. */
    record StationYear(int fiscalYear, String source, BigDecimal allocated, BigDecimal paid) {
    }

    @Override
    public void register(RequestLoaders registry, RequestContext ctx) {
        registry.register(ENTRY_BY_ID, () -> Loaders.byKey(ids -> rows.byIds(Ids.array(ids)), FundingEntry::id));
        registry.register(PAID_BY_TRANCHE, () -> Loaders.byKey(ids -> rows.paidOnTranches(Ids.array(ids)), TranchePaid::trancheId));
        registry.register(SUMS_BY_STATION, () -> Loaders.grouped(ids -> rows.sumsOfStations(Ids.array(ids)), YearSum::ownerId));
        registry.register(SUMS_BY_CONTRACT, () -> Loaders.grouped(ids -> rows.sumsOfContracts(Ids.array(ids)), YearSum::ownerId));
        registry.register(TERMS, () -> Loaders.byKey(keys -> List.of(new Terms(true, vocabularies.today())), Terms::key));
    }

    @Override
    public void contribute(RuntimeWiring.Builder wiring) {
        wiring.type("Query", t -> t
                .dataFetcher("fundingEntries", env -> service.ledger(RequestContext.of(env).caller(), env.getArgument("year"),
                        stationId(env)))
                .dataFetcher("fundingTotals", env -> service.totals(RequestContext.of(env).caller(), env.getArgument("year"),
                        groupBy(env)))
                .dataFetcher("fundingFindings", env -> checks.report(RequestContext.of(env).caller(), env.getArgument("year")))
                .dataFetcher("contractTranches", env -> service.tranches(RequestContext.of(env).caller(), env.getArgument("from"),
                        env.getArgument("to"), env.getArgument("status") == null ? null
                                : FundingService.TrancheStatus.valueOf(env.getArgument("status")))));
        wiring.type("TrancheStanding", t -> t
                .dataFetcher("amount", env -> io.shegong.contract.Money.text(env.<FundingService.TrancheStanding>getSource().tranche().amount()))
                .dataFetcher("paid", env -> io.shegong.contract.Money.text(env.<FundingService.TrancheStanding>getSource().paid())));
        // a tranche's payments, by the ledger, for those who see the contract's money
        wiring.type("ContractTranche", t -> t
                .dataFetcher("paid", env -> paid(env).thenApply(p -> p == null ? null : io.shegong.contract.Money.text(p)))
                .dataFetcher("status", env -> paid(env).thenApply(p -> p == null ? null : FundingService.status(
                        env.getSource(), p, calendar.today()))));
        wiring.type("FundingEntry", t -> t.dataFetcher("tranche", env -> {
            java.util.UUID id = env.<FundingEntry>getSource().trancheId();
            return id == null ? null : RequestContext.loader(env, io.shegong.contract.ContractWiring.TRANCHE).load(id);
        }));
        wiring.type("FundingEntry", t -> t
                .dataFetcher("amount", env -> {
                    FundingService.requireReader(RequestContext.of(env).caller());
                    return yuan(env.<FundingEntry>getSource().amount());
                })
                .dataFetcher("sourceLabelZh", env -> label(env, env.<FundingEntry>getSource().source(), true))
                .dataFetcher("sourceLabelEn", env -> label(env, env.<FundingEntry>getSource().source(), false))
                .dataFetcher("payerDivision", env -> DivisionWiring.byId(env, env.<FundingEntry>getSource().payerDivisionId()))
                .dataFetcher("station", env -> StationWiring.byId(env, env.<FundingEntry>getSource().stationId())));
        wiring.type("Station", t -> t.dataFetcher("funding", env -> {
            FundingService.requireReader(RequestContext.of(env).caller());
            Integer year = env.getArgument("year");
            return RequestContext.<UUID, List<YearSum>>loader(env, SUMS_BY_STATION).load(env.<Station>getSource().id())
                    .thenApply(sums -> byYearAndSource(sums, year));
        }));
        wiring.type("Contract", t -> t.dataFetcher("funding", env -> {
            FundingService.requireReader(RequestContext.of(env).caller());
            Integer year = env.getArgument("year");
            return RequestContext.<UUID, List<YearSum>>loader(env, SUMS_BY_CONTRACT)
                    .load(env.<io.shegong.contract.Contract>getSource().id())
                    .thenApply(sums -> byYearAndSource(sums, year));
        }));
        wiring.type("FundingByYear", t -> t
                .dataFetcher("allocated", env -> yuan(env.<StationYear>getSource().allocated()))
                .dataFetcher("paid", env -> yuan(env.<StationYear>getSource().paid()))
                .dataFetcher("sourceLabelZh", env -> label(env, env.<StationYear>getSource().source(), true)));
        wiring.type("FundingTotal", t -> t
                .dataFetcher("allocated", env -> yuan(env.<FundingService.Total>getSource().allocated()))
                .dataFetcher("paid", env -> yuan(env.<FundingService.Total>getSource().paid()))
                .dataFetcher("sourceLabelZh", env -> {
                    String source = env.<FundingService.Total>getSource().source();
                    return source == null ? CompletableFuture.completedFuture(null) : label(env, source, true);
                })
                .dataFetcher("district", env -> DivisionWiring.byId(env, env.<FundingService.Total>getSource().districtId())));
        wiring.type("FundingReport", t -> t
                .dataFetcher("rules", env -> env.<FundingChecks.Report>getSource().section().rules().stream()
                        .map(r -> new RuleInYear(r, env.<FundingChecks.Report>getSource().fiscalYear())).toList())
                .dataFetcher("notes", env -> env.<FundingChecks.Report>getSource().section().notes()));
        wiring.type("FundingRule", t -> t
                .dataFetcher("code", env -> rule(env).code())
                .dataFetcher("labelZh", env -> rule(env).labelZh())
                .dataFetcher("labelEn", env -> rule(env).labelEn())
                .dataFetcher("source", env -> rule(env).source())
                .dataFetcher("wording", env -> rule(env).basis().wording())
                .dataFetcher("severity", env -> rule(env).basis().severity())
                .dataFetcher("bureauSetting", env -> rule(env).basis().bureauSetting())
                .dataFetcher("measure", env -> rule(env).measure())
                .dataFetcher("amount", env -> yuan(rule(env).amount()))
                .dataFetcher("percent", env -> yuan(rule(env).percent()))
                .dataFetcher("fund", env -> rule(env).fund())
                .dataFetcher("payerLevel", env -> rule(env).payerLevel())
                .dataFetcher("stationKinds", env -> rule(env).stationKinds())
                .dataFetcher("sources", env -> rule(env).sources())
                .dataFetcher("purposes", env -> rule(env).purposes())
                .dataFetcher("counts", env -> rule(env).counts())
                .dataFetcher("wage", env -> yuan(rule(env).wages().get(env.<RuleInYear>getSource().year()))));
        wiring.type("FundingFinding", t -> t
                .dataFetcher("rule", env -> new RuleInYear(finding(env).rule(), finding(env).fiscalYear()))
                .dataFetcher("code", env -> finding(env).rule().code())
                .dataFetcher("source", env -> finding(env).rule().source())
                .dataFetcher("severity", env -> finding(env).rule().basis().severity())
                .dataFetcher("station", env -> StationWiring.byId(env, finding(env).stationId()))
                .dataFetcher("required", env -> yuan(finding(env).required()))
                .dataFetcher("actual", env -> yuan(finding(env).actual())));
        wiring.type("Mutation", t -> t
                .dataFetcher("recordFundingEntry", env -> Map.of("entry", service.record(RequestContext.of(env).caller(),
                        commands.bind(env, FundingService.RecordEntry.class))))
                .dataFetcher("removeFundingEntry", env -> Map.of("entry", service.remove(RequestContext.of(env).caller(),
                        commands.bind(env, FundingService.RemoveEntry.class)))));
    }

    /** A rule as read for a year: the labour floor's wage is the year's. */
    record RuleInYear(FundingRule rule, int year) {
    }

    private static FundingRule rule(DataFetchingEnvironment env) {
        return env.<RuleInYear>getSource().rule();
    }

    private static FundingChecks.Finding finding(DataFetchingEnvironment env) {
        return env.getSource();
    }

    private static CompletableFuture<String> label(DataFetchingEnvironment env, String code, boolean zh) {
        return RequestContext.<Boolean, Terms>loader(env, TERMS).load(true).thenApply(t ->
                zh ? t.vocabularies().labelZh("fundingSources", code) : t.vocabularies().labelEn("fundingSources", code));
    }

    private static List<StationYear> byYearAndSource(List<YearSum> sums, Integer year) {
        Map<List<Object>, BigDecimal[]> out = new LinkedHashMap<>();
        for (YearSum s : sums) {
            if (year != null && s.fiscalYear() != year) {
                continue;
            }
            BigDecimal[] pair = out.computeIfAbsent(List.of(s.fiscalYear(), s.source()),
                    k -> new BigDecimal[]{FundingService.zero(), FundingService.zero()});
            int i = s.kind().equals(FundingRule.EntryKind.ALLOCATION.name()) ? 0 : 1;
            pair[i] = pair[i].add(s.amount());
        }
        List<StationYear> result = new ArrayList<>();
        out.forEach((k, v) -> result.add(new StationYear((Integer) k.get(0), (String) k.get(1), v[0], v[1])));
        return result;
    }

    private static Set<FundingService.GroupBy> groupBy(DataFetchingEnvironment env) {
        List<String> given = env.getArgument("groupBy");
        Set<FundingService.GroupBy> out = EnumSet.noneOf(FundingService.GroupBy.class);
        given.forEach(g -> out.add(FundingService.GroupBy.valueOf(g)));
        return out;
    }

    /** A malformed id, or one of another type, is bad input naming `stationId`. */
    private static UUID stationId(DataFetchingEnvironment env) {
        String id = env.getArgument("stationId");
        return id == null ? null : GlobalId.decode(id).filter(g -> g.type().equals("Station")).map(GlobalId::id)
                .orElseThrow(() -> ApiException.badInput("stationId", "stationId is not a valid Station id"));
    }

    /** Yuan as a plain decimal string with two places; never a floating-point number. */
    static String yuan(BigDecimal amount) {
        return amount == null ? null : amount.setScale(2).toPlainString();
    }

    @Override
    public List<NodeType> nodeTypes() {
        return List.of(new NodeType("FundingEntry", ENTRY_BY_ID, true));
    }
}
