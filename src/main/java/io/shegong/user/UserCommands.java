package io.shegong.user;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.shegong.core.graphql.NodeId;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/** What an administrator may ask of the bureau's users, with the rules each field keeps by itself. */
public final class UserCommands {
    /**
     * Lower-case, so that a username is the same however it is typed at login, and without `:`,
     * which separates the tenant from the username in a token's subject.
     */
    static final String USERNAME = "[a-z][a-z0-9._-]{1,63}";
    static final String USERNAME_MESSAGE = "must be 2-64 lower-case letters, digits, '.', '_' or '-', starting with a letter";
    static final int TEXT = 200;
    static final int ROLES = 4;
    static final int STATIONS = 100;

    private UserCommands() {
    }

    @Introspected
    public record CreateUser(
            @NotBlank @Pattern(regexp = USERNAME, message = USERNAME_MESSAGE) String username,
            @NotBlank @Size(max = TEXT) String displayName,
            @NotNull @Size(min = 1, max = ROLES, message = "must name 1 to 4 roles") List<String> roles,
            @Nullable @Size(max = STATIONS) @NodeId("Station") List<UUID> stationIds) {
    }

    /** Fields left out keep their value; `sent` says which were given. */
    @Introspected
    public record UpdateUser(
            @NotNull @NodeId("User") UUID id,
            int version,
            @Nullable @Size(min = 1, max = TEXT) String displayName,
            @Nullable @Size(min = 1, max = ROLES, message = "must name 1 to 4 roles") List<String> roles,
            @Nullable @Size(max = STATIONS) @NodeId("Station") List<UUID> stationIds,
            Set<String> sent) {
    }

    /** The user a mutation acts on as a whole: disable, enable, reset the password. */
    @Introspected
    public record UserRef(@NotNull @NodeId("User") UUID id) {
    }

    /** A new bureau's first administrator, created with the bureau. */
    @Introspected
    public record NewAdministrator(
            @NotBlank @Pattern(regexp = USERNAME, message = USERNAME_MESSAGE) String username,
            @NotBlank @Size(max = TEXT) String displayName) {
    }
}
