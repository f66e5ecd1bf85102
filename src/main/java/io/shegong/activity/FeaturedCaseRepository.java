package io.shegong.activity;

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

/** Featured cases of the bound tenant. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface FeaturedCaseRepository extends GenericRepository<FeaturedCase, UUID> {

    FeaturedCase save(FeaturedCase featuredCase);

    /** Writes every field at the version read; a stale version throws OptimisticLockException. */
    FeaturedCase update(FeaturedCase featuredCase);

    Optional<FeaturedCase> findById(UUID id);

    @Query("SELECT * FROM featured_case WHERE id = ANY(CAST(:ids AS uuid[]))")
    List<FeaturedCase> byIds(@TypeDef(type = DataType.STRING_ARRAY) String[] ids);

    /** Newest year first, then as submitted. */
    @Query("""
            SELECT * FROM featured_case WHERE station_id = ANY(CAST(:stationIds AS uuid[]))
             ORDER BY year DESC, submitted_on, id""")
    List<FeaturedCase> atStations(@TypeDef(type = DataType.STRING_ARRAY) String[] stationIds);

    /**
     * Each station's cases of a year by kind, as they stood on a day: submitted by then and not
     * returned (a case returned later still counted on the days before). For compliance, in one
     * statement for any number of stations.
     */
    @Query("""
            SELECT station_id, kind, count(*) AS n FROM featured_case
             WHERE station_id = ANY(CAST(:stationIds AS uuid[])) AND year = :year AND submitted_on <= :on
               AND NOT (status = 'RETURNED' AND reviewed_on <= :on)
             GROUP BY station_id, kind""")
    List<CaseCount> counts(@TypeDef(type = DataType.STRING_ARRAY) String[] stationIds, int year, LocalDate on);
}
