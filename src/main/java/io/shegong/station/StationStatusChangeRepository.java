package io.shegong.station;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.DataType;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Stations' life-cycle history. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface StationStatusChangeRepository extends GenericRepository<StationStatusChange, UUID> {

    StationStatusChange save(StationStatusChange change);

    @Query("""
            SELECT * FROM station_status_change WHERE station_id = ANY(CAST(:stationIds AS uuid[]))
             ORDER BY effective_on, recorded_at""")
    List<StationStatusChange> ofStations(@TypeDef(type = DataType.STRING_ARRAY) String[] stationIds);

    /** Every change of the bureau's stations, in the order they took effect: what targets replay for any day. */
    @Query("SELECT * FROM station_status_change ORDER BY effective_on, recorded_at")
    List<StationStatusChange> all();

    /** Each station's status on a date: its latest change on or before it; none when it was not yet registered. */
    @Query("""
            SELECT DISTINCT ON (station_id) * FROM station_status_change
             WHERE station_id = ANY(CAST(:stationIds AS uuid[])) AND effective_on <= :on
             ORDER BY station_id, effective_on DESC, recorded_at DESC""")
    List<StationStatusChange> on(@TypeDef(type = DataType.STRING_ARRAY) String[] stationIds, LocalDate on);
}
