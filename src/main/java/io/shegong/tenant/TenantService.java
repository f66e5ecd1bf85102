package io.shegong.tenant;

import io.micronaut.core.annotation.Nullable;
import io.shegong.audit.AuditLog;
import io.shegong.core.db.Ids;
import io.shegong.core.error.ApiException;
import io.shegong.core.graphql.Connection;
import io.shegong.core.security.Caller;
import io.shegong.core.time.BureauTime;
import io.shegong.tenant.TenantCommands.CreateTenant;
import io.shegong.tenant.TenantCommands.SetTenantActive;
import io.shegong.user.UserService;
import jakarta.inject.Singleton;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The tenant registry: PLATFORM_ADMIN creates, lists and deactivates bureaus, and gives a new
 * bureau its first administrator.
 */
@Singleton
public class TenantService {
    private final TenantRepository tenants;
    private final UserService users;
    private final AuditLog audit;

    public TenantService(TenantRepository tenants, UserService users, AuditLog audit) {
        this.tenants = tenants;
        this.users = users;
        this.audit = audit;
    }

    /** A new tenant, and its first administrator with a one-time password when one was asked for. */
    public record Created(Tenant tenant, @Nullable UserService.Issued administrator) {
    }

    /**
     * What the audit keeps of a tenant created with its first administrator: the username, never
     * the password. Public because the audit reads its components.
     */
    public record TenantWithAdministrator(String code, String nameZh, String nameEn, String level, String region,
                                           String timeZone, boolean active, String administrator) {
    }

    public Connection<Tenant> list(Caller caller, Connection.Window window) {
        caller.requirePlatformAdmin();
        return Connection.of(tenants.page(window.afterKey(), window.limit() + 1), window,
                Tenant::code, Tenant::id, tenants::count);
    }

    /** A platform admin sees any tenant; a tenant's member only its own. */
    public List<Tenant> visible(Caller caller, Collection<UUID> ids) {
        List<Tenant> found = tenants.byIds(Ids.array(ids));
        if (caller.isPlatformAdmin()) {
            return found;
        }
        return found.stream().filter(t -> t.code().equals(caller.tenantCode())).toList();
    }

    public Optional<Tenant> own(Caller caller) {
        String code = caller.tenantCode();
        return code == null ? Optional.empty() : tenants.findByCode(code);
    }

    public Created create(Caller caller, CreateTenant c) {
        caller.requirePlatformAdmin();
        String zone = c.timeZone() == null ? BureauTime.ZONE.getId() : c.timeZone();
        try {
            ZoneId.of(zone);
        } catch (DateTimeException unknown) {
            throw ApiException.badInput("input.timeZone", "timeZone must be an IANA time zone such as Asia/Shanghai");
        }
        if (tenants.existsByCode(c.code())) {
            throw ApiException.conflict("input.code", "A tenant with code '" + c.code() + "' already exists");
        }
        Tenant t = tenants.save(new Tenant(UUID.randomUUID(), c.code(), c.nameZh(), c.nameEn(), c.level().name(),
                c.region(), zone, true, null));
        if (c.administrator() == null) {
            return new Created(t, null);
        }
        UserService.Issued administrator = users.createFirstAdministrator(t.id(), c.administrator());
        audit.note("Tenant", t.id(), null, new TenantWithAdministrator(t.code(), t.nameZh(), t.nameEn(), t.level(),
                t.region(), t.timeZone(), t.active(), c.administrator().username()));
        return new Created(t, administrator);
    }

    public Tenant setActive(Caller caller, SetTenantActive c, boolean active) {
        caller.requirePlatformAdmin();
        if (tenants.setActive(c.id(), active) == 0) {
            throw ApiException.notFound("input.id", "Tenant");
        }
        return tenants.findById(c.id()).orElseThrow();
    }
}
