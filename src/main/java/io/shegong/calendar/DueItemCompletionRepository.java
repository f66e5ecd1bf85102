package io.shegong.calendar;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.DataType;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.List;
import java.util.UUID;

/** Completions of the bound tenant's due items; a unique index keeps one per item. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface DueItemCompletionRepository extends GenericRepository<DueItemCompletion, UUID> {

    DueItemCompletion save(DueItemCompletion completion);

    void delete(DueItemCompletion completion);

    /** Every completion of items of the years, the bureau's, the divisions' and the stations' alike. */
    @Query("SELECT * FROM due_item_completion WHERE year BETWEEN :fromYear AND :toYear")
    List<DueItemCompletion> ofYears(int fromYear, int toYear);

    /** The stations' completions of items of the years: one statement for any number of stations. */
    @Query("""
            SELECT * FROM due_item_completion
             WHERE station_id = ANY(CAST(:stationIds AS uuid[])) AND year BETWEEN :fromYear AND :toYear""")
    List<DueItemCompletion> ofStations(@TypeDef(type = DataType.STRING_ARRAY) String[] stationIds, int fromYear, int toYear);
}
