package io.shegong.funding;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.exceptions.OptimisticLockException;
import io.shegong.contract.ContractPartsRepository;
import io.shegong.contract.ContractTranche;
import io.shegong.core.error.ApiException;
import io.shegong.core.graphql.NodeId;
import io.shegong.core.security.Caller;
import io.shegong.core.security.Role;
import io.shegong.core.time.BureauCalendar;
import io.shegong.division.Division;
import io.shegong.division.DivisionRepository;
import io.shegong.funding.FundingEntry.PayerLevel;
import io.shegong.funding.FundingEntry.Purpose;
import io.shegong.policy.FundingRule;
import io.shegong.policy.PolicyVocabularies;
import io.shegong.station.StationRepository;
import jakarta.inject.Singleton;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The funding ledger: the bureau's administrators record allocations and payments; supervisors and
 * viewers read them with the administrators. A station's operator does not see the ledger's
 * amounts at all (FORBIDDEN), since the documents leave the money between the departments and
 * the bureau, and an operator is often the organisation the money buys services from.
 */
@Singleton
public class FundingService {
    private final FundingEntryRepository entries;
    private final ContractPartsRepository tranches;
    private final StationRepository stations;
    private final DivisionRepository divisions;
    private final PolicyVocabularies vocabularies;
    private final BureauCalendar calendar;

    public FundingService(FundingEntryRepository entries, StationRepository stations, DivisionRepository divisions,
                          PolicyVocabularies vocabularies, BureauCalendar calendar, ContractPartsRepository tranches) {
        this.tranches = tranches;
        this.entries = entries;
        this.stations = stations;
        this.divisions = divisions;
        this.vocabularies = vocabularies;
        this.calendar = calendar;
    }

    /**
     * An entry as recorded. The amount is text so that it reaches the service exactly as typed: a
     * negative or over-precise amount is refused by name rather than rounded on the way in.
     */
    @Introspected
    public record RecordEntry(
            @NotNull FundingRule.EntryKind kind,
            @NotBlank @Size(max = 40) String source,
            @NotBlank @Size(max = 40) String amount,
            @NotNull LocalDate entryDate,
            int fiscalYear,
            @NotNull PayerLevel payerLevel,
            @Nullable @NodeId("Division") UUID payerDivisionId,
            @NotNull Purpose purpose,
            @Nullable @NodeId("Station") UUID stationId,
            @Nullable @Size(max = 200) String reference,
            @Nullable @Size(max = 2000) String note,
            @Nullable @NodeId("ContractTranche") UUID trancheId) {
    }

    /** An entry taken out of the ledger, at the version read (a wrong entry is removed and recorded again). */
    @Introspected
    public record RemoveEntry(@NotNull @NodeId("FundingEntry") UUID id, int version) {
    }

    public FundingEntry record(Caller caller, RecordEntry c) {
        caller.requireTenantAdmin();
        vocabularies.today().require("fundingSources", "input.source", c.source());
        BigDecimal amount = FundingRule.cny(c.amount(), "input.amount");
        if (c.entryDate().isAfter(calendar.today())) {
            throw ApiException.badInput("input.entryDate", "entryDate must not be in the future: the ledger records what was decided or paid");
        }
        // a year's money is decided late in the year before and paid into the year after, never further
        if (Math.abs(c.fiscalYear() - c.entryDate().getYear()) > 1) {
            throw ApiException.badInput("input.fiscalYear", "fiscalYear must be the entry date's year or next to it, not " + c.fiscalYear());
        }
        if (c.purpose().ofStation() != (c.stationId() != null)) {
            throw ApiException.badInput("input.stationId", c.purpose().ofStation()
                    ? "money for " + c.purpose() + " names the station it is for (stationId)"
                    : "GENERAL money is for the network, so it names no station; give the purpose it is for instead");
        }
        if (c.stationId() != null && stations.findById(c.stationId()).isEmpty()) {
            throw ApiException.badInput("input.stationId", "stationId is not a station of this bureau");
        }
        if (c.payerDivisionId() != null) {
            if (c.payerLevel() == PayerLevel.PROVINCIAL) {
                throw ApiException.badInput("input.payerDivisionId", "the province is not one of the bureau's divisions: leave payerDivisionId out");
            }
            Division payer = divisions.findById(c.payerDivisionId())
                    .orElseThrow(() -> ApiException.badInput("input.payerDivisionId", "payerDivisionId is not a division of this bureau"));
            if (!payer.level().equals(c.payerLevel().name())) {
                throw ApiException.badInput("input.payerDivisionId", "the paying division is of level " + payer.level()
                        + ", not " + c.payerLevel());
            }
        }
        if (c.trancheId() != null) {
            if (c.kind() != FundingRule.EntryKind.PAYMENT) {
                throw ApiException.badInput("input.trancheId", "only a PAYMENT pays a contract's tranche");
            }
            if (tranches.byIds(new String[]{c.trancheId().toString()}).isEmpty()) {
                throw ApiException.badInput("input.trancheId", "trancheId is not a tranche of this bureau's contracts");
            }
        }
        return entries.save(new FundingEntry(UUID.randomUUID(), c.kind().name(), c.source(), amount, c.entryDate(), c.fiscalYear(),
                c.payerLevel().name(), c.payerDivisionId(), c.purpose().name(), c.stationId(), blankToNull(c.reference()),
                blankToNull(c.note()), c.trancheId(), 1, caller.subject()));
    }

    public FundingEntry remove(Caller caller, RemoveEntry c) {
        caller.requireTenantAdmin();
        FundingEntry current = entries.findById(c.id()).orElseThrow(() -> ApiException.notFound("input.id", "Funding entry"));
        if (current.version() != c.version()) {
            throw ApiException.conflict("input.version", "The entry was changed since version " + c.version());
        }
        try {
            entries.delete(current);
        } catch (OptimisticLockException removedMeanwhile) {
            throw ApiException.conflict("input.version", "The entry was changed since version " + c.version());
        }
        return current;
    }

    /** Reading the ledger's amounts: administrators, supervisors and viewers, never a station's operator alone. */
    /** Where a tranche stands by the ledger on the bureau's today. */
    public enum TrancheStatus { PAID, DUE, OVERDUE }

    /** A tranche with what the ledger's payments naming it add up to. */
    public record TrancheStanding(ContractTranche tranche, BigDecimal paid, TrancheStatus status) {
    }

    public static TrancheStatus status(ContractTranche tranche, BigDecimal paid, LocalDate today) {
        if (paid.compareTo(tranche.amount()) >= 0) {
            return TrancheStatus.PAID;
        }
        return tranche.dueOn().isBefore(today) ? TrancheStatus.OVERDUE : TrancheStatus.DUE;
    }

    /**
     * The bureau's tranches falling due within a window (a year back to 30 days ahead when not
     * given), with what has been paid on each and where it stands; only those of a status when one
     * is given. Read as the ledger is: TENANT_ADMIN, SUPERVISOR and VIEWER.
     */
    public List<TrancheStanding> tranches(Caller caller, LocalDate from, LocalDate to, TrancheStatus status) {
        requireReader(caller);
        LocalDate today = calendar.today();
        LocalDate first = from == null ? today.minusYears(1) : from;
        LocalDate last = to == null ? today.plusDays(30) : to;
        if (last.isBefore(first)) {
            throw ApiException.badInput("to", "to must not be before from");
        }
        if (first.plusYears(10).isBefore(last)) {
            throw ApiException.badInput("to", "a window of at most 10 years");
        }
        List<ContractTranche> due = tranches.dueBetween(first, last);
        java.util.Map<UUID, BigDecimal> paid = new java.util.HashMap<>();
        if (!due.isEmpty()) {
            entries.paidOnTranches(due.stream().map(t -> t.id().toString()).toArray(String[]::new))
                    .forEach(p -> paid.put(p.trancheId(), p.paid()));
        }
        return due.stream()
                .map(t -> {
                    BigDecimal sum = paid.getOrDefault(t.id(), BigDecimal.ZERO.setScale(2));
                    return new TrancheStanding(t, sum, status(t, sum, today));
                })
                .filter(s -> status == null || s.status() == status)
                .toList();
    }

    public static void requireReader(Caller caller) {
        caller.requireTenantMember();
        if (!caller.has(Role.TENANT_ADMIN) && !caller.has(Role.SUPERVISOR) && !caller.has(Role.VIEWER)) {
            throw ApiException.forbidden("The funding ledger is read by TENANT_ADMIN, SUPERVISOR and VIEWER");
        }
    }

    public List<FundingEntry> ledger(Caller caller, Integer year, UUID stationId) {
        requireReader(caller);
        plausible(year);
        return entries.ledger(year, stationId);
    }

    /** What a totals row is grouped by; what it is not grouped by is null in the row. */
    public enum GroupBy { YEAR, SOURCE, DISTRICT }

    /**
     * One row of totals: a year, a source and a district, each null when not grouped by. The
     * district is where the money lands: the district of the station it is for, or of the
     * paying district or street; null for the city's and the province's money for the network.
     */
    public record Total(Integer fiscalYear, String source, UUID districtId, BigDecimal allocated, BigDecimal paid, int entries) {
    }

    /** The tenant's totals, in three statements however many stations and entries there are. */
    public List<Total> totals(Caller caller, Integer year, Set<GroupBy> groupBy) {
        requireReader(caller);
        plausible(year);
        List<FundingEntry> rows = entries.ledger(year, null);
        Map<UUID, UUID> districtOf = groupBy.contains(GroupBy.DISTRICT) ? districts(rows) : Map.of();
        Map<List<Object>, BigDecimal[]> sums = new LinkedHashMap<>();
        Map<List<Object>, Integer> counts = new HashMap<>();
        for (FundingEntry e : rows) {
            List<Object> key = new ArrayList<>(3);
            key.add(groupBy.contains(GroupBy.YEAR) ? e.fiscalYear() : null);
            key.add(groupBy.contains(GroupBy.SOURCE) ? e.source() : null);
            key.add(groupBy.contains(GroupBy.DISTRICT) ? districtOf.get(e.id()) : null);
            BigDecimal[] s = sums.computeIfAbsent(key, k -> new BigDecimal[]{zero(), zero()});
            int i = e.kind().equals(FundingRule.EntryKind.ALLOCATION.name()) ? 0 : 1;
            s[i] = s[i].add(e.amount());
            counts.merge(key, 1, Integer::sum);
        }
        List<Total> out = new ArrayList<>();
        sums.forEach((k, s) -> out.add(new Total((Integer) k.get(0), (String) k.get(1), (UUID) k.get(2), s[0], s[1], counts.get(k))));
        out.sort(Comparator.comparing(Total::fiscalYear, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(Total::source, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(t -> t.districtId() == null ? "" : t.districtId().toString()));
        return out;
    }

    /** Each entry's district, from two statements: the stations and the divisions. */
    private Map<UUID, UUID> districts(List<FundingEntry> rows) {
        Map<UUID, Division> byId = new HashMap<>();
        divisions.all().forEach(d -> byId.put(d.id(), d));
        Map<UUID, UUID> stationDivision = new HashMap<>();
        stations.all().forEach(s -> stationDivision.put(s.id(), s.divisionId()));
        Map<UUID, UUID> out = new HashMap<>();
        for (FundingEntry e : rows) {
            UUID division = e.stationId() != null ? stationDivision.get(e.stationId()) : e.payerDivisionId();
            UUID district = district(division, byId);
            if (district != null) {
                out.put(e.id(), district);
            }
        }
        return out;
    }

    static UUID district(UUID divisionId, Map<UUID, Division> byId) {
        Division d = divisionId == null ? null : byId.get(divisionId);
        while (d != null && !d.level().equals("DISTRICT")) {
            d = d.parentId() == null ? null : byId.get(d.parentId());
        }
        return d == null ? null : d.id();
    }

    /** A fiscal year the ledger can hold (its CHECK), else bad input naming `year`. */
    static void plausible(Integer year) {
        if (year != null && (year < 1900 || year > 2199)) {
            throw ApiException.badInput("year", "year must be a fiscal year between 1900 and 2199, not " + year);
        }
    }

    static BigDecimal zero() {
        return BigDecimal.ZERO.setScale(2);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
