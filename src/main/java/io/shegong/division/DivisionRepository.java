package io.shegong.division;

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

/** Divisions of the bound tenant. Id lists are bound as one array, so a batch's SQL never changes. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface DivisionRepository extends GenericRepository<Division, UUID> {

    /** Filter fields, each optional. */
    record Filter(String level, UUID parentId, Boolean roots, String text, String zone) {
    }

    String WHERE = """
             WHERE (CAST(:level AS text) IS NULL OR level = :level)
               AND (CAST(:parentId AS uuid) IS NULL OR parent_id = CAST(:parentId AS uuid))
               AND (CAST(:roots AS boolean) IS NULL OR (parent_id IS NULL) = CAST(:roots AS boolean))
               AND (CAST(:text AS text) IS NULL OR name_zh ILIKE :text OR name_en ILIKE :text OR code ILIKE :text)
               AND (CAST(:zone AS text) IS NULL OR zone = :zone)
            """;

    Optional<Division> findById(UUID id);

    boolean existsByCode(String code);

    @Query("SELECT * FROM division WHERE id = ANY(CAST(:ids AS uuid[]))")
    List<Division> byIds(@TypeDef(type = DataType.STRING_ARRAY) String[] ids);

    /**
     * The divisions with these ids carrying the staffing attributes (community count, zone) in
     * effect on a date: the latest change dated on or before it, else the values as first
     * recorded. Null attributes when the history starts after the date.
     */
    @Query("""
            SELECT d.id, d.code, d.level, d.name_zh, d.name_en, d.parent_id, a.community_count, a.zone,
                   d.version, d.created_at, d.updated_at
              FROM division d
              LEFT JOIN LATERAL (
                   SELECT h.community_count, h.zone FROM division_attributes h
                    WHERE h.tenant_id = d.tenant_id AND h.division_id = d.id
                      AND (h.effective_on IS NULL OR h.effective_on <= :on)
                    ORDER BY h.effective_on DESC NULLS LAST, h.recorded_at DESC LIMIT 1) a ON true
             WHERE d.id = ANY(CAST(:ids AS uuid[]))""")
    List<Division> asOf(@TypeDef(type = DataType.STRING_ARRAY) String[] ids, LocalDate on);

    /** The division with this id and every division below it. */
    @Query("""
            WITH RECURSIVE sub AS (
                SELECT tenant_id, id FROM division WHERE id = :id
                UNION ALL
                SELECT d.tenant_id, d.id FROM division d JOIN sub ON d.tenant_id = sub.tenant_id AND d.parent_id = sub.id)
            SELECT id FROM sub""")
    List<UUID> subtree(UUID id);

    /** The divisions of some levels, for the calendar's items owed by each of them. */
    @Query("SELECT * FROM division WHERE level = ANY(CAST(:levels AS text[])) ORDER BY code")
    List<Division> ofLevels(@TypeDef(type = DataType.STRING_ARRAY) String[] levels);

    /** The divisions with these ids and every division above them, in one statement. */
    @Query("""
            WITH RECURSIVE up AS (
                SELECT * FROM division WHERE id = ANY(CAST(:ids AS uuid[]))
                UNION
                SELECT d.* FROM division d JOIN up ON d.tenant_id = up.tenant_id AND d.id = up.parent_id)
            SELECT * FROM up""")
    List<Division> withAncestors(@TypeDef(type = DataType.STRING_ARRAY) String[] ids);

    @Query("SELECT * FROM division WHERE parent_id = ANY(CAST(:ids AS uuid[])) ORDER BY code")
    List<Division> childrenOf(@TypeDef(type = DataType.STRING_ARRAY) String[] ids);

    @Query("SELECT * FROM division" + WHERE + " AND code > coalesce(:afterCode, '') ORDER BY code LIMIT :limit")
    List<Division> page(@Nullable String level, @Nullable UUID parentId, @Nullable Boolean roots,
                        @Nullable String text, @Nullable String zone, @Nullable String afterCode, int limit);

    /** Every division of the tenant, by code: an import resolves its rows' codes against them. */
    @Query("SELECT * FROM division ORDER BY code")
    List<Division> all();

    @Query("SELECT count(*) FROM division" + WHERE)
    int count(@Nullable String level, @Nullable UUID parentId, @Nullable Boolean roots, @Nullable String text,
              @Nullable String zone);

    Division save(Division division);

    /** Writes every field at the version read; a stale version throws OptimisticLockException. */
    Division update(Division division);
}
