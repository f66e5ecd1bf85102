package io.shegong.tenant;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import io.shegong.core.graphql.Connection;
import io.shegong.core.graphql.Commands;
import io.shegong.core.graphql.LoaderContributor;
import io.shegong.core.graphql.Loaders;
import io.shegong.core.graphql.NodeType;
import io.shegong.core.graphql.RequestContext;
import io.shegong.core.graphql.RequestLoaders;
import io.shegong.core.graphql.Wiring;
import io.shegong.core.security.Caller;
import io.shegong.core.time.BureauCalendar;
import jakarta.inject.Singleton;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

@Singleton
public class TenantWiring implements Wiring, NodeType.Source, LoaderContributor {
    private final TenantService tenants;
    private final Commands commands;
    private final BureauCalendar calendar;

    public TenantWiring(TenantService tenants, Commands commands, BureauCalendar calendar) {
        this.tenants = tenants;
        this.commands = commands;
        this.calendar = calendar;
    }

    /** The `Viewer` type: who is asking. */
    public record Viewer(String subject, List<String> roles, String tenantCode) {
    }

    @Override
    public void contribute(RuntimeWiring.Builder wiring) {
        wiring.type("Query", t -> t
                .dataFetcher("viewer", env -> viewer(RequestContext.of(env).caller()))
                .dataFetcher("tenants", env -> tenants.list(caller(env), Connection.window(env))));
        wiring.type("Viewer", t -> t
                .dataFetcher("tenant", env -> tenants.own(caller(env)).orElse(null)));
        // the service's one clock in the tenant's own zone, whichever bureau the caller is bound to
        wiring.type("Tenant", t -> t.dataFetcher("today",
                env -> LocalDate.now(calendar.clock().withZone(ZoneId.of(env.<Tenant>getSource().timeZone())))));
        wiring.type("Mutation", t -> t
                .dataFetcher("createTenant", env -> created(tenants.create(caller(env),
                        commands.bind(env, TenantCommands.CreateTenant.class))))
                .dataFetcher("deactivateTenant", env -> payload(tenants.setActive(caller(env),
                        commands.bind(env, TenantCommands.SetTenantActive.class), false)))
                .dataFetcher("reactivateTenant", env -> payload(tenants.setActive(caller(env),
                        commands.bind(env, TenantCommands.SetTenantActive.class), true))));
    }

    private static Viewer viewer(Caller caller) {
        return new Viewer(caller.subject(), caller.roles().stream().map(Enum::name).sorted().toList(), caller.tenantCode());
    }

    private static Caller caller(DataFetchingEnvironment env) {
        return RequestContext.of(env).caller();
    }

    private static Map<String, Object> payload(Tenant tenant) {
        return Map.of("tenant", tenant);
    }

    /** The one answer that carries the first administrator's one-time password. */
    private static Map<String, Object> created(TenantService.Created created) {
        Map<String, Object> payload = new HashMap<>();
        payload.put("tenant", created.tenant());
        if (created.administrator() != null) {
            payload.put("administrator", created.administrator().user());
            payload.put("oneTimePassword", created.administrator().oneTimePassword());
        }
        return payload;
    }

    @Override
    public List<NodeType> nodeTypes() {
        return List.of(new NodeType("Tenant", "tenant", false));
    }

    @Override
    public void register(RequestLoaders registry, RequestContext ctx) {
        registry.register("tenant", () -> Loaders.byKey(ids -> tenants.visible(ctx.caller(), ids), Tenant::id));
    }
}
