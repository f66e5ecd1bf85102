package io.shegong.worker;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.shegong.core.graphql.Identified;

import java.time.LocalDate;
import java.util.UUID;

/** Training a worker completed; records are added, never changed. */
@MappedEntity("training_record")
public record TrainingRecord(@Id UUID id, UUID workerId, String topic, String provider, double hours,
                             LocalDate completedOn) implements Identified {
}
