package io.shegong.policy;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What the rules read of a worker. In a post, `fullTime` is the post's: the documents count
 * full-time (专职) workers at a station, and a worker is full-time at one station at a time.
 */
public record WorkerData(UUID id, String name, LocalDate birthDate, String educationLevel, String major,
                         String certificateLevel, LocalDate certificateDate, double socialWorkYears,
                         double communityWorkYears, boolean fullTime, LocalDate lastRecordCheckOn,
                         List<Training> trainings) {

    /** The worker as the rules see them in a post: full-time there or not. */
    public WorkerData inPost(boolean postFullTime) {
        return new WorkerData(id, name, birthDate, educationLevel, major, certificateLevel, certificateDate,
                socialWorkYears, communityWorkYears, postFullTime, lastRecordCheckOn, trainings);
    }

    public record Training(double hours, LocalDate completedOn, String provider, String topic) {
    }
}
