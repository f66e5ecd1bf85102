package io.shegong.supervision;

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
 * What a supervisor found on a visit. With a deadline it is a rectification (整改) the station
 * owes: OPEN until the station reports it done, REPORTED until a re-inspection closes it (or
 * reopens it, back to OPEN). Without one it is only NOTED.
 */
@MappedEntity("supervision_finding")
@NamingStrategy(ColumnNames.class)
public record SupervisionFinding(
        @MappedProperty("id") @Id UUID id,
        @MappedProperty("visit_id") UUID visitId,
        @MappedProperty("station_id") UUID stationId,
        @MappedProperty("description") String description,
        @MappedProperty("rule") @Nullable String rule,
        @MappedProperty("rectify_by") @Nullable LocalDate rectifyBy,
        @MappedProperty("status") String status,
        @MappedProperty("reported_on") @Nullable LocalDate reportedOn,
        @MappedProperty("report") @Nullable String report,
        @MappedProperty("reinspected_on") @Nullable LocalDate reinspectedOn,
        @MappedProperty("reinspection_note") @Nullable String reinspectionNote,
        @MappedProperty("version") @Version int version,
        @MappedProperty("recorded_by") String recordedBy) implements Identified {

    public enum Status { NOTED, OPEN, REPORTED, CLOSED }

    SupervisionFinding reported(LocalDate on, String text, int read) {
        return new SupervisionFinding(id, visitId, stationId, description, rule, rectifyBy, Status.REPORTED.name(), on, text,
                reinspectedOn, reinspectionNote, read, recordedBy);
    }

    SupervisionFinding reinspected(boolean closed, LocalDate on, String note, int read) {
        return new SupervisionFinding(id, visitId, stationId, description, rule, rectifyBy,
                (closed ? Status.CLOSED : Status.OPEN).name(), reportedOn, report, on, note, read, recordedBy);
    }

    /**
     * Whether the rectification was owed past its deadline on a day, as it stood then: not yet
     * reported by that day, or reported and reopened by a re-inspection by then.
     */
    public boolean overdueOn(LocalDate day) {
        if (rectifyBy == null || !rectifyBy.isBefore(day)) {
            return false;
        }
        boolean reportedBy = reportedOn != null && !reportedOn.isAfter(day);
        boolean reopenedBy = Status.OPEN.name().equals(status) && reinspectedOn != null && !reinspectedOn.isAfter(day);
        return !reportedBy || reopenedBy;
    }
}
