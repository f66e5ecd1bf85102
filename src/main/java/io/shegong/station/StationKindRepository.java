package io.shegong.station;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.List;

/** The bound tenant's station kinds. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface StationKindRepository extends GenericRepository<StationKind, String> {

    /** In the bureau's own order. */
    @Query("SELECT * FROM station_kind ORDER BY sort_order, code")
    List<StationKind> all();
}
