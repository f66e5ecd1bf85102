package io.shegong.brief;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.DataType;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import io.shegong.supervision.SupervisionFinding;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The rectifications a month's brief weighs: those past their deadline by its day, and those a
 * re-inspection closed in the month. Whether one was overdue on a day is the finding's own rule
 * (`SupervisionFinding.overdueOn`), so only the candidates are read here.
 */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface BriefFindingRepository extends GenericRepository<SupervisionFinding, UUID> {

    @Query("""
            SELECT * FROM supervision_finding
             WHERE rectify_by IS NOT NULL
               AND (rectify_by < :asOf OR reinspected_on BETWEEN :from AND :to)
               AND (CAST(:everyStation AS boolean) OR station_id = ANY(CAST(:stationIds AS uuid[])))""")
    List<SupervisionFinding> weighed(LocalDate from, LocalDate to, LocalDate asOf, boolean everyStation,
                                     @TypeDef(type = DataType.STRING_ARRAY) String[] stationIds);
}
