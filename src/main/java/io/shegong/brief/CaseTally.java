package io.shegong.brief;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.data.annotation.MappedProperty;
import io.micronaut.data.annotation.NamingStrategy;
import io.shegong.core.db.ColumnNames;

/** Featured cases over a month: submitted in it, and accepted or returned by the bureau in it. */
@Introspected
@NamingStrategy(ColumnNames.class)
public record CaseTally(@MappedProperty("submitted") Long submitted, @MappedProperty("accepted") Long accepted,
                        @MappedProperty("returned") Long returned) {
}
