package io.shegong.contract;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.DataType;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.List;
import java.util.UUID;

/** Contracts' evaluations. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface ContractEvaluationRepository extends GenericRepository<ContractEvaluation, UUID> {

    ContractEvaluation save(ContractEvaluation evaluation);

    @Query("SELECT * FROM contract_evaluation WHERE id = ANY(CAST(:ids AS uuid[]))")
    List<ContractEvaluation> byIds(@TypeDef(type = DataType.STRING_ARRAY) String[] ids);

    @Query("SELECT * FROM contract_evaluation WHERE contract_id = ANY(CAST(:contractIds AS uuid[])) ORDER BY contract_year, evaluated_on, recorded_at")
    List<ContractEvaluation> of(@TypeDef(type = DataType.STRING_ARRAY) String[] contractIds);
}
