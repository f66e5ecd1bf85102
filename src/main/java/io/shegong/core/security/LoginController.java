package io.shegong.core.security;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.generator.AccessTokenConfiguration;
import io.micronaut.security.token.generator.TokenGenerator;
import io.micronaut.serde.annotation.Serdeable;
import io.shegong.audit.AuditLog;
import io.shegong.core.db.Session;
import io.shegong.core.db.Sessions;
import io.shegong.core.error.ApiException;
import io.shegong.core.graphql.RequestContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Password login for bureaus without an identity provider: answers the same bearer tokens a
 * bureau's own provider would, with `sub`, `tenant` and `roles` claims, and the user's token
 * `generation`, which stops the token working once the user is disabled or changed.
 *
 * <p>Every attempt that gets past input checking and the {@link LoginThrottle} runs exactly one
 * bcrypt verification, against a dummy hash when the tenant or user is unknown or inactive, so that
 * the answer's timing does not tell which of tenant, username or password was wrong. Unknown
 * usernames and tenants are throttled like known ones, so a 429 does not tell either.
 *
 * <p>A password someone else chose (a new user's, a reset one) logs in to a token that is good
 * for {@value TokenClaimsValidator#PASSWORD_PATH} alone, where the user replaces it with their
 * own; a user changes their password there too, with the current one.
 */
@Controller("/login")
public class LoginController {
    /** Verifications run, and their time: the CPU that logins cost, and proof that none is skipped. */
    public static final String VERIFICATION_TIMER = "shegong.login.password.verification";
    private static final int MAX_USERNAME_LENGTH = 200;
    // Long enough to choose a password, short enough that a forgotten one soon means nothing.
    private static final int PASSWORD_CHANGE_SECONDS = 600;
    private static final Logger LOG = LoggerFactory.getLogger(LoginController.class);

    private final Sessions sessions;
    private final AccountRepository accounts;
    private final TokenGenerator tokens;
    private final int tokenSeconds;
    private final LoginThrottle throttle;
    private final AuditLog audit;
    private final Timer verifications;

    public LoginController(Sessions sessions, AccountRepository accounts, TokenGenerator tokens,
                           AccessTokenConfiguration tokenConfiguration, LoginThrottle throttle, AuditLog audit,
                           MeterRegistry meters) {
        this.sessions = sessions;
        this.accounts = accounts;
        this.tokens = tokens;
        this.tokenSeconds = tokenConfiguration.getExpiration();
        this.throttle = throttle;
        this.audit = audit;
        this.verifications = Timer.builder(VERIFICATION_TIMER)
                .description("bcrypt verifications run by POST /login").register(meters);
    }

    /** Omit `tenant` to log in as a platform administrator. */
    @Serdeable
    public record LoginRequest(@Nullable String tenant, String username, String password) {
    }

    /** The current password and the one to replace it with. */
    @Serdeable
    public record PasswordChange(String password, String newPassword) {
    }

    @Serdeable
    public record LoginError(String error, String message) {
    }

    /**
     * A bearer token, as OAuth answers one. With `must_change_password` the token is good for
     * POST /login/password alone, for {@value PASSWORD_CHANGE_SECONDS} seconds.
     */
    @Serdeable
    public record LoginAnswer(@JsonProperty("access_token") String accessToken,
                              @JsonProperty("token_type") String tokenType,
                              @JsonProperty("expires_in") int expiresIn,
                              String username,
                              List<String> roles,
                              @JsonProperty("must_change_password") boolean mustChangePassword) {
    }

    /** Who logs in: null `tenant` and `generation` for a platform administrator. */
    private record Account(@Nullable String tenant, String subject, List<String> roles, @Nullable Integer generation,
                           boolean mustChangePassword) {
    }

    /** Who the username would be if the password matches; null hash when there is no such user. */
    private record Candidate(@Nullable String passwordHash, @Nullable Account account, @Nullable UUID userId) {
        static final Candidate NONE = new Candidate(null, null, null);
    }

    private enum Outcome { SUCCESS, FAILURE, THROTTLED, INVALID_REQUEST, FORBIDDEN }

    @Post
    @ExecuteOn(TaskExecutors.BLOCKING)
    public HttpResponse<?> login(@Body LoginRequest request, HttpRequest<?> http) {
        String remote = remoteAddress(http);
        String invalid = invalidInput(request);
        if (invalid != null) {
            log("Login", request.tenant(), request.username(), Outcome.INVALID_REQUEST, remote);
            return HttpResponse.badRequest(new LoginError("invalid_request", invalid));
        }
        // A tenant that cannot be a tenant code has no accounts to protect and is not counted.
        boolean counted = request.tenant() == null || TokenClaimsValidator.TENANT_CODE.matcher(request.tenant()).matches();
        LoginThrottle.Attempt attempt = null;
        if (counted) {
            attempt = throttle.begin(request.tenant(), request.username());
            if (attempt.refused()) {
                log("Login", request.tenant(), request.username(), Outcome.THROTTLED, remote);
                return throttled(attempt);
            }
        }
        Candidate candidate = counted ? candidate(request) : Candidate.NONE;
        if (!verified(request.password(), candidate)) {
            log("Login", request.tenant(), request.username(), Outcome.FAILURE, remote);
            return HttpResponse.status(HttpStatus.UNAUTHORIZED)
                    .body(new LoginError("invalid_grant", "Unknown tenant, username or password"));
        }
        throttle.succeeded(attempt);
        log("Login", request.tenant(), request.username(), Outcome.SUCCESS, remote);
        return answer(candidate.account());
    }

    /**
     * Replaces the caller's password: `password` is the current one (the one-time password, for a
     * token issued with `must_change_password`), `newPassword` the user's own. Answers a new
     * token; every token issued before stops working. Counted by the login throttle like a login.
     */
    @Post("/password")
    @ExecuteOn(TaskExecutors.BLOCKING)
    public HttpResponse<?> changePassword(@Body PasswordChange request, HttpRequest<?> http, Authentication authentication) {
        String remote = remoteAddress(http);
        Caller caller = Caller.from(authentication);
        Session.Login login = caller.passwordLogin();
        if (login == null) {
            log("Password change", caller.tenantCode(), caller.subject(), Outcome.FORBIDDEN, remote);
            return HttpResponse.status(HttpStatus.FORBIDDEN).body(new LoginError("forbidden",
                    "Only a bureau's user who logs in with a password (POST /login) can change it here"));
        }
        String invalid = invalidChange(request);
        if (invalid != null) {
            log("Password change", caller.tenantCode(), login.username(), Outcome.INVALID_REQUEST, remote);
            return HttpResponse.badRequest(new LoginError("invalid_request", invalid));
        }
        LoginThrottle.Attempt attempt = throttle.begin(caller.tenantCode(), login.username());
        if (attempt.refused()) {
            log("Password change", caller.tenantCode(), login.username(), Outcome.THROTTLED, remote);
            return throttled(attempt);
        }
        Candidate candidate = tenantCandidate(caller.tenantCode(), login.username(), login.generation());
        if (!verified(request.password(), candidate)) {
            log("Password change", caller.tenantCode(), login.username(), Outcome.FAILURE, remote);
            return HttpResponse.status(HttpStatus.UNAUTHORIZED).body(new LoginError("invalid_grant",
                    "The current password is wrong, or the token no longer holds; log in again"));
        }
        // hashed before the transaction opens: bcrypt's time should not hold a pooled connection
        String hash = Passwords.hash(request.newPassword());
        Account account = candidate.account();
        boolean changed;
        try {
            changed = sessions.inTenant(caller.tenantCode(), s -> {
                if (accounts.changePassword(candidate.userId(), login.generation(), hash) == 0) {
                    return false;
                }
                audit.note("User", candidate.userId(), Map.of("mustChangePassword", account.mustChangePassword()),
                        Map.of("password", "changed", "mustChangePassword", false));
                audit.committed(new RequestContext(caller, s, false, requestId(http)), "changePassword", null, null);
                return true;
            });
        } catch (ApiException inactiveTenant) {
            changed = false;
        }
        if (!changed) {
            // disabled, reset or changed elsewhere since the password was checked
            log("Password change", caller.tenantCode(), login.username(), Outcome.FAILURE, remote);
            return HttpResponse.status(HttpStatus.UNAUTHORIZED).body(new LoginError("invalid_grant",
                    "The user was changed meanwhile; log in again"));
        }
        throttle.succeeded(attempt);
        log("Password change", caller.tenantCode(), login.username(), Outcome.SUCCESS, remote);
        return answer(new Account(account.tenant(), account.subject(), account.roles(), login.generation() + 1, false));
    }

    private boolean verified(String password, Candidate candidate) {
        return verifications.record(() -> Passwords.matches(password, candidate.passwordHash()));
    }

    private HttpResponse<?> answer(Account account) {
        Map<String, Object> attributes = new HashMap<>();
        if (account.tenant() != null) {
            attributes.put(Caller.TENANT_CLAIM, account.tenant());
        }
        if (account.generation() != null) {
            attributes.put(Caller.GENERATION_CLAIM, account.generation());
        }
        if (account.mustChangePassword()) {
            attributes.put(Caller.PASSWORD_CHANGE_CLAIM, true);
        }
        int seconds = account.mustChangePassword() ? Math.min(PASSWORD_CHANGE_SECONDS, tokenSeconds) : tokenSeconds;
        Optional<String> token = tokens.generateToken(Authentication.build(account.subject(), account.roles(), attributes), seconds);
        return token.<HttpResponse<?>>map(t -> HttpResponse.ok(new LoginAnswer(t, "Bearer", seconds, account.subject(),
                        account.roles(), account.mustChangePassword())))
                .orElseGet(() -> HttpResponse.serverError(new LoginError("server_error", "Could not issue a token")));
    }

    private static HttpResponse<?> throttled(LoginThrottle.Attempt attempt) {
        return HttpResponse.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(attempt.retryAfterSeconds()))
                .body(new LoginError("too_many_attempts", "Too many failed logins for this username; try again later"));
    }

    /**
     * What the database could not take or bcrypt could not check, answered before either is
     * asked: PostgreSQL refuses NUL in text, and control characters have no place in a name or a
     * typed password.
     */
    private static String invalidInput(LoginRequest r) {
        if (r.username() == null || r.password() == null) {
            return "username and password are required";
        }
        if (hasControl(r.tenant()) || hasControl(r.username()) || hasControl(r.password())) {
            return "tenant, username and password must not contain control characters";
        }
        if (r.username().length() > MAX_USERNAME_LENGTH) {
            return "username must be at most " + MAX_USERNAME_LENGTH + " characters";
        }
        if (r.password().getBytes(StandardCharsets.UTF_8).length > Passwords.MAX_BYTES) {
            return "password must be at most " + Passwords.MAX_BYTES + " bytes in UTF-8";
        }
        return null;
    }

    private static String invalidChange(PasswordChange r) {
        if (r.password() == null || r.newPassword() == null) {
            return "password and newPassword are required";
        }
        if (hasControl(r.password())) {
            return "password must not contain control characters";
        }
        if (r.password().getBytes(StandardCharsets.UTF_8).length > Passwords.MAX_BYTES) {
            return "password must be at most " + Passwords.MAX_BYTES + " bytes in UTF-8";
        }
        String refusal = Passwords.refusal(r.newPassword());
        if (refusal != null) {
            return refusal;
        }
        if (r.newPassword().equals(r.password())) {
            return "the new password must differ from the current one";
        }
        return null;
    }

    private static boolean hasControl(String s) {
        return s != null && s.chars().anyMatch(Character::isISOControl);
    }

    private Candidate candidate(LoginRequest r) {
        return r.tenant() == null ? platformCandidate(r.username()) : tenantCandidate(r.tenant(), r.username(), null);
    }

    /** The tenant's active user; with a `generation`, only while the user is still of it. */
    private Candidate tenantCandidate(String tenant, String username, @Nullable Integer generation) {
        try {
            return sessions.inTenant(tenant, s -> accounts.findByUsernameAndActiveTrue(username)
                    .filter(user -> generation == null || user.tokenGeneration() == generation)
                    .map(user -> new Candidate(user.passwordHash(), new Account(tenant, Caller.subjectOf(tenant, username),
                            user.roles(), user.tokenGeneration(), user.mustChangePassword()), user.id()))
                    .orElse(Candidate.NONE));
        } catch (ApiException inactiveOrUnknownTenant) {
            return Candidate.NONE;
        }
    }

    private Candidate platformCandidate(String username) {
        // The service role cannot read platform_user; this function answers one active user's hash.
        return sessions.onPlatform(s -> accounts.platformLoginHash(username)
                .map(hash -> new Candidate(hash, new Account(null, "platform:" + username,
                        List.of(Role.PLATFORM_ADMIN.name()), null, false), null))
                .orElse(Candidate.NONE));
    }

    private static String remoteAddress(HttpRequest<?> http) {
        // The connection's peer, not a forwarding header: a client can write any header it likes.
        InetSocketAddress peer = http.getRemoteAddress();
        return peer == null ? "-" : peer.getHostString();
    }

    /** The client's request id when it is a sensible one, as the GraphQL endpoint takes it. */
    private static String requestId(HttpRequest<?> http) {
        return http.getHeaders().get("X-Request-Id", String.class)
                .filter(id -> id.length() <= 64 && id.matches("[A-Za-z0-9._-]+"))
                .orElseGet(() -> UUID.randomUUID().toString());
    }

    /** One line per attempt; never a password. */
    private static void log(String what, String tenant, String username, Outcome outcome, String remote) {
        LOG.info("{} tenant={} username={} outcome={} remote={}", what,
                tenant == null ? "-" : quoted(tenant), quoted(username), outcome, remote);
    }

    /**
     * The client's text in quotes, escaped and cut short, so that it can forge no field (a
     * username of `x outcome=SUCCESS`) and no line, and cannot flood the log.
     */
    private static String quoted(String s) {
        if (s == null) {
            return "-";
        }
        String cut = s.length() > MAX_USERNAME_LENGTH ? s.substring(0, MAX_USERNAME_LENGTH) + "…" : s;
        StringBuilder b = new StringBuilder(cut.length() + 2).append('"');
        cut.codePoints().forEach(c -> {
            if (c == '"' || c == '\\') {
                b.append('\\');
            }
            b.appendCodePoint(Character.isISOControl(c) ? '?' : c);
        });
        return b.append('"').toString();
    }
}
