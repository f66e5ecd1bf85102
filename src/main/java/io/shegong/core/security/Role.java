package io.shegong.core.security;

/** Roles carried in the token's `roles` claim. */
public enum Role {
    PLATFORM_ADMIN,
    TENANT_ADMIN,
    STATION_OPERATOR,
    SUPERVISOR,
    VIEWER
}
