package io.shegong.worker;

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

/** Workers' posts at stations. Lists come most recent first, as `assignmentHistory` shows them. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface AssignmentRepository extends GenericRepository<Assignment, UUID> {

    Optional<Assignment> findById(UUID id);

    @Query("SELECT * FROM assignment WHERE id = ANY(CAST(:ids AS uuid[]))")
    List<Assignment> byIds(@TypeDef(type = DataType.STRING_ARRAY) String[] ids);

    @Query("SELECT * FROM assignment WHERE worker_id = ANY(CAST(:workerIds AS uuid[])) ORDER BY starts_on DESC, id")
    List<Assignment> ofWorkers(@TypeDef(type = DataType.STRING_ARRAY) String[] workerIds);

    @Query("SELECT * FROM assignment WHERE station_id = ANY(CAST(:stationIds AS uuid[])) ORDER BY starts_on DESC, id")
    List<Assignment> atStations(@TypeDef(type = DataType.STRING_ARRAY) String[] stationIds);

    /** As {@link #atStations}, each post with its worker. */
    @Query("SELECT " + PostWithWorker.COLUMNS + """
             FROM assignment a JOIN social_worker w ON w.tenant_id = a.tenant_id AND w.id = a.worker_id
            WHERE a.station_id = ANY(CAST(:stationIds AS uuid[])) ORDER BY a.starts_on DESC, a.id""")
    List<PostWithWorker> atStationsWithWorkers(@TypeDef(type = DataType.STRING_ARRAY) String[] stationIds);

    /** Each worker's first post's day, over all their posts. */
    @Query("""
            SELECT worker_id, min(starts_on) AS starts_on FROM assignment
             WHERE worker_id = ANY(CAST(:workerIds AS uuid[])) GROUP BY worker_id""")
    List<FirstStart> firstStarts(@TypeDef(type = DataType.STRING_ARRAY) String[] workerIds);

    Assignment save(Assignment assignment);

    /** Writes every field at the version read; a stale version throws OptimisticLockException. */
    Assignment update(Assignment assignment);

    /**
     * Ends every post at a station that is still open on the given date, in one statement. A post
     * that would only start later ends on its first day, since a post cannot end before it starts;
     * each moves to its next version, so a client still holding the old one gets CONFLICT.
     */
    @Query("""
            UPDATE assignment SET ends_on = greatest(starts_on, :on), version = version + 1, updated_at = now()
             WHERE station_id = :stationId AND (ends_on IS NULL OR ends_on > :on)""")
    void endAllAt(UUID stationId, LocalDate on);
}
