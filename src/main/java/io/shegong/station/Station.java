package io.shegong.station;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.DateCreated;
import io.micronaut.data.annotation.DateUpdated;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.annotation.Version;
import io.micronaut.data.model.DataType;
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
public record Station(@Id UUID id, String code, String name, String kindCode, @Nullable String domain,
                      @Nullable UUID parentId, UUID divisionId, @Nullable String hostFacility, String operatingMode,
                      String status, LocalDate statusSince, @Nullable String address, @Nullable Double latitude,
                      @Nullable Double longitude,
                      @TypeDef(type = DataType.STRING_ARRAY) List<String> rooms,
                      @TypeDef(type = DataType.STRING_ARRAY) List<String> rules,
                      @Version int version, @Nullable @DateCreated(truncatedTo = ChronoUnit.MICROS) Instant createdAt,
                      @Nullable @DateUpdated(truncatedTo = ChronoUnit.MICROS) Instant updatedAt) implements Identified {

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
