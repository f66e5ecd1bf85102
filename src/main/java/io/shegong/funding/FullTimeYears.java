package io.shegong.funding;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.data.annotation.MappedProperty;
import io.micronaut.data.annotation.NamingStrategy;
import io.shegong.core.db.ColumnNames;

import java.util.UUID;

/**
 * The days of full-time posts a station held in a fiscal year, summed over its posts: divided by
 * the days of the year it is the number of full-time workers the year paid for, so that a post
 * held half the year counts half a worker.
 */
@Introspected
@NamingStrategy(ColumnNames.class)
public record FullTimeYears(@MappedProperty("station_id") UUID stationId, @MappedProperty("days") long days) {
}
