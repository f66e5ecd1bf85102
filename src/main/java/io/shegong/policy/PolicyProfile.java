package io.shegong.policy;

import io.shegong.core.graphql.Identified;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/** One revision of a bureau's policy profile. */
public record PolicyProfile(UUID id, int revision, String status, LocalDate effectiveFrom, Integer basedOn,
                            Map<String, Object> document, int version, String createdBy, Instant createdAt,
                            Instant publishedAt) implements Identified {

    public boolean published() {
        return "PUBLISHED".equals(status);
    }
}
