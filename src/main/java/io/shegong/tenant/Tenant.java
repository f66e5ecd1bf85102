package io.shegong.tenant;

import io.shegong.core.graphql.Identified;

import java.time.Instant;
import java.util.UUID;

/** A bureau: one tenant of the service. */
public record Tenant(UUID id, String code, String nameZh, String nameEn, String level, String region,
                     boolean active, Instant createdAt) implements Identified {
}
