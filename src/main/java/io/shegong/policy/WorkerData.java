package io.shegong.policy;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** What the rules read of a worker. */
public record WorkerData(UUID id, String name, LocalDate birthDate, String educationLevel, String major,
                         String certificateLevel, LocalDate certificateDate, double socialWorkYears,
                         double communityWorkYears, boolean fullTime, LocalDate lastRecordCheckOn,
                         List<Training> trainings) {

    public record Training(double hours, LocalDate completedOn, String provider, String topic) {
    }
}
