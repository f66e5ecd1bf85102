package io.shegong.brief;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.DataType;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import io.shegong.activity.ActivityRecord;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The brief's sums that the other features' queries do not give: people served by category, and
 * featured cases and rectifications counted over a month. Each is one statement for any number of
 * stations; `everyStation` reads the whole tenant, otherwise only the stations listed.
 */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface BriefRepository extends GenericRepository<ActivityRecord, UUID> {

    /**
     * People served by month and category, most served first: the whole months `[wholeFrom,
     * wholeTo)` from the totals kept by month, the days around them record by record.
     */
    @Query("""
            WITH counts AS (
                SELECT station_id, month, beneficiaries FROM activity_month
                 WHERE month >= :wholeFrom AND month < :wholeTo
                UNION ALL
                SELECT station_id, date_trunc('month', held_on)::date, beneficiaries FROM activity_record
                 WHERE (held_on >= :from AND held_on < :wholeFrom) OR (held_on >= :wholeTo AND held_on <= :to))
            SELECT to_char(c.month, 'YYYY-MM') AS month, b.key AS code, sum(b.value::int)::bigint AS n
              FROM counts c CROSS JOIN LATERAL jsonb_each_text(c.beneficiaries) b
             WHERE CAST(:everyStation AS boolean) OR c.station_id = ANY(CAST(:stationIds AS uuid[]))
             GROUP BY c.month, code ORDER BY c.month, n DESC, code""")
    List<ServedCount> served(LocalDate from, LocalDate to, LocalDate wholeFrom, LocalDate wholeTo, boolean everyStation,
                             @TypeDef(type = DataType.STRING_ARRAY) String[] stationIds);

    /**
     * Featured cases submitted in the period, and those accepted or returned in it (by the day of
     * the bureau's review).
     */
    @Query("""
            SELECT count(*) FILTER (WHERE submitted_on BETWEEN :from AND :to) AS submitted,
                   count(*) FILTER (WHERE status = 'ACCEPTED' AND reviewed_on BETWEEN :from AND :to) AS accepted,
                   count(*) FILTER (WHERE status = 'RETURNED' AND reviewed_on BETWEEN :from AND :to) AS returned
              FROM featured_case
             WHERE (CAST(:everyStation AS boolean) OR station_id = ANY(CAST(:stationIds AS uuid[])))""")
    CaseTally cases(LocalDate from, LocalDate to, boolean everyStation,
                    @TypeDef(type = DataType.STRING_ARRAY) String[] stationIds);

    /** Rectifications required on visits held in the period. */
    @Query("""
            SELECT count(*) FROM supervision_finding f
              JOIN supervision_visit v ON v.tenant_id = f.tenant_id AND v.id = f.visit_id
             WHERE f.rectify_by IS NOT NULL AND v.visited_on BETWEEN :from AND :to
               AND (CAST(:everyStation AS boolean) OR f.station_id = ANY(CAST(:stationIds AS uuid[])))""")
    long rectificationsOpened(LocalDate from, LocalDate to, boolean everyStation,
                              @TypeDef(type = DataType.STRING_ARRAY) String[] stationIds);
}
