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
     * in one statement: the whole months `[wholeFrom, wholeTo)` from the totals kept by month, the
     * days around them record by record; only stations located in the division's subtree when one
     * is given.
     */
    @Query("""
            WITH totals AS (
                SELECT station_id, month, records, hours, served, volunteers, volunteer_hours
                  FROM activity_month WHERE month >= :wholeFrom AND month < :wholeTo
                UNION ALL
                SELECT station_id, date_trunc('month', held_on)::date, 1, hours, people_served(beneficiaries),
                       volunteers, volunteer_hours
                  FROM activity_record
                 WHERE (held_on >= :from AND held_on < :wholeFrom) OR (held_on >= :wholeTo AND held_on <= :to))
            SELECT s.division_id, to_char(t.month, 'YYYY-MM') AS month, sum(t.records)::bigint AS records,
                   sum(t.hours)::float8 AS hours, sum(t.served)::bigint AS served,
                   sum(t.volunteers)::bigint AS volunteers, sum(t.volunteer_hours)::float8 AS volunteer_hours
              FROM totals t JOIN station s ON s.id = t.station_id
             WHERE CAST(:divisionId AS uuid) IS NULL OR s.division_id IN (
                       WITH RECURSIVE sub AS (
                           SELECT id FROM division WHERE id = CAST(:divisionId AS uuid)
                           UNION ALL
                           SELECT d.id FROM division d JOIN sub ON d.parent_id = sub.id)
                       SELECT id FROM sub)
             GROUP BY s.division_id, t.month ORDER BY t.month, s.division_id""")
    List<MonthTotals> byDivisionAndMonth(LocalDate from, LocalDate to, LocalDate wholeFrom, LocalDate wholeTo,
                                         @io.micronaut.core.annotation.Nullable UUID divisionId);
}
