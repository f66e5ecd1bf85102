package io.shegong.core.security;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.NonNull;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.token.Claims;
import io.shegong.core.graphql.Codes;
import io.micronaut.security.token.jwt.validator.GenericJwtClaimsValidator;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.regex.Pattern;

/**
 * Refuses tokens that RFC 8725 practice refuses, before anything reaches the database: a token
 * must expire (`exp`), may not be used before `nbf` or claim to be issued in the future (`iat`),
 * each with a small allowance for clock skew; it must name a well-formed tenant, or be a
 * platform administrator's; and its `roles` must be an array of roles this service knows. A
 * token issued for a one-time password is refused everywhere but at {@value #PASSWORD_PATH},
 * where it can only replace that password. A refused token leaves the request anonymous, which
 * the API answers with UNAUTHENTICATED.
 */
@Singleton
public class TokenClaimsValidator<T> implements GenericJwtClaimsValidator<T> {
    private static final Logger LOG = LoggerFactory.getLogger(TokenClaimsValidator.class);
    /** The pattern tenants are created with. */
    public static final Pattern TENANT_CODE = Pattern.compile(Codes.TENANT_CODE);
    /** Where a user replaces their password, the one place a password-change token is good for. */
    public static final String PASSWORD_PATH = "/login/password";

    private final Clock clock;
    private final Duration skew;

    /**
     * Tokens are checked against the real time, the time their issuer stamped them with, not the
     * service's business clock (which tests pin to a date).
     */
    public TokenClaimsValidator(@Value("${shegong.security.clock-skew:60s}") Duration skew) {
        this.clock = Clock.systemUTC();
        this.skew = skew;
    }

    @Override
    public boolean validate(@NonNull Claims claims, @Nullable T request) {
        String refusal = refusal(claims);
        if (refusal == null) {
            refusal = passwordChangeRefusal(claims, request);
        }
        if (refusal != null) {
            LOG.info("Token refused: {}", refusal);
            return false;
        }
        return true;
    }

    private String refusal(Claims claims) {
        Instant now = clock.instant();
        Instant exp = instant(claims.get(Claims.EXPIRATION_TIME));
        if (exp == null) {
            return "no exp";
        }
        if (now.isAfter(exp.plus(skew))) {
            return "expired";
        }
        Instant nbf = instant(claims.get(Claims.NOT_BEFORE));
        if (claims.contains(Claims.NOT_BEFORE) && (nbf == null || now.plus(skew).isBefore(nbf))) {
            return "not yet valid (nbf)";
        }
        Instant iat = instant(claims.get(Claims.ISSUED_AT));
        if (claims.contains(Claims.ISSUED_AT) && (iat == null || now.plus(skew).isBefore(iat))) {
            return "issued in the future (iat)";
        }
        if (!(claims.get("roles") instanceof Collection<?> roles) || roles.isEmpty()) {
            return "roles is not a non-empty array";
        }
        for (Object role : roles) {
            if (!(role instanceof String s) || !known(s)) {
                return "unknown role";
            }
        }
        Object tenant = claims.get(Caller.TENANT_CLAIM);
        if (tenant == null) {
            return roles.contains(Role.PLATFORM_ADMIN.name()) ? null : "no tenant";
        }
        if (!(tenant instanceof String code) || !TENANT_CODE.matcher(code).matches()) {
            return "malformed tenant";
        }
        Object generation = claims.get(Caller.GENERATION_CLAIM);
        if (generation != null && !(generation instanceof Number n && n.longValue() >= 1 && n.longValue() <= Integer.MAX_VALUE
                && n.doubleValue() == n.longValue())) {
            return "malformed generation";
        }
        return null;
    }

    /**
     * A one-time password's token is good for replacing that password only: anywhere else it
     * is refused, and so is one whose request cannot be told (no request given).
     */
    private static String passwordChangeRefusal(Claims claims, Object request) {
        Object flag = claims.get(Caller.PASSWORD_CHANGE_CLAIM);
        if (flag == null || Boolean.FALSE.equals(flag)) {
            return null;
        }
        if (!Boolean.TRUE.equals(flag)) {
            return "malformed " + Caller.PASSWORD_CHANGE_CLAIM;
        }
        if (claims.get(Caller.GENERATION_CLAIM) == null) {
            return "a password-change token without a generation";
        }
        boolean passwordChange = request instanceof HttpRequest<?> http && PASSWORD_PATH.equals(http.getPath());
        return passwordChange ? null : "a password-change token used elsewhere";
    }

    private static boolean known(String role) {
        for (Role r : Role.values()) {
            if (r.name().equals(role)) {
                return true;
            }
        }
        return false;
    }

    /** NumericDate claims arrive as Date (parsed by the JWT library) or as seconds. */
    private static Instant instant(Object value) {
        if (value instanceof Date d) {
            return d.toInstant();
        }
        if (value instanceof Number n) {
            return Instant.ofEpochSecond(n.longValue());
        }
        return null;
    }
}
