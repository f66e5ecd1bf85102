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
                         List<Training> trainings, List<Designation> designations) {

    /** The worker as the rules see them in a post: full-time there or not. */
    public WorkerData inPost(boolean postFullTime) {
        return new WorkerData(id, name, birthDate, educationLevel, major, certificateLevel, certificateDate,
                socialWorkYears, communityWorkYears, postFullTime, lastRecordCheckOn, trainings, designations);
    }

    public record Training(double hours, LocalDate completedOn, String provider, String topic) {
    }

    /** A designation (LEADING_TALENT, SUPERVISOR) at a level, held from `awardedOn` until `endsOn` (exclusive) if it ends. */
    public record Designation(String kind, String level, LocalDate awardedOn, LocalDate endsOn) {
        public boolean heldOn(LocalDate day) {
            return !awardedOn.isAfter(day) && (endsOn == null || endsOn.isAfter(day));
        }
    }

    /** The kinds of designation held on a day: what a rule for designated workers reads to apply. */
    public java.util.Set<String> designationsHeld(LocalDate day) {
        java.util.Set<String> held = new java.util.HashSet<>();
        designations.stream().filter(d -> d.heldOn(day)).forEach(d -> held.add(d.kind()));
        return held;
    }
}
