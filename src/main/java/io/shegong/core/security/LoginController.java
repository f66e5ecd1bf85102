package io.shegong.core.security;

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
import io.micronaut.security.token.generator.AccessRefreshTokenGenerator;
import io.micronaut.security.token.render.AccessRefreshToken;
import io.micronaut.serde.annotation.Serdeable;
import io.shegong.core.db.Sessions;
import io.shegong.core.error.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Password login for bureaus without an identity provider: answers the same bearer tokens a
 * bureau's own provider would, with `sub`, `tenant` and `roles` claims.
 *
 * <p>Every attempt that gets past input checking and the {@link LoginThrottle} runs exactly one
 * bcrypt verification, against a dummy hash when the tenant or user is unknown or inactive, so that
 * the answer's timing does not tell which of tenant, username or password was wrong. Unknown
 * usernames and tenants are throttled like known ones, so a 429 does not tell either.
 */
@Controller("/login")
public class LoginController {
    /** Verifications run, and their time: the CPU that logins cost, and proof that none is skipped. */
    public static final String VERIFICATION_TIMER = "shegong.login.password.verification";
    // bcrypt reads at most 72 bytes; a longer password would otherwise be refused by the library
    // or, in other implementations, silently cut.
    private static final int MAX_PASSWORD_BYTES = 72;
    private static final int MAX_USERNAME_LENGTH = 200;
    private static final Logger LOG = LoggerFactory.getLogger(LoginController.class);

    private final Sessions sessions;
    private final AccountRepository accounts;
    private final AccessRefreshTokenGenerator tokens;
    private final LoginThrottle throttle;
    private final Timer verifications;

    public LoginController(Sessions sessions, AccountRepository accounts, AccessRefreshTokenGenerator tokens,
                           LoginThrottle throttle, MeterRegistry meters) {
        this.sessions = sessions;
        this.accounts = accounts;
        this.tokens = tokens;
        this.throttle = throttle;
        this.verifications = Timer.builder(VERIFICATION_TIMER)
                .description("bcrypt verifications run by POST /login").register(meters);
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

    /** Who the username would be if the password matches; null hash when there is no such user. */
    private record Candidate(@Nullable String passwordHash, @Nullable Account account) {
        static final Candidate NONE = new Candidate(null, null);
    }

    private enum Outcome { SUCCESS, FAILURE, THROTTLED, INVALID_REQUEST }

    @Post
    @ExecuteOn(TaskExecutors.BLOCKING)
    public HttpResponse<?> login(@Body LoginRequest request, HttpRequest<?> http) {
        String remote = remoteAddress(http);
        String invalid = invalidInput(request);
        if (invalid != null) {
            log(request, Outcome.INVALID_REQUEST, remote);
            return HttpResponse.badRequest(new LoginError("invalid_request", invalid));
        }
        // A tenant that cannot be a tenant code has no accounts to protect and is not counted.
        boolean counted = request.tenant() == null || TokenClaimsValidator.TENANT_CODE.matcher(request.tenant()).matches();
        LoginThrottle.Attempt attempt = null;
        if (counted) {
            attempt = throttle.begin(request.tenant(), request.username());
            if (attempt.refused()) {
                log(request, Outcome.THROTTLED, remote);
                return HttpResponse.status(HttpStatus.TOO_MANY_REQUESTS)
                        .header(HttpHeaders.RETRY_AFTER, String.valueOf(attempt.retryAfterSeconds()))
                        .body(new LoginError("too_many_attempts",
                                "Too many failed logins for this username; try again later"));
            }
        }
        Candidate candidate = counted ? candidate(request) : Candidate.NONE;
        boolean verified = verifications.record(() -> Passwords.matches(request.password(), candidate.passwordHash()));
        if (!verified) {
            log(request, Outcome.FAILURE, remote);
            return HttpResponse.status(HttpStatus.UNAUTHORIZED)
                    .body(new LoginError("invalid_grant", "Unknown tenant, username or password"));
        }
        throttle.succeeded(attempt);
        log(request, Outcome.SUCCESS, remote);
        Account account = candidate.account();
        Map<String, Object> attributes = request.tenant() == null ? Map.of() : Map.of(Caller.TENANT_CLAIM, request.tenant());
        Authentication auth = Authentication.build(account.subject(), account.roles(), attributes);
        Optional<AccessRefreshToken> token = tokens.generate(auth);
        return token.<HttpResponse<?>>map(HttpResponse::ok)
                .orElseGet(() -> HttpResponse.serverError(new LoginError("server_error", "Could not issue a token")));
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
        if (r.password().getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            return "password must be at most " + MAX_PASSWORD_BYTES + " bytes in UTF-8";
        }
        return null;
    }

    private static boolean hasControl(String s) {
        return s != null && s.chars().anyMatch(Character::isISOControl);
    }

    private Candidate candidate(LoginRequest r) {
        return r.tenant() == null ? platformCandidate(r.username()) : tenantCandidate(r.tenant(), r.username());
    }

    private Candidate tenantCandidate(String tenant, String username) {
        try {
            return sessions.inTenant(tenant, s -> accounts.findByUsernameAndActiveTrue(username)
                    .map(user -> new Candidate(user.passwordHash(), new Account(tenant + ":" + username, user.roles())))
                    .orElse(Candidate.NONE));
        } catch (ApiException inactiveOrUnknownTenant) {
            return Candidate.NONE;
        }
    }

    private Candidate platformCandidate(String username) {
        // The service role cannot read platform_user; this function answers one active user's hash.
        return sessions.onPlatform(s -> accounts.platformLoginHash(username)
                .map(hash -> new Candidate(hash,
                        new Account("platform:" + username, List.of(Role.PLATFORM_ADMIN.name()))))
                .orElse(Candidate.NONE));
    }

    private static String remoteAddress(HttpRequest<?> http) {
        // The connection's peer, not a forwarding header: a client can write any header it likes.
        InetSocketAddress peer = http.getRemoteAddress();
        return peer == null ? "-" : peer.getHostString();
    }

    /** One line per attempt; never the password. */
    private static void log(LoginRequest r, Outcome outcome, String remote) {
        LOG.info("Login tenant={} username={} outcome={} remote={}",
                r.tenant() == null ? "-" : quoted(r.tenant()), quoted(r.username()), outcome, remote);
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
