package io.shegong.supervision;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.DataType;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Supervision findings of the bound tenant. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface SupervisionFindingRepository extends GenericRepository<SupervisionFinding, UUID> {

    SupervisionFinding save(SupervisionFinding finding);

    /** Writes every field at the version read; a stale version throws OptimisticLockException. */
    SupervisionFinding update(SupervisionFinding finding);

    Optional<SupervisionFinding> findById(UUID id);

    @Query("SELECT * FROM supervision_finding WHERE id = ANY(CAST(:ids AS uuid[]))")
    List<SupervisionFinding> byIds(@TypeDef(type = DataType.STRING_ARRAY) String[] ids);

    @Query("SELECT * FROM supervision_finding WHERE visit_id = ANY(CAST(:visitIds AS uuid[])) ORDER BY recorded_at, id")
    List<SupervisionFinding> ofVisits(@TypeDef(type = DataType.STRING_ARRAY) String[] visitIds);

    /** The stations' rectifications whose deadline passed before a day: what compliance reads for overdue ones. */
    @Query("""
            SELECT * FROM supervision_finding WHERE station_id = ANY(CAST(:stationIds AS uuid[]))
               AND rectify_by < :on ORDER BY rectify_by, id""")
    List<SupervisionFinding> dueBefore(@TypeDef(type = DataType.STRING_ARRAY) String[] stationIds, java.time.LocalDate on);
}
