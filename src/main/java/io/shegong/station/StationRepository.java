package io.shegong.station;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.DataType;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import io.micronaut.core.annotation.Nullable;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Stations of the bound tenant. Id lists are bound as one array, so a batch's SQL never changes. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface StationRepository extends GenericRepository<Station, UUID> {

    /** Filter fields, each optional. */
    record Filter(UUID divisionId, String kind, String status, String operatingMode, UUID parentId, String text) {
    }

    // The division filter takes the whole subtree: a district's stations include its streets'.
    String WHERE = """
             WHERE (CAST(:divisionId AS uuid) IS NULL OR division_id IN (
                       WITH RECURSIVE sub AS (
                           SELECT id FROM division WHERE id = CAST(:divisionId AS uuid)
                           UNION ALL
                           SELECT d.id FROM division d JOIN sub ON d.parent_id = sub.id)
                       SELECT id FROM sub))
               AND (CAST(:kind AS text) IS NULL OR kind_code = :kind)
               AND (CAST(:status AS text) IS NULL OR status = :status)
               AND (CAST(:operatingMode AS text) IS NULL OR operating_mode = :operatingMode)
               AND (CAST(:parentId AS uuid) IS NULL OR parent_id = CAST(:parentId AS uuid))
               AND (CAST(:text AS text) IS NULL OR name ILIKE :text OR code ILIKE :text OR address ILIKE :text)
            """;

    Optional<Station> findById(UUID id);

    boolean existsByCode(String code);

    @Query("SELECT * FROM station WHERE id = ANY(CAST(:ids AS uuid[]))")
    List<Station> byIds(@TypeDef(type = DataType.STRING_ARRAY) String[] ids);

    /** Every station, for the calendar's items: few hundred at most in a bureau. */
    @Query("SELECT * FROM station ORDER BY code")
    List<Station> all();

    @Query("SELECT * FROM station WHERE parent_id = ANY(CAST(:ids AS uuid[])) ORDER BY code")
    List<Station> childrenOf(@TypeDef(type = DataType.STRING_ARRAY) String[] ids);

    @Query("SELECT * FROM station WHERE division_id = ANY(CAST(:ids AS uuid[])) ORDER BY code")
    List<Station> inDivisions(@TypeDef(type = DataType.STRING_ARRAY) String[] ids);

    /**
     * Every station that was signed, operating or suspended on a date, by its status history: the
     * ones checked for compliance on that date. Today's are those whose current status is one of these.
     */
    @Query("""
            SELECT s.* FROM station s
              JOIN LATERAL (
                   SELECT c.status FROM station_status_change c
                    WHERE c.tenant_id = s.tenant_id AND c.station_id = s.id AND c.effective_on <= :on
                    ORDER BY c.effective_on DESC, c.recorded_at DESC LIMIT 1) h
                ON h.status IN ('SIGNED', 'OPERATING', 'SUSPENDED')
             ORDER BY s.code""")
    List<Station> checkedOn(LocalDate on);

    @Query("SELECT * FROM station" + WHERE + " AND code > coalesce(:afterCode, '') ORDER BY code LIMIT :limit")
    List<Station> page(@Nullable UUID divisionId, @Nullable String kind, @Nullable String status,
                       @Nullable String operatingMode, @Nullable UUID parentId, @Nullable String text,
                       @Nullable String afterCode, int limit);

    /** Every station the filter leaves, by code: a whole list at once, for an export. */
    @Query("SELECT * FROM station" + WHERE + " ORDER BY code")
    List<Station> matching(@Nullable UUID divisionId, @Nullable String kind, @Nullable String status,
                           @Nullable String operatingMode, @Nullable UUID parentId, @Nullable String text);

    @Query("SELECT count(*) FROM station" + WHERE)
    int count(@Nullable UUID divisionId, @Nullable String kind, @Nullable String status,
              @Nullable String operatingMode, @Nullable UUID parentId, @Nullable String text);

    Station save(Station station);

    /** Writes every field at the version read; a stale version throws OptimisticLockException. */
    Station update(Station station);
}
