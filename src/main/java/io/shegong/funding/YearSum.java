package io.shegong.funding;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.MappedProperty;
import io.micronaut.data.annotation.NamingStrategy;
import io.shegong.core.db.ColumnNames;

import java.math.BigDecimal;
import java.util.UUID;

/** A station's or a contract's money of one fiscal year, source and kind (allocation or payment), added up in SQL. */
@Introspected
@NamingStrategy(ColumnNames.class)
public record YearSum(@MappedProperty("owner_id") UUID ownerId, @MappedProperty("fiscal_year") int fiscalYear,
                      @MappedProperty("source") String source, @MappedProperty("kind") String kind,
                      @MappedProperty("amount") BigDecimal amount) {
}
