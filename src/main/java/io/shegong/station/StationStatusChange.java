package io.shegong.station;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.DateCreated;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** One step of a station's life cycle, with who recorded it. */
@MappedEntity("station_status_change")
public record StationStatusChange(@Id UUID id, UUID stationId, String status, LocalDate effectiveOn, @Nullable String note,
                                  String recordedBy, @Nullable @DateCreated Instant recordedAt) {
}
