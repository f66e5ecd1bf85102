package io.shegong.station;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.DataType;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.List;
import java.util.UUID;

/** Which stations a STATION_OPERATOR (by token subject) has been granted. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface OperatorStationRepository extends GenericRepository<Station, UUID> {

    @Query("SELECT EXISTS (SELECT 1 FROM operator_station WHERE subject = :subject AND station_id = :stationId)")
    boolean operates(String subject, UUID stationId);

    /** The stations granted to the subject. */
    @Query("SELECT station_id FROM operator_station WHERE subject = :subject")
    List<UUID> granted(String subject);

    @Query("INSERT INTO operator_station (subject, station_id) VALUES (:subject, :stationId) ON CONFLICT DO NOTHING")
    void grant(String subject, UUID stationId);

    /** Makes the subject's grants exactly these stations, which must be the bureau's. */
    default void grantExactly(String subject, String[] stationIds) {
        revokeAllBut(subject, stationIds);
        grantAll(subject, stationIds);
    }

    @Query("DELETE FROM operator_station WHERE subject = :subject AND station_id <> ALL(CAST(:keep AS uuid[]))")
    void revokeAllBut(String subject, @TypeDef(type = DataType.STRING_ARRAY) String[] keep);

    @Query("""
            INSERT INTO operator_station (subject, station_id)
            SELECT :subject, id FROM unnest(CAST(:stationIds AS uuid[])) AS id ON CONFLICT DO NOTHING""")
    void grantAll(String subject, @TypeDef(type = DataType.STRING_ARRAY) String[] stationIds);
}
