package io.shegong.activity;

import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/**
 * The months of a period whose records are all in it, `[start, end)` by first days, which a sum
 * reads from the totals kept by month (`activity_month`); the days before `start` and from `end`
 * on are read record by record. A month counts whole through a last day that is today or later,
 * since no record is held after today.
 */
public record WholeMonths(LocalDate start, LocalDate end) {

    public static WholeMonths of(LocalDate from, LocalDate to, LocalDate today) {
        LocalDate start = from.getDayOfMonth() == 1 ? from : from.withDayOfMonth(1).plusMonths(1);
        boolean toTheEnd = to.equals(to.with(TemporalAdjusters.lastDayOfMonth())) || !to.isBefore(today);
        LocalDate end = toTheEnd ? to.withDayOfMonth(1).plusMonths(1) : to.withDayOfMonth(1);
        if (!start.isBefore(end)) {
            // no whole month: every day is read record by record
            return new WholeMonths(to.plusDays(1), to.plusDays(1));
        }
        return new WholeMonths(start, end);
    }
}
