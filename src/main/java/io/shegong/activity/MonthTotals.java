package io.shegong.activity;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.data.annotation.MappedProperty;
import io.micronaut.data.annotation.NamingStrategy;
import io.shegong.core.db.ColumnNames;

import java.util.UUID;

/**
 * A division's activity in one month: records, hours, people served and volunteers, summed in
 * the database (a year of a bureau's records is far too many to carry here). Typed as the driver
 * answers.
 */
@Introspected
@NamingStrategy(ColumnNames.class)
public record MonthTotals(
        @MappedProperty("division_id") UUID divisionId,
        @MappedProperty("month") String month,
        @MappedProperty("records") Long records,
        @MappedProperty("hours") Double hours,
        @MappedProperty("served") Long served,
        @MappedProperty("volunteers") Long volunteers,
        @MappedProperty("volunteer_hours") Double volunteerHours) {
}
