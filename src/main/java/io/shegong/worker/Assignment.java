package io.shegong.worker;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.DateCreated;
import io.micronaut.data.annotation.DateUpdated;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import io.micronaut.data.annotation.NamingStrategy;
import io.micronaut.data.annotation.Version;
import io.shegong.core.db.ColumnNames;
import io.shegong.core.graphql.Identified;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * A worker's post at a station from one date to another. The timestamps are not in the API; they
 * are mapped so that an update keeps {@code updated_at} current, in microseconds as SocialWorker's.
 */
@MappedEntity("assignment")
@NamingStrategy(ColumnNames.class)
public record Assignment(
        @MappedProperty("id") @Id UUID id,
        @MappedProperty("worker_id") UUID workerId,
        @MappedProperty("station_id") UUID stationId,
        @MappedProperty("role") String role,
        @MappedProperty("starts_on") LocalDate startsOn,
        @MappedProperty("ends_on") @Nullable LocalDate endsOn,
        @MappedProperty("full_time") boolean fullTime,
        @MappedProperty("version") @Version int version,
        @MappedProperty("created_at") @Nullable @DateCreated(truncatedTo = ChronoUnit.MICROS) Instant createdAt,
        @MappedProperty("updated_at") @Nullable @DateUpdated(truncatedTo = ChronoUnit.MICROS) Instant updatedAt)
        implements Identified {

    public enum Role { HEAD, DEPUTY_HEAD, SOCIAL_WORKER, SUPERVISOR }

    /** Started and not yet ended on the given date; "current" is this on the bureau's today. */
    public boolean currentOn(LocalDate day) {
        return overlaps(day, day);
    }

    /** Whether the post shares a day with the period from one date to another (open-ended when null). */
    boolean overlaps(LocalDate from, LocalDate to) {
        return (endsOn == null || !endsOn.isBefore(from)) && (to == null || !startsOn.isAfter(to));
    }

    /** The same post ending on a date, at the version a client read (the update checks it). */
    Assignment endingOn(LocalDate on, int read) {
        return new Assignment(id, workerId, stationId, role, startsOn, on, fullTime, read, createdAt, updatedAt);
    }
}
