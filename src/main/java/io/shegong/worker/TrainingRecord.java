package io.shegong.worker;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import io.micronaut.data.annotation.NamingStrategy;
import io.shegong.core.db.ColumnNames;
import io.shegong.core.graphql.Identified;

import java.time.LocalDate;
import java.util.UUID;

/** Training a worker completed; records are added, never changed. */
@MappedEntity("training_record")
@NamingStrategy(ColumnNames.class)
public record TrainingRecord(
        @MappedProperty("id") @Id UUID id,
        @MappedProperty("worker_id") UUID workerId,
        @MappedProperty("topic") String topic,
        @MappedProperty("provider") String provider,
        @MappedProperty("hours") double hours,
        @MappedProperty("completed_on") LocalDate completedOn) implements Identified {
}
