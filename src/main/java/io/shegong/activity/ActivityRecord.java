package io.shegong.activity;

import io.micronaut.data.annotation.DateCreated;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import io.micronaut.data.annotation.NamingStrategy;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;
import io.shegong.core.db.ColumnNames;
import io.shegong.core.graphql.Identified;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One piece of delivered work (服务记录): case work, group work, a community activity or a kind of
 * the bureau's own, with the people served counted by category (never named) and the volunteers
 * who helped. Recorded, never changed.
 */
@MappedEntity("activity_record")
@NamingStrategy(ColumnNames.class)
public record ActivityRecord(
        @MappedProperty("id") @Id UUID id,
        @MappedProperty("station_id") UUID stationId,
        @MappedProperty("project_id") @Nullable UUID projectId,
        @MappedProperty("kind") String kind,
        @MappedProperty("title") String title,
        @MappedProperty("held_on") LocalDate heldOn,
        @MappedProperty("hours") double hours,
        @MappedProperty("worker_ids") @TypeDef(type = DataType.STRING_ARRAY) List<String> workerIds,
        @MappedProperty("beneficiaries") @TypeDef(type = DataType.JSON) Map<String, Integer> beneficiaries,
        @MappedProperty("volunteers") int volunteers,
        @MappedProperty("volunteer_hours") double volunteerHours,
        @MappedProperty("recorded_by") String recordedBy,
        @MappedProperty("recorded_at") @Nullable @DateCreated Instant recordedAt) implements Identified {
}
