package io.shegong.funding;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.DataType;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The funding ledger of the bound tenant. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface FundingEntryRepository extends GenericRepository<FundingEntry, UUID> {

    FundingEntry save(FundingEntry entry);

    /** Writes every field at the version read; a stale version throws OptimisticLockException. */
    FundingEntry update(FundingEntry entry);

    void delete(FundingEntry entry);

    Optional<FundingEntry> findById(UUID id);

    /** The payments naming each of the tranches, added up; a tranche nothing paid yet is left out. */
    @Query("""
            SELECT tranche_id, sum(amount) AS paid FROM funding_entry
             WHERE kind = 'PAYMENT' AND tranche_id = ANY(CAST(:trancheIds AS uuid[])) GROUP BY tranche_id""")
    List<TranchePaid> paidOnTranches(@TypeDef(type = DataType.STRING_ARRAY) String[] trancheIds);

    @Query("SELECT * FROM funding_entry WHERE id = ANY(CAST(:ids AS uuid[]))")
    List<FundingEntry> byIds(@TypeDef(type = DataType.STRING_ARRAY) String[] ids);

    /** The entries of a fiscal year (every year when null), of a station when one is given, in the ledger's order. */
    @Query("""
            SELECT * FROM funding_entry
             WHERE (CAST(:year AS integer) IS NULL OR fiscal_year = :year)
               AND (CAST(:stationId AS uuid) IS NULL OR station_id = :stationId)
             ORDER BY entry_date, recorded_at, id""")
    List<FundingEntry> ledger(@Nullable Integer year, @Nullable UUID stationId);

    /** Every year's money of each station, by source and kind: what `Station.funding` shows. */
    @Query("""
            SELECT station_id AS owner_id, fiscal_year, source, kind, sum(amount) AS amount FROM funding_entry
             WHERE station_id = ANY(CAST(:stationIds AS uuid[]))
             GROUP BY station_id, fiscal_year, source, kind
             ORDER BY fiscal_year, source, kind""")
    List<YearSum> sumsOfStations(@TypeDef(type = DataType.STRING_ARRAY) String[] stationIds);

    /** Construction subsidies recorded for any year up to this one: what a one-time subsidy is checked against. */
    /** What the ledger paid on each contract's tranches, by fiscal year and source. */
    @Query("""
            SELECT t.contract_id AS owner_id, e.fiscal_year, e.source, e.kind, sum(e.amount) AS amount
              FROM funding_entry e JOIN contract_tranche t ON t.tenant_id = e.tenant_id AND t.id = e.tranche_id
             WHERE t.contract_id = ANY(CAST(:contractIds AS uuid[]))
             GROUP BY t.contract_id, e.fiscal_year, e.source, e.kind
             ORDER BY e.fiscal_year, e.source, e.kind""")
    List<YearSum> sumsOfContracts(@TypeDef(type = DataType.STRING_ARRAY) String[] contractIds);

    @Query("SELECT * FROM funding_entry WHERE purpose = 'CONSTRUCTION_SUBSIDY' AND fiscal_year <= :year ORDER BY entry_date, id")
    List<FundingEntry> subsidiesUntil(int year);

    /** The days of full-time posts each station held between two days, both included. */
    @Query("""
            SELECT station_id,
                   sum(least(coalesce(ends_on, :last), :last) - greatest(starts_on, :first) + 1) AS days
              FROM assignment
             WHERE full_time AND starts_on <= :last AND (ends_on IS NULL OR ends_on >= :first)
             GROUP BY station_id""")
    List<FullTimeYears> fullTimeDays(LocalDate first, LocalDate last);
}
