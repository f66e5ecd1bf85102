package io.shegong.division;

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

/** The dated history of divisions' staffing attributes. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface DivisionAttributesRepository extends GenericRepository<DivisionAttributes, UUID> {

    DivisionAttributes save(DivisionAttributes attributes);

    /** The latest dated change of a division, if any. */
    @Query("""
            SELECT max(effective_on) FROM division_attributes WHERE division_id = :divisionId""")
    Optional<LocalDate> latestChange(UUID divisionId);

    @Query("""
            SELECT * FROM division_attributes WHERE division_id = ANY(CAST(:ids AS uuid[]))
             ORDER BY effective_on NULLS FIRST, recorded_at""")
    List<DivisionAttributes> ofDivisions(@TypeDef(type = DataType.STRING_ARRAY) String[] ids);
}
