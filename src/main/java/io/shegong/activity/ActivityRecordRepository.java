package io.shegong.activity;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.DataType;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Activity records of the bound tenant; recorded, never changed. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface ActivityRecordRepository extends GenericRepository<ActivityRecord, UUID> {

    ActivityRecord save(ActivityRecord record);

    @Query("SELECT * FROM activity_record WHERE id = ANY(CAST(:ids AS uuid[]))")
    List<ActivityRecord> byIds(@TypeDef(type = DataType.STRING_ARRAY) String[] ids);

    /** The stations' records held within a period, both days included, oldest first. */
    @Query("""
            SELECT * FROM activity_record WHERE station_id = ANY(CAST(:stationIds AS uuid[]))
               AND held_on BETWEEN :from AND :to ORDER BY held_on, recorded_at""")
    List<ActivityRecord> atStations(@TypeDef(type = DataType.STRING_ARRAY) String[] stationIds, LocalDate from, LocalDate to);
}
