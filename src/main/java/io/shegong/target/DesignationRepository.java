package io.shegong.target;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.DataType;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Designations of the bound tenant. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface DesignationRepository extends GenericRepository<Designation, UUID> {

    Designation save(Designation designation);

    /** Writes every field at the version read; a stale version throws OptimisticLockException. */
    Designation update(Designation designation);

    Optional<Designation> findById(UUID id);

    @Query("SELECT * FROM designation WHERE id = ANY(CAST(:ids AS uuid[]))")
    List<Designation> byIds(@TypeDef(type = DataType.STRING_ARRAY) String[] ids);

    @Query("SELECT * FROM designation WHERE station_id = ANY(CAST(:stationIds AS uuid[])) ORDER BY awarded_on, id")
    List<Designation> ofStations(@TypeDef(type = DataType.STRING_ARRAY) String[] stationIds);

    @Query("SELECT * FROM designation WHERE worker_id = ANY(CAST(:workerIds AS uuid[])) ORDER BY awarded_on, id")
    List<Designation> ofWorkers(@TypeDef(type = DataType.STRING_ARRAY) String[] workerIds);

    /** Every designation of the bureau: what targets count, on any day. */
    @Query("SELECT * FROM designation ORDER BY awarded_on, id")
    List<Designation> all();
}
