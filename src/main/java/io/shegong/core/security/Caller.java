package io.shegong.core.security;

import io.micronaut.security.authentication.Authentication;
import io.shegong.core.error.ApiException;

import java.util.EnumSet;
import java.util.Set;

/**
 * The verified identity behind a request. The tenant comes from the signed token only, never
 * from a header or an argument.
 */
public record Caller(String subject, String tenantCode, Set<Role> roles) {

    public static final String TENANT_CLAIM = "tenant";

    public static Caller from(Authentication authentication) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String r : authentication.getRoles()) {
            try {
                roles.add(Role.valueOf(r));
            } catch (IllegalArgumentException unknownRole) {
                // roles from a bureau's identity provider that mean nothing here are ignored
            }
        }
        Object tenant = authentication.getAttributes().get(TENANT_CLAIM);
        return new Caller(authentication.getName(), tenant == null ? null : tenant.toString(), roles);
    }

    public boolean isPlatformAdmin() {
        return roles.contains(Role.PLATFORM_ADMIN);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** Any tenant role; a PLATFORM_ADMIN reads nothing inside a tenant. */
    public void requireTenantMember() {
        if (tenantCode == null || roles.stream().noneMatch(r -> r != Role.PLATFORM_ADMIN)) {
            throw ApiException.forbidden("This needs a role in a tenant");
        }
    }

    public void requireTenantAdmin() {
        requireTenantMember();
        if (!has(Role.TENANT_ADMIN)) {
            throw ApiException.forbidden("This needs the TENANT_ADMIN role");
        }
    }

    public void requirePlatformAdmin() {
        if (!isPlatformAdmin()) {
            throw ApiException.forbidden("This needs the PLATFORM_ADMIN role");
        }
    }
}
