package io.shegong.calendar;

import io.shegong.policy.Milestone;

import java.time.LocalDate;
import java.util.UUID;

/**
 * One milestone owed by one party for one year, as the calendar expands it on read: never stored,
 * so it follows the profile and the registry; `completion` is the stored record that closes it.
 * `stationId` or `divisionId` names the party; neither for the bureau.
 */
public record DueItem(Milestone milestone, int year, LocalDate dueOn, UUID stationId, UUID divisionId, Status status,
                      DueItemCompletion completion) {

    public enum Status { DUE, OVERDUE, DONE }

    /** An item's identity: the milestone, the year of its date and the party (null for the bureau). */
    public record Key(String milestone, int year, UUID party) {
    }

    public Key key() {
        return new Key(milestone.code(), year, stationId != null ? stationId : divisionId);
    }

    public Milestone.Party party() {
        return milestone.responsible().party();
    }
}
