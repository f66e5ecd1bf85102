package io.shegong.core.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.DateCreated;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import io.micronaut.data.annotation.NamingStrategy;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;
import io.shegong.core.db.ColumnNames;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A bureau's own user for POST /login, with the password hash login checks. Its tenant is the
 * bound one (the column's default), never a field of the record; its subject in tokens is
 * `tenant:username`. The API shows users as `io.shegong.user.User`, which has no hash.
 */
@MappedEntity("app_user")
@NamingStrategy(ColumnNames.class)
public record AppUser(
        @MappedProperty("id") @Id UUID id,
        @MappedProperty("username") String username,
        @MappedProperty("display_name") String displayName,
        @MappedProperty("password_hash") String passwordHash,
        @MappedProperty("roles") @TypeDef(type = DataType.STRING_ARRAY) List<String> roles,
        @MappedProperty("active") boolean active,
        @MappedProperty("must_change_password") boolean mustChangePassword,
        @MappedProperty("token_generation") int tokenGeneration,
        @MappedProperty("created_at") @Nullable @DateCreated Instant createdAt) {
}
