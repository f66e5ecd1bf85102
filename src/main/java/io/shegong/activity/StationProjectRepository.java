package io.shegong.activity;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.DataType;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Station projects of the bound tenant. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface StationProjectRepository extends GenericRepository<StationProject, UUID> {

    StationProject save(StationProject project);

    /** Writes every field at the version read; a stale version throws OptimisticLockException. */
    StationProject update(StationProject project);

    Optional<StationProject> findById(UUID id);

    @Query("SELECT * FROM station_project WHERE id = ANY(CAST(:ids AS uuid[]))")
    List<StationProject> byIds(@TypeDef(type = DataType.STRING_ARRAY) String[] ids);

    /** Newest year first, then by when they start. */
    @Query("""
            SELECT * FROM station_project WHERE station_id = ANY(CAST(:stationIds AS uuid[]))
             ORDER BY year DESC, starts_on, name""")
    List<StationProject> atStations(@TypeDef(type = DataType.STRING_ARRAY) String[] stationIds);
}
