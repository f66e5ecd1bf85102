package io.shegong.activity;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.data.annotation.MappedProperty;
import io.micronaut.data.annotation.NamingStrategy;
import io.shegong.core.db.ColumnNames;

import java.util.UUID;

/** How many featured cases of a kind a station has submitted in a year (returned ones left out). */
@Introspected
@NamingStrategy(ColumnNames.class)
public record CaseCount(@MappedProperty("station_id") UUID stationId, @MappedProperty("kind") String kind,
                        @MappedProperty("n") Long n) {
}
