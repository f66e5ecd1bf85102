package io.shegong.tenant;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.DateCreated;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.shegong.core.graphql.Identified;

import java.time.Instant;
import java.util.UUID;

/** A bureau: one tenant of the service, in the platform's registry (no tenant of its own, no row-level security). */
@MappedEntity("tenant")
public record Tenant(@Id UUID id, String code, String nameZh, String nameEn, String level, String region,
                     String timeZone, boolean active, @Nullable @DateCreated Instant createdAt) implements Identified {
}
