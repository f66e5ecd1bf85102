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
 * A title a bureau's targets and rules count: a station made a demonstration station (示范站), a
 * worker named a leading talent (领军人才) or a supervisor (督导), at a level, held from
 * `awardedOn` until `endsOn` (exclusive) when it ends.
 */
@MappedEntity("designation")
@NamingStrategy(ColumnNames.class)
public record Designation(
        @MappedProperty("id") @Id UUID id,
        @MappedProperty("kind") String kind,
        @MappedProperty("level") String level,
        @MappedProperty("station_id") @Nullable UUID stationId,
        @MappedProperty("worker_id") @Nullable UUID workerId,
        @MappedProperty("title") @Nullable String title,
        @MappedProperty("awarded_on") LocalDate awardedOn,
        @MappedProperty("ends_on") @Nullable LocalDate endsOn,
        @MappedProperty("reference") @Nullable String reference,
        @MappedProperty("version") @Version int version,
        @MappedProperty("recorded_by") String recordedBy) implements Identified {

    /** What is designated: DEMONSTRATION names a station, the others a worker. */
    public enum Kind {
        DEMONSTRATION, LEADING_TALENT, SUPERVISOR;

        public boolean ofStation() {
            return this == DEMONSTRATION;
        }
    }

    /** Who awarded it, lowest first: a rule "at city level or above" reads the rank. */
    public enum Level { DISTRICT, CITY, PROVINCIAL, NATIONAL }

    public boolean heldOn(LocalDate day) {
        return !awardedOn.isAfter(day) && (endsOn == null || endsOn.isAfter(day));
    }

    /** The level's rank, 1 (district) to 4 (national). */
    public int levelRank() {
        return Level.valueOf(level).ordinal() + 1;
    }

    Designation ending(LocalDate on, int read) {
        return new Designation(id, kind, level, stationId, workerId, title, awardedOn, on, reference, read, recordedBy);
    }
}
