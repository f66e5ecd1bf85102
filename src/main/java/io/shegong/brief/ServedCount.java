package io.shegong.brief;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.data.annotation.MappedProperty;
import io.micronaut.data.annotation.NamingStrategy;
import io.shegong.core.db.ColumnNames;

/** People served in one category in one month (`YYYY-MM`), summed in the database. */
@Introspected
@NamingStrategy(ColumnNames.class)
public record ServedCount(@MappedProperty("month") String month, @MappedProperty("code") String code,
                          @MappedProperty("n") Long n) {
}
