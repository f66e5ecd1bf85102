package io.shegong.activity;

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
 * A featured case (典型案例) a station writes up for its year, which the bureau accepts or returns
 * with a comment. A returned case does not count toward the station's yearly minimum until it is
 * submitted again.
 */
@MappedEntity("featured_case")
@NamingStrategy(ColumnNames.class)
public record FeaturedCase(
        @MappedProperty("id") @Id UUID id,
        @MappedProperty("station_id") UUID stationId,
        @MappedProperty("worker_id") @Nullable UUID workerId,
        @MappedProperty("year") int year,
        @MappedProperty("kind") String kind,
        @MappedProperty("title") String title,
        @MappedProperty("summary") String summary,
        @MappedProperty("body") String body,
        @MappedProperty("status") String status,
        @MappedProperty("submitted_on") LocalDate submittedOn,
        @MappedProperty("submitted_by") String submittedBy,
        @MappedProperty("reviewed_on") @Nullable LocalDate reviewedOn,
        @MappedProperty("reviewed_by") @Nullable String reviewedBy,
        @MappedProperty("review_comment") @Nullable String reviewComment,
        @MappedProperty("version") @Version int version) implements Identified {

    public enum Status { SUBMITTED, ACCEPTED, RETURNED }

    /** The bureau's decision, at the version the reviewer read. */
    FeaturedCase reviewed(Status decision, LocalDate on, String by, String comment, int read) {
        return new FeaturedCase(id, stationId, workerId, year, kind, title, summary, body, decision.name(), submittedOn,
                submittedBy, on, by, comment, read);
    }
}
