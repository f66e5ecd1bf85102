package io.shegong.contract;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.DataType;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.List;
import java.util.UUID;

/** A contract's deliverables. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface ContractDeliverableRepository extends GenericRepository<ContractDeliverable, UUID> {

    @Query("""
            INSERT INTO contract_deliverable (contract_id, position, description, quantity, unit, standard, slot)
            VALUES (:contractId, :position, :description, :quantity, :unit, :standard, :slot)""")
    void insert(UUID contractId, int position, String description, int quantity, String unit,
                @io.micronaut.core.annotation.Nullable String standard, @io.micronaut.core.annotation.Nullable String slot);

    @Query("DELETE FROM contract_deliverable WHERE contract_id = :contractId")
    void deleteOf(UUID contractId);

    @Query("SELECT * FROM contract_deliverable WHERE contract_id = ANY(CAST(:contractIds AS uuid[])) ORDER BY position")
    List<ContractDeliverable> of(@TypeDef(type = DataType.STRING_ARRAY) String[] contractIds);
}
