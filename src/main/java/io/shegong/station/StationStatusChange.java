package io.shegong.station;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

public record StationStatusChange(UUID stationId, String status, LocalDate effectiveOn, String note,
                                  String recordedBy, Instant recordedAt) {
}
