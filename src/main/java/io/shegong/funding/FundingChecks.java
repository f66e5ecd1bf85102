package io.shegong.funding;

import io.shegong.core.security.Caller;
import io.shegong.core.time.BureauCalendar;
import io.shegong.policy.CompiledPolicy;
import io.shegong.policy.FundingRule;
import io.shegong.policy.PolicyRepository;
import io.shegong.policy.PolicyService;
import io.shegong.station.Station;
import io.shegong.station.StationRepository;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * The profile's funding rules held against the ledger of a fiscal year, computed on read. A
 * yearly sum is judged once the year is over: until then a shortfall is money still to come, not
 * a finding. A construction subsidy given twice is a finding at once. The statements are the same
 * few whatever the number of stations and entries: the profile, the year's entries, the stations
 * in scope, and the subsidies or the posts when a rule reads them.
 */
@Singleton
public class FundingChecks {
    private final FundingEntryRepository entries;
    private final StationRepository stations;
    private final PolicyRepository profiles;
    private final PolicyService policies;
    private final BureauCalendar calendar;

    public FundingChecks(FundingEntryRepository entries, StationRepository stations, PolicyRepository profiles,
                         PolicyService policies, BureauCalendar calendar) {
        this.entries = entries;
        this.stations = stations;
        this.profiles = profiles;
        this.policies = policies;
        this.calendar = calendar;
    }

    /** What a finding found. */
    public enum Problem {
        /** The sum counted is below what the rule requires. */
        BELOW_MINIMUM,
        /** A station in scope has no construction subsidy at all. */
        MISSING,
        /** A station had the one-time construction subsidy more than once. */
        REPEATED
    }

    /**
     * One rule not met in a fiscal year: by the bureau (no station) or by a station; `required` and
     * `actual` are the sums compared, in yuan.
     */
    public record Finding(FundingRule rule, int fiscalYear, UUID stationId, Problem problem, BigDecimal required,
                          BigDecimal actual, String messageZh, String messageEn) {
    }

    /** The year's findings with the rules and notes they come from. */
    public record Report(int fiscalYear, boolean yearClosed, FundingRule.Section section, List<Finding> findings) {
    }

    public Report report(Caller caller, int year) {
        FundingService.requireReader(caller);
        FundingService.plausible(year);
        LocalDate today = calendar.today();
        boolean closed = year < today.getYear();
        LocalDate asOf = closed ? LocalDate.of(year, 12, 31) : today;
        FundingRule.Section section = profiles.inForce(asOf).map(policies::compile).map(CompiledPolicy::funding)
                .orElse(FundingRule.Section.EMPTY);
        if (section.rules().isEmpty()) {
            return new Report(year, closed, section, List.of());
        }
        List<FundingEntry> ofYear = entries.ledger(year, null);
        List<Station> inScope = stations.checkedOn(asOf);
        List<Finding> out = new ArrayList<>();
        for (FundingRule rule : section.rules()) {
            switch (rule.measure()) {
                case STATION_YEARLY_MINIMUM -> {
                    if (closed) {
                        stationMinimum(rule, year, ofYear, inScope, out);
                    }
                }
                case LEVEL_YEARLY_MINIMUM -> {
                    if (closed) {
                        levelMinimum(rule, year, ofYear, out);
                    }
                }
                case ONE_TIME_SUBSIDY -> subsidy(rule, year, closed, entries.subsidiesUntil(year), inScope, out);
                case FUND_SHARE -> {
                    if (closed) {
                        share(rule, year, ofYear, stations.all(), out);
                    }
                }
                case LABOUR_COST_FLOOR -> {
                    if (closed) {
                        labour(rule, year, ofYear, inScope, out);
                    }
                }
            }
        }
        return new Report(year, closed, section, out);
    }

    private static void stationMinimum(FundingRule rule, int year, List<FundingEntry> ofYear, List<Station> inScope, List<Finding> out) {
        Map<UUID, BigDecimal> received = sums(ofYear, rule, e -> e.stationId() != null, FundingEntry::stationId);
        for (Station s : inScope) {
            if (!applies(rule, s)) {
                continue;
            }
            BigDecimal got = received.getOrDefault(s.id(), FundingService.zero());
            if (got.compareTo(rule.amount()) < 0) {
                out.add(new Finding(rule, year, s.id(), Problem.BELOW_MINIMUM, rule.amount(), got,
                        year + "年" + s.name() + "获得" + yuan(got) + "元，低于每站每年" + yuan(rule.amount()) + "元",
                        s.name() + " received " + yuan(got) + " CNY in " + year + ", below " + yuan(rule.amount()) + " a station a year"));
            }
        }
    }

    private static void levelMinimum(FundingRule rule, int year, List<FundingEntry> ofYear, List<Finding> out) {
        BigDecimal paid = sums(ofYear, rule, e -> e.payerLevel().equals(rule.payerLevel()), e -> "").getOrDefault("", FundingService.zero());
        if (paid.compareTo(rule.amount()) < 0) {
            out.add(new Finding(rule, year, null, Problem.BELOW_MINIMUM, rule.amount(), paid,
                    year + "年" + rule.payerLevel() + "级安排" + yuan(paid) + "元，低于" + yuan(rule.amount()) + "元",
                    "The " + rule.payerLevel() + " level gave " + yuan(paid) + " CNY in " + year + ", below " + yuan(rule.amount())));
        }
    }

    private static void subsidy(FundingRule rule, int year, boolean closed, List<FundingEntry> subsidies, List<Station> inScope,
                                List<Finding> out) {
        Map<UUID, List<FundingEntry>> byStation = new HashMap<>();
        subsidies.stream().filter(e -> counted(rule, e)).forEach(e -> byStation.computeIfAbsent(e.stationId(), k -> new ArrayList<>()).add(e));
        for (Station s : inScope) {
            if (!applies(rule, s)) {
                continue;
            }
            List<FundingEntry> got = byStation.getOrDefault(s.id(), List.of());
            BigDecimal sum = got.stream().map(FundingEntry::amount).reduce(FundingService.zero(), BigDecimal::add);
            if (got.size() > 1) {
                out.add(new Finding(rule, year, s.id(), Problem.REPEATED, rule.amount(), sum,
                        s.name() + "的一次性建设补贴已安排" + got.size() + "次，共" + yuan(sum) + "元",
                        s.name() + " had the one-time construction subsidy " + got.size() + " times, " + yuan(sum) + " CNY in all"));
            } else if (got.isEmpty() && closed) {
                out.add(new Finding(rule, year, s.id(), Problem.MISSING, rule.amount(), sum,
                        "截至" + year + "年底，" + s.name() + "未获得一次性建设补贴",
                        s.name() + " had no one-time construction subsidy by the end of " + year));
            } else if (got.size() == 1 && sum.compareTo(rule.amount()) < 0) {
                out.add(new Finding(rule, year, s.id(), Problem.BELOW_MINIMUM, rule.amount(), sum,
                        s.name() + "的一次性建设补贴为" + yuan(sum) + "元，低于每站" + yuan(rule.amount()) + "元",
                        s.name() + "'s construction subsidy was " + yuan(sum) + " CNY, below " + yuan(rule.amount()) + " a station"));
            }
        }
    }

    private static void share(FundingRule rule, int year, List<FundingEntry> ofYear, List<Station> all, List<Finding> out) {
        BigDecimal fund = ofYear.stream().filter(e -> e.kind().equals(rule.counts().name()) && e.source().equals(rule.fund()))
                .map(FundingEntry::amount).reduce(FundingService.zero(), BigDecimal::add);
        if (fund.signum() == 0) {
            return;
        }
        Map<UUID, Station> byId = new HashMap<>();
        all.forEach(s -> byId.put(s.id(), s));
        BigDecimal toStations = sums(ofYear, rule, e -> e.stationId() != null && applies(rule, byId.get(e.stationId())), e -> "")
                .getOrDefault("", FundingService.zero());
        BigDecimal required = fund.multiply(rule.percent()).divide(BigDecimal.valueOf(100), 2, RoundingMode.UP);
        if (toStations.compareTo(required) < 0) {
            out.add(new Finding(rule, year, null, Problem.BELOW_MINIMUM, required, toStations,
                    year + "年用于站点的" + yuan(toStations) + "元，低于" + rule.fund() + "（" + yuan(fund) + "元）的"
                            + rule.percent().stripTrailingZeros().toPlainString() + "%",
                    "Stations got " + yuan(toStations) + " CNY in " + year + ", below " + rule.percent().stripTrailingZeros().toPlainString()
                            + "% of " + rule.fund() + " (" + yuan(fund) + ")"));
        }
    }

    private void labour(FundingRule rule, int year, List<FundingEntry> ofYear, List<Station> inScope, List<Finding> out) {
        BigDecimal wage = rule.wages().get(year);
        if (wage == null) {
            return;
        }
        Map<UUID, Long> days = new HashMap<>();
        entries.fullTimeDays(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)).forEach(f -> days.put(f.stationId(), f.days()));
        Map<UUID, BigDecimal> labour = sums(ofYear, rule, e -> e.stationId() != null, FundingEntry::stationId);
        BigDecimal yearDays = BigDecimal.valueOf(Year.of(year).length());
        for (Station s : inScope) {
            long d = days.getOrDefault(s.id(), 0L);
            if (!applies(rule, s) || d == 0) {
                continue;
            }
            BigDecimal got = labour.getOrDefault(s.id(), FundingService.zero());
            // a post held half the year is paid for half a worker
            BigDecimal required = wage.multiply(BigDecimal.valueOf(d)).divide(yearDays, 2, RoundingMode.UP);
            if (got.compareTo(required) < 0) {
                BigDecimal workers = BigDecimal.valueOf(d).divide(yearDays, 2, RoundingMode.HALF_UP);
                BigDecimal perWorker = got.multiply(yearDays).divide(BigDecimal.valueOf(d), 2, RoundingMode.DOWN);
                out.add(new Finding(rule, year, s.id(), Problem.BELOW_MINIMUM, required, got,
                        year + "年" + s.name() + "人力成本每名专职社工" + yuan(perWorker) + "元（" + workers.toPlainString()
                                + "人年），低于当年标准" + yuan(wage) + "元",
                        s.name() + "'s labour cost in " + year + " was " + yuan(perWorker) + " CNY a full-time worker ("
                                + workers.toPlainString() + " worker-years), below the year's " + yuan(wage)));
            }
        }
    }

    private static boolean applies(FundingRule rule, Station s) {
        return s != null && (rule.stationKinds().isEmpty() || rule.stationKinds().contains(s.kindCode()));
    }

    private static boolean counted(FundingRule rule, FundingEntry e) {
        return e.kind().equals(rule.counts().name()) && rule.counts(e.source(), e.purpose());
    }

    private static <K> Map<K, BigDecimal> sums(List<FundingEntry> ofYear, FundingRule rule, Predicate<FundingEntry> which,
                                               java.util.function.Function<FundingEntry, K> key) {
        Map<K, BigDecimal> out = new HashMap<>();
        for (FundingEntry e : ofYear) {
            if (counted(rule, e) && which.test(e)) {
                out.merge(key.apply(e), e.amount(), BigDecimal::add);
            }
        }
        return out;
    }

    static String yuan(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.UNNECESSARY).toPlainString();
    }
}
