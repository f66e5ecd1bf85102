package io.shegong.division;

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

/**
 * A division's staffing attributes from a date on: what compliance reads for a past date. No
 * date means "as first recorded", read before the first dated change.
 */
@MappedEntity("division_attributes")
@NamingStrategy(ColumnNames.class)
public record DivisionAttributes(
        @MappedProperty("id") @Id UUID id,
        @MappedProperty("division_id") UUID divisionId,
        @MappedProperty("effective_on") @Nullable LocalDate effectiveOn,
        @MappedProperty("community_count") @Nullable Integer communityCount,
        @MappedProperty("zone") @Nullable String zone,
        @MappedProperty("recorded_by") String recordedBy,
        @MappedProperty("recorded_at") @Nullable @DateCreated Instant recordedAt) {
}
