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

/** Host facilities (schools) of the bound tenant. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface HostFacilityRepository extends GenericRepository<HostFacility, UUID> {

    HostFacility save(HostFacility facility);

    /** Writes every field at the version read; a stale version throws OptimisticLockException. */
    HostFacility update(HostFacility facility);

    Optional<HostFacility> findById(UUID id);

    @Query("SELECT * FROM host_facility WHERE id = ANY(CAST(:ids AS uuid[]))")
    List<HostFacility> byIds(@TypeDef(type = DataType.STRING_ARRAY) String[] ids);

    @Query("SELECT * FROM host_facility WHERE station_id = ANY(CAST(:stationIds AS uuid[])) ORDER BY name, id")
    List<HostFacility> ofStations(@TypeDef(type = DataType.STRING_ARRAY) String[] stationIds);

    /** The bureau's facilities of a kind, by name. */
    @Query("SELECT * FROM host_facility WHERE kind = :kind ORDER BY name, id")
    List<HostFacility> ofKind(String kind);

    boolean existsByDivisionIdAndName(UUID divisionId, String name);
}
