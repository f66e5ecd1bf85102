package io.shegong.contract;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.MappedProperty;
import io.micronaut.data.annotation.NamingStrategy;
import io.shegong.core.db.ColumnNames;

import java.time.LocalDate;
import java.util.UUID;

/** A post at a station with its worker's employer, what the contract rules read of staffing. */
@Introspected
@NamingStrategy(ColumnNames.class)
public record StaffedPost(
        @MappedProperty("station_id") UUID stationId,
        @MappedProperty("worker_id") UUID workerId,
        @MappedProperty("starts_on") LocalDate startsOn,
        @MappedProperty("ends_on") @Nullable LocalDate endsOn,
        @MappedProperty("employer_id") @Nullable UUID employerId) {

    boolean onPostOn(LocalDate day) {
        return !startsOn.isAfter(day) && (endsOn == null || !endsOn.isBefore(day));
    }
}
