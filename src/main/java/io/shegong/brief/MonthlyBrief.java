package io.shegong.brief;

import io.shegong.activity.MonthTotals;
import io.shegong.calendar.DueItem;
import io.shegong.policy.Milestone;
import io.shegong.station.Station;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A month of the bureau (or of one station), computed on read from what is recorded: due and
 * overdue items, activity against the month before, how compliance moved, featured cases and
 * rectifications. `asOf` is the month's last day, or the bureau's today while the month runs.
 */
public record MonthlyBrief(String month, LocalDate from, LocalDate to, LocalDate asOf, UUID stationId, UUID divisionId,
                           List<DueItem> dueThisMonth, List<DueItem> overdue, List<LateParty> late,
                           Activity activity, Activity previousActivity, List<MonthTotals> activityByDivision,
                           ComplianceChange compliance, Cases featuredCases, Rectifications supervision) {

    /** Whether the month is still running (or yet to come) on the bureau's today. */
    public boolean current() {
        return asOf.isBefore(to);
    }

    /**
     * One party that was late by `asOf`, with its overdue items, oldest first; `operatorId` names
     * the operator owing a contract's reports (responsible OPERATOR).
     */
    public record LateParty(Milestone.Party responsible, UUID stationId, UUID divisionId, UUID operatorId, List<DueItem> items) {
        public int overdue() {
            return items.size();
        }
    }

    /** A month's activity records summed; `beneficiaries` by category, most served first. */
    public record Activity(String month, int records, double hours, Map<String, Integer> beneficiaries, int volunteers,
                           double volunteerHours) {
        public int served() {
            return beneficiaries.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    /** How compliance stood at the end of the month before (`previousOn`) and on `on`. */
    public record ComplianceChange(LocalDate previousOn, LocalDate on, Standing before, Standing after,
                                   List<Station> becameNonCompliant, List<Station> becameCompliant) {
    }

    /** The stations checked on a day and their findings by severity. */
    public record Standing(int stations, int compliant, int nonCompliant, int violations, int advisories) {
    }

    public record Cases(int submitted, int accepted, int returned) {
    }

    /** Rectifications required in the month, closed by a re-inspection in it, and overdue on `asOf`. */
    public record Rectifications(int opened, int rectified, int overdue) {
    }
}
