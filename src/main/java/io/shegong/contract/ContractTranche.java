package io.shegong.contract;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import io.micronaut.data.annotation.NamingStrategy;
import io.shegong.core.db.ColumnNames;
import io.shegong.core.graphql.Identified;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** One payment of a contract's schedule: due on a day within the term, on a condition. */
@MappedEntity("contract_tranche")
@NamingStrategy(ColumnNames.class)
public record ContractTranche(
        @MappedProperty("id") @Id UUID id,
        @MappedProperty("contract_id") UUID contractId,
        @MappedProperty("position") int position,
        @MappedProperty("due_on") LocalDate dueOn,
        @MappedProperty("amount") BigDecimal amount,
        @MappedProperty("condition") @Nullable String condition) implements Identified {
}
