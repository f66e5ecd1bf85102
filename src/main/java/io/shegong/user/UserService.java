package io.shegong.user;

import io.shegong.audit.AuditLog;
import io.shegong.core.db.Ids;
import io.shegong.core.db.Like;
import io.shegong.core.db.Session;
import io.shegong.core.error.ApiException;
import io.shegong.core.graphql.Connection;
import io.shegong.core.security.Caller;
import io.shegong.core.security.Passwords;
import io.shegong.core.security.Role;
import io.shegong.station.OperatorStationRepository;
import io.shegong.station.StationRepository;
import io.shegong.user.UserCommands.CreateUser;
import io.shegong.user.UserCommands.NewAdministrator;
import io.shegong.user.UserCommands.UpdateUser;
import io.shegong.user.UserCommands.UserRef;
import jakarta.inject.Singleton;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A bureau's users, managed by its TENANT_ADMINs: created with a one-time password, given roles
 * and stations, disabled and enabled, their passwords reset. A bureau can never lock itself
 * out: an administrator cannot disable themself or drop their own TENANT_ADMIN role, and no
 * change may leave the bureau without an active administrator.
 */
@Singleton
public class UserService {
    private final UserRepository users;
    private final StationRepository stations;
    private final OperatorStationRepository grants;
    private final AuditLog audit;

    public UserService(UserRepository users, StationRepository stations, OperatorStationRepository grants,
                       AuditLog audit) {
        this.users = users;
        this.stations = stations;
        this.grants = grants;
        this.audit = audit;
    }

    /** A user and the one-time password just given to it, to be shown once. */
    public record Issued(User user, String oneTimePassword) {
    }

    public Connection<User> list(Caller caller, UserRepository.Filter filter, Connection.Window w) {
        caller.requireTenantAdmin();
        String text = Like.contains(filter.text());
        return Connection.of(users.page(filter.role(), filter.active(), text, w.afterKey(), w.limit() + 1), w,
                User::username, User::id, () -> users.count(filter.role(), filter.active(), text));
    }

    /** Users by id; only a TENANT_ADMIN sees any. */
    public List<User> visible(Caller caller, Collection<UUID> ids) {
        if (!caller.has(Role.TENANT_ADMIN) || caller.tenantCode() == null) {
            return List.of();
        }
        return users.byIds(Ids.array(ids));
    }

    public Issued create(Caller caller, CreateUser c) {
        caller.requireTenantAdmin();
        List<String> roles = roles(c.roles());
        List<UUID> stationIds = c.stationIds() == null ? List.of() : c.stationIds();
        checkStations(roles, stationIds);
        if (users.existsByUsername(c.username())) {
            throw ApiException.conflict("input.username", "A user named '" + c.username() + "' already exists");
        }
        String password = Passwords.oneTime();
        UUID id = UUID.randomUUID();
        users.insert(id, c.username(), c.displayName(), Passwords.hash(password), roles.toArray(String[]::new));
        grants.grantExactly(Caller.subjectOf(caller.tenantCode(), c.username()), Ids.array(stationIds));
        return new Issued(users.findById(id).orElseThrow(), password);
    }

    /**
     * Runs inside the platform's transaction that creates the tenant, which it enters (the
     * session binds it) so that the administrator is written as any of the tenant's users is.
     * Only a tenant without users gets one this way.
     */
    public Issued createFirstAdministrator(UUID tenantId, NewAdministrator c) {
        Session.current().orElseThrow().enterCreatedTenant(tenantId);
        if (users.any()) {
            throw ApiException.conflict("input.administrator", "The tenant has users already");
        }
        String password = Passwords.oneTime();
        UUID id = UUID.randomUUID();
        users.insert(id, c.username(), c.displayName(), Passwords.hash(password), new String[]{Role.TENANT_ADMIN.name()});
        return new Issued(users.findById(id).orElseThrow(), password);
    }

    public User update(Caller caller, UpdateUser c) {
        caller.requireTenantAdmin();
        User current = current(c.id());
        boolean self = isSelf(caller, current);
        if (c.sent().contains("displayName") && c.displayName() == null) {
            throw ApiException.badInput("input.displayName", "displayName cannot be removed");
        }
        if (c.sent().contains("roles") && c.roles() == null) {
            throw ApiException.badInput("input.roles", "roles cannot be removed; a user has at least one");
        }
        List<String> roles = c.roles() == null ? current.roles() : roles(c.roles());
        boolean wasAdmin = current.has(Role.TENANT_ADMIN);
        boolean staysAdmin = roles.contains(Role.TENANT_ADMIN.name());
        if (self && wasAdmin && !staysAdmin) {
            throw ApiException.badInput("input.roles",
                    "You cannot remove your own TENANT_ADMIN role: ask another administrator, so the bureau keeps one");
        }
        List<UUID> stationIds = c.sent().contains("stationIds")
                ? (c.stationIds() == null ? List.of() : c.stationIds())
                : current.stationIds().stream().map(UUID::fromString).toList();
        if (!roles.contains(Role.STATION_OPERATOR.name()) && !c.sent().contains("stationIds")) {
            // stations mean nothing without the role; kept, they would return with it unasked
            stationIds = List.of();
        }
        checkStations(roles, stationIds);
        if (wasAdmin && !staysAdmin && current.active()) {
            keepAnotherAdministrator(current, "input.roles");
        }
        boolean newRoles = !Set.copyOf(roles).equals(Set.copyOf(current.roles()));
        String name = c.displayName() == null ? current.displayName() : c.displayName();
        if (users.update(current.id(), c.version(), name, roles.toArray(String[]::new), newRoles) == 0) {
            throw ApiException.conflict("input.version",
                    "The user was changed by someone else; reload it and apply your change again");
        }
        grants.grantExactly(current.subject(), Ids.array(stationIds));
        return users.findById(current.id()).orElseThrow();
    }

    public User disable(Caller caller, UserRef c) {
        caller.requireTenantAdmin();
        User current = current(c.id());
        if (isSelf(caller, current)) {
            throw ApiException.badInput("input.id", "You cannot disable yourself: ask another administrator");
        }
        if (current.active() && current.has(Role.TENANT_ADMIN)) {
            keepAnotherAdministrator(current, "input.id");
        }
        users.disable(current.id());
        return users.findById(current.id()).orElseThrow();
    }

    public User enable(Caller caller, UserRef c) {
        caller.requireTenantAdmin();
        User current = current(c.id());
        users.enable(current.id());
        return users.findById(current.id()).orElseThrow();
    }

    public Issued resetPassword(Caller caller, UserRef c) {
        caller.requireTenantAdmin();
        User current = current(c.id());
        if (isSelf(caller, current)) {
            // a reset needs no current password: a stolen token must not be able to take the account
            throw ApiException.badInput("input.id",
                    "Change your own password with POST /login/password, giving the current one");
        }
        String password = Passwords.oneTime();
        users.resetPassword(current.id(), Passwords.hash(password));
        audit.note("User", current.id(), Map.of("mustChangePassword", current.mustChangePassword()),
                Map.of("password", "reset", "mustChangePassword", true));
        return new Issued(users.findById(current.id()).orElseThrow(), password);
    }

    private User current(UUID id) {
        return users.findById(id).orElseThrow(() -> ApiException.notFound("input.id", "User"));
    }

    private static boolean isSelf(Caller caller, User user) {
        return caller.subject().equals(user.subject());
    }

    /** The roles in their declared order, so that equal sets compare equal; none of the platform's. */
    private static List<String> roles(List<String> asked) {
        if (asked.contains(Role.PLATFORM_ADMIN.name())) {
            throw ApiException.badInput("input.roles", "PLATFORM_ADMIN is not a role of a bureau's user");
        }
        return Arrays.stream(Role.values()).map(Role::name).filter(asked::contains).toList();
    }

    private void checkStations(List<String> roles, List<UUID> stationIds) {
        if (stationIds.isEmpty()) {
            return;
        }
        if (!roles.contains(Role.STATION_OPERATOR.name())) {
            throw ApiException.badInput("input.stationIds", "stations are granted to a STATION_OPERATOR only");
        }
        if (stations.byIds(Ids.array(stationIds)).size() != stationIds.size()) {
            throw ApiException.notFound("input.stationIds", "Station");
        }
    }

    /**
     * Refuses to leave the bureau without an active administrator. The administrators stay locked
     * until the change commits, so that two of them cannot each remove the other at once.
     */
    private void keepAnotherAdministrator(User leaving, String field) {
        List<String> admins = users.lockActiveAdministrators();
        if (admins.stream().allMatch(id -> id.equals(leaving.id().toString()))) {
            throw ApiException.badInput(field,
                    "The bureau would be left without an active TENANT_ADMIN; give another user the role first");
        }
    }
}
