package io.shegong.contract;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import io.micronaut.data.annotation.NamingStrategy;
import io.shegong.core.db.ColumnNames;

import java.util.UUID;

/**
 * What the operator owes under a contract: a quantity of something to a quality standard,
 * optionally one slot of the bureau's service catalogue. Keyed by contract and position; the id
 * component is the contract's, since Micronaut Data wants one.
 */
@MappedEntity("contract_deliverable")
@NamingStrategy(ColumnNames.class)
public record ContractDeliverable(
        @MappedProperty("contract_id") @Id UUID contractId,
        @MappedProperty("position") int position,
        @MappedProperty("description") String description,
        @MappedProperty("quantity") int quantity,
        @MappedProperty("unit") String unit,
        @MappedProperty("standard") @Nullable String standard,
        @MappedProperty("slot") @Nullable String slot) {
}
