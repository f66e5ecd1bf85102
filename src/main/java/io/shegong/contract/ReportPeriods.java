package io.shegong.contract;

import io.shegong.policy.ContractRules.Rule;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The periods a signed contract owes a report of a REPORTS rule's kind for, each due the rule's
 * days after it ends: a monthly brief for each month of its run from signing (a part month at
 * either end), an annual summary for each contract year, a mid-term report for the first half
 * of the term, a final report for its whole run. The findings and the calendar read the same
 * periods, so a missing report is overdue in the calendar exactly when it is a finding.
 */
final class ReportPeriods {
    private ReportPeriods() {
    }

    record Period(LocalDate start, LocalDate end, LocalDate dueOn) {
        /** A report of the kind covers the period when its own period shares a day with it. */
        boolean coveredBy(ContractReport r) {
            return !r.periodStart().isAfter(end) && !r.periodEnd().isBefore(start);
        }

        /** The first report of the kind submitted for the period, or null. */
        ContractReport report(String kind, List<ContractReport> submitted) {
            return submitted.stream().filter(r -> r.kind().equals(kind) && coveredBy(r))
                    .min(Comparator.comparing(ContractReport::submittedOn)).orElse(null);
        }
    }

    /** None for a contract not signed. */
    static List<Period> owed(Contract c, Rule rule) {
        if (c.signedOn() == null) {
            return List.of();
        }
        LocalDate from = c.signedOn().isAfter(c.startsOn()) ? c.signedOn() : c.startsOn();
        LocalDate last = c.lastDay();
        List<Period> owed = new ArrayList<>();
        switch (rule.kind()) {
            case "MONTHLY_BRIEF" -> {
                for (LocalDate m = from.withDayOfMonth(1); !m.isAfter(last); m = m.plusMonths(1)) {
                    LocalDate end = m.plusMonths(1).minusDays(1);
                    owed.add(period(m.isBefore(from) ? from : m, end.isAfter(last) ? last : end, rule));
                }
            }
            case "ANNUAL_SUMMARY" -> {
                for (int n = 1; n <= c.years() && !c.yearStart(n).isAfter(last); n++) {
                    owed.add(period(c.yearStart(n), c.yearEnd(n).isAfter(last) ? last : c.yearEnd(n), rule));
                }
            }
            case "MID_TERM" -> owed.add(period(c.startsOn(),
                    c.startsOn().plusDays(ChronoUnit.DAYS.between(c.startsOn(), c.endsOn()) / 2), rule));
            default -> owed.add(period(c.startsOn(), last, rule));
        }
        return owed;
    }

    private static Period period(LocalDate start, LocalDate end, Rule rule) {
        return new Period(start, end, end.plusDays(rule.days()));
    }
}
