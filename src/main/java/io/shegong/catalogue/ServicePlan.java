package io.shegong.catalogue;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.DateUpdated;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import io.micronaut.data.annotation.NamingStrategy;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.annotation.Version;
import io.micronaut.data.model.DataType;
import io.micronaut.serde.annotation.Serdeable;
import io.shegong.core.db.ColumnNames;
import io.shegong.core.graphql.Identified;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A station's plan for a year: its projects, each in a catalogue slot (and item, where the slot
 * has items). The projects are one jsonb array; the tenant is the bound one (the column's
 * default), never a field of the record.
 */
@MappedEntity("service_plan")
@NamingStrategy(ColumnNames.class)
public record ServicePlan(
        @MappedProperty("id") @Id UUID id,
        @MappedProperty("station_id") UUID stationId,
        @MappedProperty("year") int year,
        @MappedProperty("projects") @TypeDef(type = DataType.JSON) List<Project> projects,
        @MappedProperty("version") @Version int version,
        @MappedProperty("created_by") String createdBy,
        @MappedProperty("updated_at") @Nullable @DateUpdated Instant updatedAt) implements Identified {

    /** One project as the jsonb array holds it; empty fields are left out of it. */
    @Serdeable
    public record Project(String name, String slot, @Nullable String item, @Nullable String description) {
    }

    /** The same plan with other projects, at the version a client read, for an update that checks it. */
    ServicePlan withProjects(List<Project> replaced, int read) {
        return new ServicePlan(id, stationId, year, replaced, read, createdBy, updatedAt);
    }
}
