package io.shegong.tenant;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.DateCreated;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import io.micronaut.data.annotation.NamingStrategy;
import io.shegong.core.db.ColumnNames;
import io.shegong.core.graphql.Identified;

import java.time.Instant;
import java.util.UUID;

/** A bureau: one tenant of the service, in the platform's registry (no tenant of its own, no row-level security). */
@MappedEntity("tenant")
@NamingStrategy(ColumnNames.class)
public record Tenant(
        @MappedProperty("id") @Id UUID id,
        @MappedProperty("code") String code,
        @MappedProperty("name_zh") String nameZh,
        @MappedProperty("name_en") String nameEn,
        @MappedProperty("level") String level,
        @MappedProperty("region") String region,
        @MappedProperty("time_zone") String timeZone,
        @MappedProperty("active") boolean active,
        @MappedProperty("created_at") @Nullable @DateCreated Instant createdAt) implements Identified {
}
