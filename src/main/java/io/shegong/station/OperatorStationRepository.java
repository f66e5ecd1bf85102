package io.shegong.station;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.UUID;

/** Which stations a STATION_OPERATOR (by token subject) has been granted. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface OperatorStationRepository extends GenericRepository<Station, UUID> {

    @Query("SELECT EXISTS (SELECT 1 FROM operator_station WHERE subject = :subject AND station_id = :stationId)")
    boolean operates(String subject, UUID stationId);

    @Query("INSERT INTO operator_station (subject, station_id) VALUES (:subject, :stationId) ON CONFLICT DO NOTHING")
    void grant(String subject, UUID stationId);
}
