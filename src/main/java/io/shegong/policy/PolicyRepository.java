package io.shegong.policy;

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

/** The bound tenant's policy profiles, every revision of them. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface PolicyRepository extends GenericRepository<PolicyProfile, UUID> {

    Optional<PolicyProfile> findById(UUID id);

    @Query("SELECT * FROM policy_profile WHERE id = ANY(CAST(:ids AS uuid[]))")
    List<PolicyProfile> byIds(@TypeDef(type = DataType.STRING_ARRAY) String[] ids);

    /** Newest revision first. */
    @Query("SELECT * FROM policy_profile ORDER BY revision DESC")
    List<PolicyProfile> all();

    /** The published revision in force on a date: the latest effective on or before it. */
    @Query("""
            SELECT * FROM policy_profile WHERE status = 'PUBLISHED' AND effective_from <= :on
             ORDER BY effective_from DESC, revision DESC LIMIT 1""")
    Optional<PolicyProfile> inForce(LocalDate on);

    /** The open draft; a unique index keeps it to one. */
    @Query("SELECT * FROM policy_profile WHERE status = 'DRAFT'")
    Optional<PolicyProfile> draft();

    /** The date the latest published revision takes effect; empty before the first is published. */
    @Query("SELECT max(effective_from) FROM policy_profile WHERE status = 'PUBLISHED'")
    Optional<LocalDate> latestEffective();

    @Query("SELECT coalesce(max(revision), 0) + 1 FROM policy_profile")
    int nextRevision();

    PolicyProfile save(PolicyProfile profile);

    /**
     * Writes every field at the version read; a stale version throws OptimisticLockException. A
     * published revision cannot be written at all: a trigger refuses it.
     */
    PolicyProfile update(PolicyProfile profile);
}
