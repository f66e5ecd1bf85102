package io.shegong.user;

import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import io.shegong.core.graphql.Commands;
import io.shegong.core.graphql.Connection;
import io.shegong.core.graphql.Input;
import io.shegong.core.graphql.LoaderContributor;
import io.shegong.core.graphql.Loaders;
import io.shegong.core.graphql.NodeType;
import io.shegong.core.graphql.RequestContext;
import io.shegong.core.graphql.RequestLoaders;
import io.shegong.core.graphql.Wiring;
import io.shegong.core.security.Caller;
import io.shegong.core.security.Role;
import io.shegong.station.StationWiring;
import io.shegong.user.UserCommands.CreateUser;
import io.shegong.user.UserCommands.UpdateUser;
import io.shegong.user.UserCommands.UserRef;
import jakarta.inject.Singleton;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;

/** `users`, the fields of `User` and the mutations on a bureau's users. */
@Singleton
public class UserWiring implements Wiring, NodeType.Source, LoaderContributor {
    static final String BY_ID = "user";

    private final UserService service;
    private final Commands commands;

    public UserWiring(UserService service, Commands commands) {
        this.service = service;
        this.commands = commands;
    }

    @Override
    public void contribute(RuntimeWiring.Builder wiring) {
        wiring.type("Query", t -> t.dataFetcher("users",
                env -> service.list(caller(env), filter(env), Connection.window(env))));
        wiring.type("User", t -> t.dataFetcher("stations", env -> RequestContext.<UUID, Object>loader(env, StationWiring.BY_ID)
                .loadMany(env.<User>getSource().stationIds().stream().map(UUID::fromString).toList())));
        wiring.type("Mutation", t -> t
                .dataFetcher("createUser", env -> issued(service.create(caller(env), commands.bind(env, CreateUser.class))))
                .dataFetcher("updateUser", mutation(UpdateUser.class, service::update))
                .dataFetcher("disableUser", mutation(UserRef.class, service::disable))
                .dataFetcher("enableUser", mutation(UserRef.class, service::enable))
                .dataFetcher("resetUserPassword", env -> issued(service.resetPassword(caller(env),
                        commands.bind(env, UserRef.class)))));
    }

    /** A payload with the one-time password: the one answer that ever carries it. */
    private static Map<String, Object> issued(UserService.Issued issued) {
        Map<String, Object> payload = new HashMap<>();
        payload.put("user", issued.user());
        payload.put("oneTimePassword", issued.oneTimePassword());
        return payload;
    }

    private <C extends Record> DataFetcher<Map<String, Object>> mutation(Class<C> command, BiFunction<Caller, C, User> action) {
        return env -> Map.of("user", action.apply(caller(env), commands.bind(env, command)));
    }

    private static Caller caller(DataFetchingEnvironment env) {
        return RequestContext.of(env).caller();
    }

    private static UserRepository.Filter filter(DataFetchingEnvironment env) {
        Input f = new Input(env.getArgument("filter"), "filter");
        Role role = f.enumValue("role", Role.class);
        return new UserRepository.Filter(role == null ? null : role.name(), f.bool("active"), f.text("text", 100));
    }

    @Override
    public void register(RequestLoaders registry, RequestContext ctx) {
        registry.register(BY_ID, () -> Loaders.byKey(ids -> service.visible(ctx.caller(), ids), User::id));
    }

    @Override
    public List<NodeType> nodeTypes() {
        return List.of(new NodeType("User", BY_ID, true));
    }
}
