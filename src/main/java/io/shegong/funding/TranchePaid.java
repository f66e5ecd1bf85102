package io.shegong.funding;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.data.annotation.MappedProperty;
import io.micronaut.data.annotation.NamingStrategy;
import io.shegong.core.db.ColumnNames;

import java.math.BigDecimal;
import java.util.UUID;

/** What the ledger's payments naming a tranche add up to, in SQL. */
@Introspected
@NamingStrategy(ColumnNames.class)
public record TranchePaid(@MappedProperty("tranche_id") UUID trancheId, @MappedProperty("paid") BigDecimal paid) {
}
