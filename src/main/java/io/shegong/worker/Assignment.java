package io.shegong.worker;

import io.shegong.core.graphql.Identified;

import java.time.LocalDate;
import java.util.UUID;

/** A worker's post at a station from one date to another. */
public record Assignment(UUID id, UUID workerId, UUID stationId, String role, LocalDate startsOn, LocalDate endsOn,
                         boolean fullTime, int version) implements Identified {

    public enum Role { HEAD, DEPUTY_HEAD, SOCIAL_WORKER, SUPERVISOR }

    /** Started and not yet ended on the given date. */
    public boolean currentOn(LocalDate day) {
        return !startsOn.isAfter(day) && (endsOn == null || !endsOn.isBefore(day));
    }

    public boolean current() {
        return currentOn(LocalDate.now());
    }
}
