package io.shegong.contract;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.DataType;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Operators of the bound tenant, and the employer recorded on its workers. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface OperatorRepository extends GenericRepository<Operator, UUID> {

    Operator save(Operator operator);

    /** Writes every field at the version read; a stale version throws OptimisticLockException. */
    Operator update(Operator operator);

    Optional<Operator> findById(UUID id);

    boolean existsByCreditCode(String creditCode);

    @Query("SELECT * FROM operator WHERE id = ANY(CAST(:ids AS uuid[]))")
    List<Operator> byIds(@TypeDef(type = DataType.STRING_ARRAY) String[] ids);

    @Query("SELECT * FROM operator ORDER BY name, id")
    List<Operator> all();

    /** Records (or clears, with null) the operator employing a worker; false when no such worker. */
    @Query("UPDATE social_worker SET employer_id = CAST(:operatorId AS uuid) WHERE id = :workerId")
    long setEmployer(UUID workerId, @io.micronaut.core.annotation.Nullable String operatorId);

    /** Worker id and employer id, for the workers given that have an employer recorded. */
    @Query("SELECT id AS worker_id, employer_id AS operator_id FROM social_worker WHERE id = ANY(CAST(:ids AS uuid[])) AND employer_id IS NOT NULL")
    List<Employment> employers(@TypeDef(type = DataType.STRING_ARRAY) String[] ids);

    @Query("SELECT id FROM social_worker WHERE employer_id = ANY(CAST(:operatorIds AS uuid[])) ORDER BY name, id")
    List<UUID> staffIds(@TypeDef(type = DataType.STRING_ARRAY) String[] operatorIds);

    @Query("SELECT id AS worker_id, employer_id AS operator_id FROM social_worker WHERE employer_id = ANY(CAST(:operatorIds AS uuid[])) ORDER BY name, id")
    List<Employment> staff(@TypeDef(type = DataType.STRING_ARRAY) String[] operatorIds);
}
