package io.shegong.supervision;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.DateCreated;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.shegong.core.graphql.Identified;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * An on-site supervision visit (督导) to a station. Its tenant is the bound one (the column's
 * default), never a field of the record.
 */
@MappedEntity("supervision_visit")
public record SupervisionVisit(@Id UUID id, UUID stationId, LocalDate visitedOn, String supervisor, String findings,
                               String recordedBy, @Nullable @DateCreated Instant recordedAt) implements Identified {
}
