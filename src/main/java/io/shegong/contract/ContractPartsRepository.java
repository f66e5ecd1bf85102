package io.shegong.contract;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.DataType;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.List;
import java.util.UUID;

/** A contract's payment tranches. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface ContractPartsRepository extends GenericRepository<ContractTranche, UUID> {

    ContractTranche save(ContractTranche tranche);

    @Query("SELECT * FROM contract_tranche WHERE id = ANY(CAST(:ids AS uuid[]))")
    List<ContractTranche> byIds(@TypeDef(type = DataType.STRING_ARRAY) String[] ids);

    /** The bureau's tranches falling due within a window, both days included, by day. */
    @Query("SELECT * FROM contract_tranche WHERE due_on BETWEEN :from AND :to ORDER BY due_on, contract_id, position")
    List<ContractTranche> dueBetween(java.time.LocalDate from, java.time.LocalDate to);

    @Query("DELETE FROM contract_tranche WHERE contract_id = :contractId")
    void deleteOf(UUID contractId);

    /** Whether the ledger records a payment on any of the contract's tranches. */
    @Query("""
            SELECT EXISTS (SELECT 1 FROM funding_entry f JOIN contract_tranche t ON t.id = f.tranche_id
                            WHERE t.contract_id = :contractId)""")
    boolean paid(UUID contractId);

    @Query("SELECT * FROM contract_tranche WHERE contract_id = ANY(CAST(:contractIds AS uuid[])) ORDER BY position")
    List<ContractTranche> tranchesOf(@TypeDef(type = DataType.STRING_ARRAY) String[] contractIds);
}
