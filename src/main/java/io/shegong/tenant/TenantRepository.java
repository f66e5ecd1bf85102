package io.shegong.tenant;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.DataType;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The tenant registry. It is platform-level: readable in any unit of work, tenant-bound or not.
 * The binding itself reads `tenant` in {@link io.shegong.core.db.Session}, not here.
 */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface TenantRepository extends GenericRepository<Tenant, UUID> {

    Optional<Tenant> findById(UUID id);

    Optional<Tenant> findByCode(String code);

    boolean existsByCode(String code);

    @Query("SELECT * FROM tenant WHERE id = ANY(CAST(:ids AS uuid[]))")
    List<Tenant> byIds(@TypeDef(type = DataType.STRING_ARRAY) String[] ids);

    @Query("SELECT * FROM tenant WHERE code > coalesce(:afterCode, '') ORDER BY code LIMIT :limit")
    List<Tenant> page(@Nullable String afterCode, int limit);

    @Query("SELECT count(*) FROM tenant")
    int count();

    Tenant save(Tenant tenant);

    /**
     * Switches a tenant on or off and answers the rows changed, 0 when there is no such tenant.
     * Clients send no version for this: switching a tenant to the state it already has is
     * harmless, so the last switch wins.
     */
    @Query("UPDATE tenant SET active = :active, version = version + 1, updated_at = now() WHERE id = :id")
    int setActive(UUID id, boolean active);
}
