package io.shegong.catalogue;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.DataType;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The bound tenant's service plans. Id lists are bound as one array, so a batch's SQL never changes. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface ServicePlanRepository extends GenericRepository<ServicePlan, UUID> {

    /** Newest year first. */
    @Query("SELECT * FROM service_plan WHERE station_id = ANY(CAST(:stationIds AS uuid[])) ORDER BY year DESC")
    List<ServicePlan> ofStations(@TypeDef(type = DataType.STRING_ARRAY) String[] stationIds);

    @Query("SELECT * FROM service_plan WHERE id = ANY(CAST(:ids AS uuid[]))")
    List<ServicePlan> byIds(@TypeDef(type = DataType.STRING_ARRAY) String[] ids);

    Optional<ServicePlan> findByStationIdAndYear(UUID stationId, int year);

    ServicePlan save(ServicePlan plan);

    /** Writes every field at the version read; a stale version throws OptimisticLockException. */
    ServicePlan update(ServicePlan plan);
}
