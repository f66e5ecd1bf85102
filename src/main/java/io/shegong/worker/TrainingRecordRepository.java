package io.shegong.worker;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.DataType;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.List;
import java.util.UUID;

/** Workers' training records. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface TrainingRecordRepository extends GenericRepository<TrainingRecord, UUID> {

    @Query("SELECT * FROM training_record WHERE id = ANY(CAST(:ids AS uuid[]))")
    List<TrainingRecord> byIds(@TypeDef(type = DataType.STRING_ARRAY) String[] ids);

    /** Most recent first, as `SocialWorker.trainingRecords` lists them. */
    @Query("""
            SELECT * FROM training_record WHERE worker_id = ANY(CAST(:workerIds AS uuid[]))
             ORDER BY completed_on DESC, id""")
    List<TrainingRecord> ofWorkers(@TypeDef(type = DataType.STRING_ARRAY) String[] workerIds);

    TrainingRecord save(TrainingRecord training);
}
