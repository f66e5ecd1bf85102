package io.shegong.division;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.DateCreated;
import io.micronaut.data.annotation.DateUpdated;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import io.micronaut.data.annotation.NamingStrategy;
import io.micronaut.data.annotation.Version;
import io.shegong.core.db.ColumnNames;
import io.shegong.core.graphql.Identified;

import java.time.Instant;
import java.util.UUID;

/**
 * An administrative division; its parent is kept as an id and resolved through a batch loader.
 * Its tenant is the bound one (the column's default), never a field of the record.
 */
@MappedEntity("division")
@NamingStrategy(ColumnNames.class)
public record Division(
        @MappedProperty("id") @Id UUID id,
        @MappedProperty("code") String code,
        @MappedProperty("level") String level,
        @MappedProperty("name_zh") String nameZh,
        @MappedProperty("name_en") @Nullable String nameEn,
        @MappedProperty("parent_id") @Nullable UUID parentId,
        @MappedProperty("community_count") @Nullable Integer communityCount,
        @MappedProperty("zone") @Nullable String zone,
        @MappedProperty("version") @Version int version,
        @MappedProperty("created_at") @Nullable @DateCreated Instant createdAt,
        @MappedProperty("updated_at") @Nullable @DateUpdated Instant updatedAt) implements Identified {

    /** City, district, street, community: a parent is always of a lower rank than its children. */
    public enum Level { CITY, DISTRICT, STREET, COMMUNITY }

    public Level rank() {
        return Level.valueOf(level);
    }

    /** The same division with the fields an update may change, at the version read (a client's). */
    Division changed(String nameZh, @Nullable String nameEn, @Nullable Integer communityCount, @Nullable String zone,
                     int read) {
        return new Division(id, code, level, nameZh, nameEn, parentId, communityCount, zone, read, createdAt, updatedAt);
    }
}
