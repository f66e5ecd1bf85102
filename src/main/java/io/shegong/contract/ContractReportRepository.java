package io.shegong.contract;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.DataType;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Contracts' reports, and their figures summed from the activity records. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface ContractReportRepository extends GenericRepository<ContractReport, UUID> {

    ContractReport save(ContractReport report);

    ContractReport update(ContractReport report);

    Optional<ContractReport> findById(UUID id);

    @Query("SELECT * FROM contract_report WHERE id = ANY(CAST(:ids AS uuid[]))")
    List<ContractReport> byIds(@TypeDef(type = DataType.STRING_ARRAY) String[] ids);

    @Query("SELECT * FROM contract_report WHERE contract_id = ANY(CAST(:contractIds AS uuid[])) ORDER BY period_start DESC, recorded_at DESC")
    List<ContractReport> of(@TypeDef(type = DataType.STRING_ARRAY) String[] contractIds);

    /**
     * Each report's period summed over the activity records of its contract's stations, in one
     * statement for any number of reports; people served are counted as the activity summary
     * counts them (the sum of a record's categories).
     */
    @Query("""
            SELECT r.id AS report_id, count(a.id) AS sessions, coalesce(sum(a.hours), 0)::float8 AS hours,
                   coalesce(sum((SELECT sum(value::int) FROM jsonb_each_text(a.beneficiaries))), 0)::bigint AS beneficiaries
              FROM contract_report r
              JOIN contract_station cs ON cs.contract_id = r.contract_id
              LEFT JOIN activity_record a ON a.station_id = cs.station_id AND a.held_on BETWEEN r.period_start AND r.period_end
             WHERE r.id = ANY(CAST(:ids AS uuid[]))
             GROUP BY r.id""")
    List<ReportFigures> figures(@TypeDef(type = DataType.STRING_ARRAY) String[] ids);
}
