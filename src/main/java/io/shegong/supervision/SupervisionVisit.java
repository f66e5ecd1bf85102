package io.shegong.supervision;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.DateCreated;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import io.micronaut.data.annotation.NamingStrategy;
import io.shegong.core.db.ColumnNames;
import io.shegong.core.graphql.Identified;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A supervision visit (督导) to a station: on site, a project's monitoring evaluation, or a
 * consultation. Its tenant is the bound one (the column's
 * default), never a field of the record.
 */
@MappedEntity("supervision_visit")
@NamingStrategy(ColumnNames.class)
public record SupervisionVisit(
        @MappedProperty("id") @Id UUID id,
        @MappedProperty("station_id") UUID stationId,
        @MappedProperty("visited_on") LocalDate visitedOn,
        @MappedProperty("kind") String kind,
        @MappedProperty("supervisor") String supervisor,
        @MappedProperty("findings") String findings,
        @MappedProperty("recorded_by") String recordedBy,
        @MappedProperty("recorded_at") @Nullable @DateCreated Instant recordedAt) implements Identified {
}
