package io.shegong.station;

import io.shegong.core.graphql.Identified;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A social work station; associations are kept as ids and resolved through batch loaders. */
public record Station(UUID id, String code, String name, String kindCode, String domain, UUID parentId,
                      UUID divisionId, String hostFacility, String operatingMode, String status,
                      LocalDate statusSince, String address, Double latitude, Double longitude,
                      List<String> rooms, List<String> rules, int version, Instant createdAt,
                      Instant updatedAt) implements Identified {

    public enum Status { PLANNED, SITE_SELECTED, SIGNED, OPERATING, SUSPENDED, CLOSED }

    public enum OperatingMode { SELF_RUN, GOVERNMENT_AND_THIRD_PARTY, MIXED, PURCHASED }

    public Status currentStatus() {
        return Status.valueOf(status);
    }

    Station withStatus(Status next, LocalDate since) {
        return new Station(id, code, name, kindCode, domain, parentId, divisionId, hostFacility, operatingMode,
                next.name(), since, address, latitude, longitude, rooms, rules, version + 1, createdAt, Instant.now());
    }
}
