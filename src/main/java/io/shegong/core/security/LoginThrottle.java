package io.shegong.core.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.scheduling.annotation.Scheduled;
import io.shegong.core.db.Sessions;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;

/**
 * Slows down password guessing: after {@value #MAX_FAILURES} failed logins for one (tenant code,
 * username) within {@link #WINDOW}, further attempts are refused, the right password included,
 * until the oldest of those failures is older than the window.
 *
 * <p>The count lives in the database (`login_attempt`, through its functions), so every replica
 * sees the same one, and time is the database's clock. An attempt is counted as a failure before
 * its password is checked, so parallel attempts cannot slip past the count together. A success
 * ends the count, as a limit on consecutive failures does (NIST SP 800-63B, 5.2.2): the failures
 * before it stay recorded, but a user who got in is not locked out by mistyping afterwards.
 * Throttled attempts are not recorded, so hammering a locked username does not keep it locked.
 */
@Singleton
public class LoginThrottle {
    static final int MAX_FAILURES = 5;
    // Must stay well under the day that login_attempt_prune() keeps attempts for.
    static final Duration WINDOW = Duration.ofMinutes(15);
    // Platform administrators log in without a tenant; no tenant code is empty.
    private static final String PLATFORM = "";
    private static final Logger LOG = LoggerFactory.getLogger(LoginThrottle.class);

    private final Sessions sessions;
    private final AccountRepository accounts;

    public LoginThrottle(Sessions sessions, AccountRepository accounts) {
        this.sessions = sessions;
        this.accounts = accounts;
    }

    /** A started attempt, or a refusal that says how many seconds to wait. */
    public record Attempt(@Nullable Long id, int retryAfterSeconds) {
        public boolean refused() {
            return id == null;
        }
    }

    /** Records an attempt as failed unless the key is throttled; `tenantCode` null for the platform. */
    public Attempt begin(@Nullable String tenantCode, String username) {
        AccountRepository.AttemptStart start = sessions.onPlatform(s -> accounts.beginAttempt(
                tenantCode == null ? PLATFORM : tenantCode, username, MAX_FAILURES, (int) WINDOW.toSeconds()));
        return new Attempt(start.attemptId(), start.retryAfter());
    }

    public void succeeded(Attempt attempt) {
        sessions.onPlatform(s -> {
            accounts.attemptSucceeded(attempt.id());
            return null;
        });
    }

    /** Keeps the table to a day of attempts; every replica runs it, and a row one deletes the others skip. */
    @Scheduled(fixedDelay = "10m", initialDelay = "10m")
    public void prune() {
        int deleted = sessions.onPlatform(s -> accounts.pruneAttempts());
        if (deleted > 0) {
            LOG.info("Pruned {} login attempts older than a day", deleted);
        }
    }
}
