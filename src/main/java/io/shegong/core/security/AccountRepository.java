package io.shegong.core.security;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.Optional;
import java.util.UUID;

/**
 * The accounts password login checks, and the attempts it counts. A tenant's users are read in
 * that tenant's unit of work. Platform administrators and login attempts are platform-level, and
 * the service role has no privilege on their tables (one holds every platform hash, the other
 * every tenant's usernames): it reaches them only through SQL functions, each answering about the
 * one key it is given.
 */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface AccountRepository extends GenericRepository<AppUser, UUID> {

    /** What `login_attempt_begin` answers: an attempt id, or none and the seconds to wait. */
    @Introspected
    record AttemptStart(@Nullable Long attemptId, int retryAfter) {
    }

    Optional<AppUser> findByUsernameAndActiveTrue(String username);

    AppUser save(AppUser user);

    /**
     * The user's own new password, which ends the one-time password and starts a new token
     * generation. Answers 0, changing nothing, when the user was disabled or given a new
     * generation since `generation` was read.
     */
    @Query("""
            UPDATE app_user SET password_hash = :passwordHash, must_change_password = false,
                                token_generation = token_generation + 1, version = version + 1
             WHERE id = :id AND active AND token_generation = :generation""")
    int changePassword(UUID id, int generation, String passwordHash);

    /** One active platform administrator's password hash; empty when there is no such administrator. */
    @Query("SELECT platform_login_hash(:username)")
    Optional<String> platformLoginHash(String username);

    /** Creates a platform administrator only while there is none; answers whether it did. */
    @Query("SELECT create_first_platform_user(:username, :passwordHash)")
    boolean createFirstPlatformUser(String username, String passwordHash);

    @Query("SELECT attempt_id, retry_after FROM login_attempt_begin(:tenantCode, :username, :maxFailures, :windowSeconds)")
    AttemptStart beginAttempt(String tenantCode, String username, int maxFailures, int windowSeconds);

    @Query("SELECT login_attempt_succeeded(:attemptId)")
    void attemptSucceeded(long attemptId);

    /** Answers how many attempts it deleted. */
    @Query("SELECT login_attempt_prune()")
    int pruneAttempts();
}
