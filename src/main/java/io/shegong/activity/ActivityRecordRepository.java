package io.shegong.activity;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.DataType;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Activity records of the bound tenant; recorded, never changed. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface ActivityRecordRepository extends GenericRepository<ActivityRecord, UUID> {

    ActivityRecord save(ActivityRecord record);

    @Query("SELECT * FROM activity_record WHERE id = ANY(CAST(:ids AS uuid[]))")
    List<ActivityRecord> byIds(@TypeDef(type = DataType.STRING_ARRAY) String[] ids);

    /** The stations' records held within a period, both days included, oldest first. */
    @Query("""
            SELECT * FROM activity_record WHERE station_id = ANY(CAST(:stationIds AS uuid[]))
               AND held_on BETWEEN :from AND :to ORDER BY held_on, recorded_at""")
    List<ActivityRecord> atStations(@TypeDef(type = DataType.STRING_ARRAY) String[] stationIds, LocalDate from, LocalDate to);

    /**
     * The tenant's records within a period summed by the division of their station and by month,
     * in one statement; only stations located in the division's subtree when one is given.
     */
    @Query("""
            SELECT s.division_id, to_char(a.held_on, 'YYYY-MM') AS month, count(*) AS records,
                   sum(a.hours)::float8 AS hours,
                   sum(coalesce((SELECT sum(value::int) FROM jsonb_each_text(a.beneficiaries)), 0))::bigint AS served,
                   sum(a.volunteers)::bigint AS volunteers, sum(a.volunteer_hours)::float8 AS volunteer_hours
              FROM activity_record a JOIN station s ON s.tenant_id = a.tenant_id AND s.id = a.station_id
             WHERE a.held_on BETWEEN :from AND :to
               AND (CAST(:divisionId AS uuid) IS NULL OR s.division_id IN (
                       WITH RECURSIVE sub AS (
                           SELECT id FROM division WHERE id = CAST(:divisionId AS uuid)
                           UNION ALL
                           SELECT d.id FROM division d JOIN sub ON d.parent_id = sub.id)
                       SELECT id FROM sub))
             GROUP BY s.division_id, month ORDER BY month, s.division_id""")
    List<MonthTotals> byDivisionAndMonth(LocalDate from, LocalDate to, @io.micronaut.core.annotation.Nullable UUID divisionId);
}
