package io.shegong.target;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import io.micronaut.data.annotation.NamingStrategy;
import io.micronaut.data.annotation.Version;
import io.shegong.core.db.ColumnNames;
import io.shegong.core.graphql.Identified;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A facility a bureau counts in its targets, a school so far: served by a station from
 * `servedSince`, which is what "school social work in N schools" (驻校社工服务落地) counts.
 */
@MappedEntity("host_facility")
@NamingStrategy(ColumnNames.class)
public record HostFacility(
        @MappedProperty("id") @Id UUID id,
        @MappedProperty("kind") String kind,
        @MappedProperty("name") String name,
        @MappedProperty("division_id") UUID divisionId,
        @MappedProperty("station_id") @Nullable UUID stationId,
        @MappedProperty("served_since") @Nullable LocalDate servedSince,
        @MappedProperty("version") @Version int version) implements Identified {

    public enum Kind { SCHOOL }

    HostFacility servedBy(@Nullable UUID station, @Nullable LocalDate since, String newName, int read) {
        return new HostFacility(id, kind, newName, divisionId, station, since, read);
    }
}
