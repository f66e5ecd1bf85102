package io.shegong.core.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.authentication.Authentication;
import io.shegong.core.db.Session;
import io.shegong.core.error.ApiException;

import java.util.EnumSet;
import java.util.Set;

/**
 * The verified identity behind a request. The tenant comes from the signed token only, never
 * from a header or an argument. `loginGeneration` is set for tokens issued by POST /login: the
 * user's token generation then, which the tenant binding checks still holds.
 */
public record Caller(String subject, String tenantCode, Set<Role> roles, @Nullable Integer loginGeneration) {

    public static final String TENANT_CLAIM = "tenant";
    /** In tokens issued by POST /login: the user's token generation when it was issued. */
    public static final String GENERATION_CLAIM = "generation";
    /** In tokens issued for a one-time password: the token may only change the password. */
    public static final String PASSWORD_CHANGE_CLAIM = "must_change_password";

    /** The subject POST /login issues for a bureau's user, and station grants are keyed by. */
    public static String subjectOf(String tenantCode, String username) {
        return tenantCode + ":" + username;
    }

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
        Object generation = authentication.getAttributes().get(GENERATION_CLAIM);
        return new Caller(authentication.getName(), tenant == null ? null : tenant.toString(), roles,
                generation instanceof Number n ? n.intValue() : null);
    }

    /**
     * The password login this caller's token was issued by, or null for a token of an identity
     * provider (or of the platform), whose users this service does not keep.
     */
    public @Nullable Session.Login passwordLogin() {
        if (loginGeneration == null || tenantCode == null) {
            return null;
        }
        String prefix = subjectOf(tenantCode, "");
        // a generation in a token whose subject is no user of its tenant matches no user: refused
        String username = subject.startsWith(prefix) ? subject.substring(prefix.length()) : "";
        return new Session.Login(username, loginGeneration);
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
