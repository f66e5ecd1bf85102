package io.shegong.station;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.DateCreated;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import io.micronaut.data.annotation.NamingStrategy;
import io.shegong.core.db.ColumnNames;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** One step of a station's life cycle, with who recorded it. */
@MappedEntity("station_status_change")
@NamingStrategy(ColumnNames.class)
public record StationStatusChange(
        @MappedProperty("id") @Id UUID id,
        @MappedProperty("station_id") UUID stationId,
        @MappedProperty("status") String status,
        @MappedProperty("effective_on") LocalDate effectiveOn,
        @MappedProperty("note") @Nullable String note,
        @MappedProperty("recorded_by") String recordedBy,
        @MappedProperty("recorded_at") @Nullable @DateCreated Instant recordedAt) {
}
