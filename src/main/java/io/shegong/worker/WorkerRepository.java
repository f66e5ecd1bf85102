package io.shegong.worker;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.DataType;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Social workers of the bound tenant. Id lists are bound as one array, so a batch's SQL never changes. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface WorkerRepository extends GenericRepository<SocialWorker, UUID> {

    /** Filter fields, each optional. */
    record Filter(UUID stationId, String certificateLevel, Boolean fullTime, String text) {
    }

    // The station filter takes the workers posted there on `today`, not those whose post has
    // ended. `today` is the bureau's, passed in: the database's current_date is the server's day,
    // which is not the bureau's around midnight, and it knows nothing of the service's clock.
    String WHERE = """
             WHERE (CAST(:stationId AS uuid) IS NULL OR id IN (
                       SELECT worker_id FROM assignment
                        WHERE station_id = CAST(:stationId AS uuid) AND starts_on <= :today
                          AND (ends_on IS NULL OR ends_on >= :today)))
               AND (CAST(:certificateLevel AS text) IS NULL OR certificate_level = :certificateLevel)
               AND (CAST(:fullTime AS boolean) IS NULL OR full_time = CAST(:fullTime AS boolean))
               AND (CAST(:text AS text) IS NULL OR name ILIKE :text)
            """;

    Optional<SocialWorker> findById(UUID id);

    boolean existsById(UUID id);

    @Query("SELECT * FROM social_worker WHERE id = ANY(CAST(:ids AS uuid[]))")
    List<SocialWorker> byIds(@TypeDef(type = DataType.STRING_ARRAY) String[] ids);

    /** Workers holding one of the certificate levels (a target counting certified workers). */
    @Query("SELECT * FROM social_worker WHERE certificate_level = ANY(CAST(:levels AS text[])) ORDER BY name, id")
    List<SocialWorker> withCertificate(@TypeDef(type = DataType.STRING_ARRAY) String[] levels);

    /** A keyset page by name, then id: the rows after (afterName, afterId) when a cursor is given. */
    @Query("SELECT * FROM social_worker" + WHERE + """
               AND (CAST(:afterId AS uuid) IS NULL OR (name, id) > (CAST(:afterName AS text), CAST(:afterId AS uuid)))
             ORDER BY name, id LIMIT :limit""")
    List<SocialWorker> page(@Nullable UUID stationId, @Nullable String certificateLevel, @Nullable Boolean fullTime,
                            @Nullable String text, LocalDate today, @Nullable String afterName, @Nullable UUID afterId,
                            int limit);

    /** Every worker the filter leaves, by name: a whole list at once, for an export. */
    @Query("SELECT * FROM social_worker" + WHERE + " ORDER BY name, id")
    List<SocialWorker> matching(@Nullable UUID stationId, @Nullable String certificateLevel, @Nullable Boolean fullTime,
                                @Nullable String text, LocalDate today);

    @Query("SELECT count(*) FROM social_worker" + WHERE)
    int count(@Nullable UUID stationId, @Nullable String certificateLevel, @Nullable Boolean fullTime,
              @Nullable String text, LocalDate today);

    SocialWorker save(SocialWorker worker);

    /** Writes every field at the version read; a stale version throws OptimisticLockException. */
    SocialWorker update(SocialWorker worker);
}
