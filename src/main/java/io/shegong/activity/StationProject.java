package io.shegong.activity;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import io.micronaut.data.annotation.NamingStrategy;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.annotation.Version;
import io.micronaut.data.model.DataType;
import io.shegong.core.db.ColumnNames;
import io.shegong.core.graphql.Identified;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A project a station runs in a plan year, where its plan places it (slot and item), moving
 * through the project cycle with the day each stage was reached.
 */
@MappedEntity("station_project")
@NamingStrategy(ColumnNames.class)
public record StationProject(
        @MappedProperty("id") @Id UUID id,
        @MappedProperty("station_id") UUID stationId,
        @MappedProperty("year") int year,
        @MappedProperty("name") String name,
        @MappedProperty("slot") String slot,
        @MappedProperty("item") @Nullable String item,
        @MappedProperty("stage") String stage,
        @MappedProperty("stage_dates") @TypeDef(type = DataType.JSON) Map<String, String> stageDates,
        @MappedProperty("starts_on") LocalDate startsOn,
        @MappedProperty("responsible_worker_id") @Nullable UUID responsibleWorkerId,
        @MappedProperty("operator") @Nullable String operator,
        @MappedProperty("budget") @Nullable Double budget,
        @MappedProperty("target_beneficiaries") @Nullable Integer targetBeneficiaries,
        @MappedProperty("target_sessions") @Nullable Integer targetSessions,
        @MappedProperty("version") @Version int version,
        @MappedProperty("created_by") String createdBy) implements Identified {

    /** The project cycle (001 五、(四)): 调研、策划、实施、评估、长效开展, in this order. */
    public enum Stage { RESEARCH, PLANNING, IMPLEMENTATION, EVALUATION, LONG_TERM }

    public Stage currentStage() {
        return Stage.valueOf(stage);
    }

    /** The project at a later stage reached on a day, at the version a client read. */
    StationProject advanced(Stage next, LocalDate on, int read) {
        Map<String, String> dates = new LinkedHashMap<>(stageDates);
        dates.put(next.name(), on.toString());
        return new StationProject(id, stationId, year, name, slot, item, next.name(), dates, startsOn, responsibleWorkerId,
                operator, budget, targetBeneficiaries, targetSessions, read, createdBy);
    }

    /** The day the current stage was reached. */
    public LocalDate stageSince() {
        return LocalDate.parse(stageDates.get(stage));
    }
}
