package io.shegong.calendar;

import io.shegong.policy.Milestone;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * One milestone owed by one party for one year, as the calendar expands it on read: never stored,
 * so it follows the profile and the registry; `completion` is the stored record that closes it.
 * `stationId` or `divisionId` names the party; neither for the bureau. A report a signed contract
 * owes (`report` set) is an item of the operator's: its milestone is the profile's REPORTS rule,
 * and the report submitted for its period closes it, not a completion.
 */
public record DueItem(Milestone milestone, int year, LocalDate dueOn, UUID stationId, UUID divisionId, Status status,
                      DueItemCompletion completion, Report report) {

    public enum Status { DUE, OVERDUE, DONE }

    /** Where an item comes from: the profile's calendar, or a contract's required reports. */
    public enum Origin { MILESTONE, CONTRACT_REPORT }

    /**
     * A report a contract owes for a period, and the report submitted for it (`reportId` and
     * `submittedOn` null while none is). The contract's stations are the item's stations.
     */
    public record Report(UUID contractId, UUID operatorId, String kind, LocalDate periodStart, LocalDate periodEnd,
                         List<UUID> stationIds, UUID reportId, LocalDate submittedOn) {
    }

    public DueItem(Milestone milestone, int year, LocalDate dueOn, UUID stationId, UUID divisionId, Status status,
                   DueItemCompletion completion) {
        this(milestone, year, dueOn, stationId, divisionId, status, completion, null);
    }

    /** An item's identity: the milestone, the year of its date and the party (null for the bureau). */
    public record Key(String milestone, int year, UUID party) {
    }

    public Key key() {
        return new Key(milestone.code(), year, stationId != null ? stationId : divisionId);
    }

    public Milestone.Party party() {
        return milestone.responsible().party();
    }

    public Origin origin() {
        return report == null ? Origin.MILESTONE : Origin.CONTRACT_REPORT;
    }

    /** The day it was done: its completion's, or the day its report was submitted; null while open. */
    public LocalDate doneOn() {
        return report != null ? report.submittedOn() : completion == null ? null : completion.doneOn();
    }

    /**
     * The item as it stood on a day: done only by what was done on or before it, overdue once its
     * day had passed by then.
     */
    public DueItem asOf(LocalDate day) {
        LocalDate done = doneOn();
        boolean closed = done != null && !done.isAfter(day);
        Status then = closed ? Status.DONE : dueOn.isBefore(day) ? Status.OVERDUE : Status.DUE;
        if (then == status) {
            return this;
        }
        Report r = report == null || closed ? report
                : new Report(report.contractId(), report.operatorId(), report.kind(), report.periodStart(), report.periodEnd(),
                report.stationIds(), null, null);
        return new DueItem(milestone, year, dueOn, stationId, divisionId, then, closed ? completion : null, r);
    }
}
