package io.shegong.calendar;

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
 * What closes a due item: the milestone and year it answers, the party that owed it (a station or
 * a division by id, neither for the bureau), when it was done and the evidence. Its tenant is the
 * bound one (the column's default), never a field of the record.
 */
@MappedEntity("due_item_completion")
@NamingStrategy(ColumnNames.class)
public record DueItemCompletion(
        @MappedProperty("id") @Id UUID id,
        @MappedProperty("milestone_code") String milestoneCode,
        @MappedProperty("year") int year,
        @MappedProperty("responsible") String responsible,
        @MappedProperty("station_id") @Nullable UUID stationId,
        @MappedProperty("division_id") @Nullable UUID divisionId,
        @MappedProperty("done_on") LocalDate doneOn,
        @MappedProperty("evidence") String evidence,
        @MappedProperty("recorded_by") String recordedBy,
        @MappedProperty("recorded_at") @Nullable @DateCreated Instant recordedAt) implements Identified {

    /** The item this completion closes. */
    public DueItem.Key key() {
        return new DueItem.Key(milestoneCode, year, stationId != null ? stationId : divisionId);
    }
}
