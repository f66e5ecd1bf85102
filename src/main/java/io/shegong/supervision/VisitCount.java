package io.shegong.supervision;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.data.annotation.MappedProperty;
import io.micronaut.data.annotation.NamingStrategy;
import io.shegong.core.db.ColumnNames;

/** Visits of one kind in a period. */
@Introspected
@NamingStrategy(ColumnNames.class)
public record VisitCount(@MappedProperty("kind") String kind, @MappedProperty("n") Long n) {
}
