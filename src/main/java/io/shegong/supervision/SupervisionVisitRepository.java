package io.shegong.supervision;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.DataType;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.List;
import java.util.UUID;

/** Supervision visits of the bound tenant. Visits are recorded, never changed. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface SupervisionVisitRepository extends GenericRepository<SupervisionVisit, UUID> {

    SupervisionVisit save(SupervisionVisit visit);

    @Query("SELECT * FROM supervision_visit WHERE id = ANY(CAST(:ids AS uuid[]))")
    List<SupervisionVisit> byIds(@TypeDef(type = DataType.STRING_ARRAY) String[] ids);

    /** The latest visit first. */
    @Query("""
            SELECT * FROM supervision_visit WHERE station_id = ANY(CAST(:stationIds AS uuid[]))
             ORDER BY visited_on DESC, recorded_at DESC""")
    List<SupervisionVisit> atStations(@TypeDef(type = DataType.STRING_ARRAY) String[] stationIds);

    java.util.Optional<SupervisionVisit> findById(UUID id);

    /** The bureau's visits in a period, counted by kind. */
    @Query("""
            SELECT kind, count(*) AS n FROM supervision_visit WHERE visited_on BETWEEN :from AND :to
             GROUP BY kind ORDER BY kind""")
    List<VisitCount> countsByKind(java.time.LocalDate from, java.time.LocalDate to);
}
