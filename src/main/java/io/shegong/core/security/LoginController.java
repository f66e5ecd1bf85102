package io.shegong.core.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.generator.AccessRefreshTokenGenerator;
import io.micronaut.security.token.render.AccessRefreshToken;
import io.micronaut.serde.annotation.Serdeable;
import io.shegong.core.db.Session;
import io.shegong.core.db.Sessions;
import io.shegong.core.db.Sql;
import io.shegong.core.error.ApiException;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Password login for bureaus without an identity provider: answers the same bearer tokens a
 * bureau's own provider would, with `sub`, `tenant` and `roles` claims.
 */
@Controller("/login")
public class LoginController {
    private final Sessions sessions;
    private final AccessRefreshTokenGenerator tokens;

    public LoginController(Sessions sessions, AccessRefreshTokenGenerator tokens) {
        this.sessions = sessions;
        this.tokens = tokens;
    }

    /** Omit `tenant` to log in as a platform administrator. */
    @Serdeable
    public record LoginRequest(@Nullable String tenant, String username, String password) {
    }

    @Serdeable
    public record LoginError(String error, String message) {
    }

    private record Account(String subject, List<String> roles) {
    }

    private record UserRow(String passwordHash, List<String> roles) {
    }

    @Post
    @ExecuteOn(TaskExecutors.BLOCKING)
    public HttpResponse<?> login(@Body LoginRequest request) {
        if (request.username() == null || request.password() == null) {
            return HttpResponse.badRequest(new LoginError("invalid_request", "username and password are required"));
        }
        Optional<Account> account;
        try {
            account = request.tenant() == null ? platformAccount(request) : tenantAccount(request);
        } catch (ApiException inactiveOrUnknownTenant) {
            account = Optional.empty();
        }
        if (account.isEmpty()) {
            return HttpResponse.status(HttpStatus.UNAUTHORIZED)
                    .body(new LoginError("invalid_grant", "Unknown tenant, username or password"));
        }
        Map<String, Object> attributes = request.tenant() == null ? Map.of() : Map.of(Caller.TENANT_CLAIM, request.tenant());
        Authentication auth = Authentication.build(account.get().subject(), account.get().roles(), attributes);
        Optional<AccessRefreshToken> token = tokens.generate(auth);
        return token.<HttpResponse<?>>map(HttpResponse::ok)
                .orElseGet(() -> HttpResponse.serverError(new LoginError("server_error", "Could not issue a token")));
    }

    private Optional<Account> tenantAccount(LoginRequest r) {
        try (Session s = sessions.forTenant(r.tenant())) {
            Optional<UserRow> user = Sql.one(s, "SELECT password_hash, roles FROM app_user WHERE username = ? AND active",
                    rs -> new UserRow(rs.getString("password_hash"), Sql.strings(rs, "roles")), r.username());
            if (user.isEmpty()) {
                Passwords.matches(r.password(), null);
            }
            return user.filter(u -> Passwords.matches(r.password(), u.passwordHash()))
                    .map(u -> new Account(r.tenant() + ":" + r.username(), u.roles()));
        }
    }

    private Optional<Account> platformAccount(LoginRequest r) {
        try (Session s = sessions.forPlatform()) {
            return Sql.one(s, "SELECT password_hash FROM platform_user WHERE username = ? AND active",
                            rs -> rs.getString(1), r.username())
                    .filter(hash -> Passwords.matches(r.password(), hash))
                    .map(hash -> new Account("platform:" + r.username(), List.of(Role.PLATFORM_ADMIN.name())));
        }
    }
}
