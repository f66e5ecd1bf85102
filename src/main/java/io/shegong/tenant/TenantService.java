package io.shegong.tenant;

import io.shegong.core.db.Ids;
import io.shegong.core.error.ApiException;
import io.shegong.core.graphql.Connection;
import io.shegong.core.graphql.Input;
import io.shegong.core.graphql.RequestContext;
import jakarta.inject.Singleton;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The tenant registry: PLATFORM_ADMIN creates, lists and deactivates bureaus. */
@Singleton
public class TenantService {
    private final TenantRepository tenants;

    public TenantService(TenantRepository tenants) {
        this.tenants = tenants;
    }

    public Connection<Tenant> list(RequestContext ctx, Connection.Window window) {
        ctx.caller().requirePlatformAdmin();
        return Connection.of(tenants.page(window.afterKey(), window.limit() + 1), window,
                Tenant::code, Tenant::id, tenants::count);
    }

    /** A platform admin sees any tenant; a tenant's member only its own. */
    public List<Tenant> visible(RequestContext ctx, Collection<UUID> ids) {
        List<Tenant> found = tenants.byIds(Ids.array(ids));
        if (ctx.caller().isPlatformAdmin()) {
            return found;
        }
        return found.stream().filter(t -> t.code().equals(ctx.caller().tenantCode())).toList();
    }

    public Optional<Tenant> own(RequestContext ctx) {
        String code = ctx.caller().tenantCode();
        return code == null ? Optional.empty() : tenants.findByCode(code);
    }

    public Tenant create(RequestContext ctx, Input in) {
        ctx.caller().requirePlatformAdmin();
        String code = in.requiredText("code", 40);
        if (!code.matches("[a-z][a-z0-9_-]{1,39}")) {
            throw ApiException.badInput(in.path("code"),
                    "code must be 2-40 lower-case letters, digits, '_' or '-', starting with a letter");
        }
        String nameZh = in.requiredText("nameZh", Input.MAX_TEXT);
        String nameEn = in.requiredText("nameEn", Input.MAX_TEXT);
        String level = in.requiredText("level", 20);
        String region = in.requiredText("region", Input.MAX_TEXT);
        if (tenants.existsByCode(code)) {
            throw ApiException.conflict(in.path("code"), "A tenant with code '" + code + "' already exists");
        }
        Tenant tenant = new Tenant(UUID.randomUUID(), code, nameZh, nameEn, level, region, true, null);
        return ctx.session().atomically(() -> tenants.save(tenant));
    }

    public Tenant setActive(RequestContext ctx, Input in, boolean active) {
        ctx.caller().requirePlatformAdmin();
        UUID id = in.requiredId("id", "Tenant");
        return ctx.session().atomically(() -> {
            if (tenants.setActive(id, active) == 0) {
                throw ApiException.notFound(in.path("id"), "Tenant");
            }
            return tenants.findById(id).orElseThrow();
        });
    }
}
