package io.shegong.worker;

import io.shegong.core.graphql.Identified;

import java.time.LocalDate;
import java.util.UUID;

public record TrainingRecord(UUID id, UUID workerId, String topic, String provider, double hours,
                             LocalDate completedOn) implements Identified {
}
