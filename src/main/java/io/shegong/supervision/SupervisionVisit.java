package io.shegong.supervision;

import io.shegong.core.graphql.Identified;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** An on-site supervision visit (督导) to a station. */
public record SupervisionVisit(UUID id, UUID stationId, LocalDate visitedOn, String supervisor, String findings,
                               String recordedBy, Instant recordedAt) implements Identified {
}
