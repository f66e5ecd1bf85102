package io.shegong.user;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.DataType;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The bound tenant's users, never with their password hashes: a hash is only ever written here.
 * Id lists are bound as one array, so a batch's SQL never changes.
 */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface UserRepository extends GenericRepository<User, UUID> {

    /** Filter fields, each optional. */
    record Filter(String role, Boolean active, String text) {
    }

    /** A user with its subject and the stations granted to it, by station code. */
    String SELECT = """
            SELECT u.id, u.username, t.code || ':' || u.username AS subject, u.display_name, u.roles,
                   ARRAY(SELECT os.station_id::text
                           FROM operator_station os JOIN station s ON s.tenant_id = os.tenant_id AND s.id = os.station_id
                          WHERE os.subject = t.code || ':' || u.username ORDER BY s.code) AS station_ids,
                   u.active, u.disabled_at, u.must_change_password, u.version, u.created_at
              FROM app_user u JOIN tenant t ON t.id = u.tenant_id
            """;

    String WHERE = """
             WHERE (CAST(:role AS text) IS NULL OR CAST(:role AS text) = ANY(u.roles))
               AND (CAST(:active AS boolean) IS NULL OR u.active = CAST(:active AS boolean))
               AND (CAST(:text AS text) IS NULL OR u.username ILIKE :text OR u.display_name ILIKE :text)
            """;

    @Query(SELECT + " WHERE u.id = :id")
    Optional<User> findById(UUID id);

    @Query(SELECT + " WHERE u.id = ANY(CAST(:ids AS uuid[]))")
    List<User> byIds(@TypeDef(type = DataType.STRING_ARRAY) String[] ids);

    @Query(SELECT + WHERE + " AND u.username > coalesce(:afterUsername, '') ORDER BY u.username LIMIT :limit")
    List<User> page(@Nullable String role, @Nullable Boolean active, @Nullable String text,
                    @Nullable String afterUsername, int limit);

    @Query("SELECT count(*) FROM app_user u" + WHERE)
    int count(@Nullable String role, @Nullable Boolean active, @Nullable String text);

    @Query("SELECT EXISTS (SELECT 1 FROM app_user WHERE username = :username)")
    boolean existsByUsername(String username);

    /** A new user, who must replace the password at the first login. */
    @Query("""
            INSERT INTO app_user (id, username, display_name, password_hash, roles, must_change_password)
            VALUES (:id, :username, :displayName, :passwordHash, CAST(:roles AS text[]), true)""")
    void insert(UUID id, String username, String displayName, String passwordHash,
                @TypeDef(type = DataType.STRING_ARRAY) String[] roles);

    @Query("SELECT EXISTS (SELECT 1 FROM app_user)")
    boolean any();

    /**
     * Name and roles at the version read; a new token generation when `newGeneration`. Answers
     * the rows changed: 0 when the version is stale.
     */
    @Query("""
            UPDATE app_user SET display_name = :displayName, roles = CAST(:roles AS text[]),
                                token_generation = token_generation + CASE WHEN :newGeneration THEN 1 ELSE 0 END,
                                version = version + 1
             WHERE id = :id AND version = :version""")
    int update(UUID id, int version, String displayName, @TypeDef(type = DataType.STRING_ARRAY) String[] roles,
               boolean newGeneration);

    /** Disables an active user and ends its tokens; answers 0 for a user already disabled. */
    @Query("""
            UPDATE app_user SET active = false, disabled_at = now(), token_generation = token_generation + 1,
                                version = version + 1
             WHERE id = :id AND active""")
    int disable(UUID id);

    /** Answers 0 for a user already active. */
    @Query("UPDATE app_user SET active = true, disabled_at = NULL, version = version + 1 WHERE id = :id AND NOT active")
    int enable(UUID id);

    /** A password someone else chose: it must be replaced at the next login, and older tokens end. */
    @Query("""
            UPDATE app_user SET password_hash = :passwordHash, must_change_password = true,
                                token_generation = token_generation + 1, version = version + 1
             WHERE id = :id""")
    int resetPassword(UUID id, String passwordHash);

    /**
     * The active administrators, locked until the transaction ends: two administrators taking
     * each other's role at once queue here, and the second sees what the first left.
     */
    @Query("SELECT u.id::text FROM app_user u WHERE u.active AND 'TENANT_ADMIN' = ANY(u.roles) ORDER BY u.id FOR UPDATE")
    List<String> lockActiveAdministrators();
}
