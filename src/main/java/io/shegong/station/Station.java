package io.shegong.station;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.DateCreated;
import io.micronaut.data.annotation.DateUpdated;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import io.micronaut.data.annotation.NamingStrategy;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.annotation.Version;
import io.micronaut.data.model.DataType;
import io.shegong.core.db.ColumnNames;
import io.shegong.core.graphql.Identified;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * A social work station; associations are kept as ids and resolved through batch loaders. Its
 * tenant is the bound one (the column's default), never a field of the record.
 */
@MappedEntity("station")
@NamingStrategy(ColumnNames.class)
public record Station(
        @MappedProperty("id") @Id UUID id,
        @MappedProperty("code") String code,
        @MappedProperty("name") String name,
        @MappedProperty("kind_code") String kindCode,
        @MappedProperty("domain") @Nullable String domain,
        @MappedProperty("parent_id") @Nullable UUID parentId,
        @MappedProperty("division_id") UUID divisionId,
        @MappedProperty("host_facility") @Nullable String hostFacility,
        @MappedProperty("operating_mode") String operatingMode,
        @MappedProperty("status") String status,
        @MappedProperty("status_since") LocalDate statusSince,
        @MappedProperty("address") @Nullable String address,
        @MappedProperty("latitude") @Nullable Double latitude,
        @MappedProperty("longitude") @Nullable Double longitude,
        @MappedProperty("rooms") @TypeDef(type = DataType.STRING_ARRAY) List<String> rooms,
        @MappedProperty("rules") @TypeDef(type = DataType.STRING_ARRAY) List<String> rules,
        @MappedProperty("version") @Version int version,
        @MappedProperty("created_at") @Nullable @DateCreated(truncatedTo = ChronoUnit.MICROS) Instant createdAt,
        @MappedProperty("updated_at") @Nullable @DateUpdated(truncatedTo = ChronoUnit.MICROS) Instant updatedAt) implements Identified {

    public enum Status { PLANNED, SITE_SELECTED, SIGNED, OPERATING, SUSPENDED, CLOSED }

    public enum OperatingMode { SELF_RUN, GOVERNMENT_AND_THIRD_PARTY, MIXED, PURCHASED }

    public Status currentStatus() {
        return Status.valueOf(status);
    }

    /** The same station as read at a version (a client's), for an update that checks it. */
    Station atVersion(int read) {
        return new Station(id, code, name, kindCode, domain, parentId, divisionId, hostFacility, operatingMode,
                status, statusSince, address, latitude, longitude, rooms, rules, read, createdAt, updatedAt);
    }

    /** The same station in another status, at the version read (the update checks it). */
    Station withStatus(Status next, LocalDate since) {
        return new Station(id, code, name, kindCode, domain, parentId, divisionId, hostFacility, operatingMode,
                next.name(), since, address, latitude, longitude, rooms, rules, version, createdAt, updatedAt);
    }
}
