package io.shegong.user;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import io.micronaut.data.annotation.NamingStrategy;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;
import io.shegong.core.db.ColumnNames;
import io.shegong.core.graphql.Identified;
import io.shegong.core.security.Role;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A bureau's user as its administrators see and change it: everything but the password hash,
 * which this record never holds, so that no answer and no audit entry can carry it. `subject` is
 * what POST /login puts in the user's tokens and station grants are keyed by; `stationIds` are
 * the stations granted to it, by code. Read with {@link UserRepository#SELECT}; written by
 * statements of their own. The class name is the GraphQL type name.
 */
@MappedEntity("app_user")
@NamingStrategy(ColumnNames.class)
public record User(
        @MappedProperty("id") @Id UUID id,
        @MappedProperty("username") String username,
        @MappedProperty("subject") String subject,
        @MappedProperty("display_name") String displayName,
        @MappedProperty("roles") @TypeDef(type = DataType.STRING_ARRAY) List<String> roles,
        @MappedProperty("station_ids") @TypeDef(type = DataType.STRING_ARRAY) List<String> stationIds,
        @MappedProperty("active") boolean active,
        @MappedProperty("disabled_at") @Nullable Instant disabledAt,
        @MappedProperty("must_change_password") boolean mustChangePassword,
        @MappedProperty("version") int version,
        @MappedProperty("created_at") @Nullable Instant createdAt) implements Identified {

    boolean has(Role role) {
        return roles.contains(role.name());
    }
}
