package io.shegong.contract;

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

/** Contracts of the bound tenant with the stations they serve. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface ContractRepository extends GenericRepository<Contract, UUID> {

    Contract save(Contract contract);

    /** Writes every field at the version read; a stale version throws OptimisticLockException. */
    Contract update(Contract contract);

    Optional<Contract> findById(UUID id);

    @Query("SELECT * FROM service_contract WHERE id = ANY(CAST(:ids AS uuid[]))")
    List<Contract> byIds(@TypeDef(type = DataType.STRING_ARRAY) String[] ids);

    /** The bureau's contracts, latest term first. */
    @Query("SELECT * FROM service_contract ORDER BY starts_on DESC, recorded_at DESC, id")
    List<Contract> all();

    /** Signed contracts (ended ones too) whose term touches the days `from` to `to`. */
    @Query("SELECT * FROM service_contract WHERE status <> 'DRAFT' AND starts_on <= :to AND ends_on >= :from ORDER BY starts_on, id")
    List<Contract> signedDuring(LocalDate from, LocalDate to);

    @Query("SELECT * FROM service_contract WHERE operator_id = ANY(CAST(:operatorIds AS uuid[])) ORDER BY starts_on DESC, id")
    List<Contract> ofOperators(@TypeDef(type = DataType.STRING_ARRAY) String[] operatorIds);

    @Query("INSERT INTO contract_station (contract_id, station_id) SELECT :contractId, id FROM unnest(CAST(:stationIds AS uuid[])) AS id")
    void addStations(UUID contractId, @TypeDef(type = DataType.STRING_ARRAY) String[] stationIds);

    @Query("DELETE FROM contract_station WHERE contract_id = :contractId")
    void removeStations(UUID contractId);

    @Query("SELECT contract_id, station_id FROM contract_station WHERE contract_id = ANY(CAST(:contractIds AS uuid[])) ORDER BY station_id")
    List<ContractStation> stationsOf(@TypeDef(type = DataType.STRING_ARRAY) String[] contractIds);

    @Query("SELECT contract_id, station_id FROM contract_station WHERE station_id = ANY(CAST(:stationIds AS uuid[]))")
    List<ContractStation> atStations(@TypeDef(type = DataType.STRING_ARRAY) String[] stationIds);

    /** The posts at the stations with each worker's employer, for the staffing rules of contracts. */
    @Query("""
            SELECT a.station_id, a.worker_id, a.starts_on, a.ends_on, w.employer_id
              FROM assignment a JOIN social_worker w ON w.id = a.worker_id
             WHERE a.station_id = ANY(CAST(:stationIds AS uuid[])) ORDER BY a.starts_on, a.id""")
    List<StaffedPost> posts(@TypeDef(type = DataType.STRING_ARRAY) String[] stationIds);
}
