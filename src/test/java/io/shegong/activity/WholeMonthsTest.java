package io.shegong.activity;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Which months of a period a sum reads from the monthly totals, and which days record by record. */
class WholeMonthsTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

    private static WholeMonths of(String from, String to) {
        return WholeMonths.of(LocalDate.parse(from), LocalDate.parse(to), TODAY);
    }

    @Test
    void aPeriodOfWholeMonths_isReadFromTheTotals() {
        assertEquals(new WholeMonths(LocalDate.parse("2026-01-01"), LocalDate.parse("2026-11-01")), of("2026-01-01", "2026-10-31"));
    }

    @Test
    void theMonthOfToday_isWhole_sinceNoRecordIsHeldAfterToday() {
        assertEquals(new WholeMonths(LocalDate.parse("2026-10-01"), LocalDate.parse("2026-12-01")), of("2026-10-01", "2026-11-25"));
        assertEquals(new WholeMonths(LocalDate.parse("2026-10-01"), LocalDate.parse("2027-01-01")), of("2026-10-01", "2026-12-31"));
    }

    @Test
    void daysAtTheEdges_areLeftToTheRecords() {
        assertEquals(new WholeMonths(LocalDate.parse("2026-02-01"), LocalDate.parse("2026-06-01")), of("2026-01-15", "2026-06-20"));
    }

    @Test
    void aPeriodWithinOneMonth_hasNoWholeMonth() {
        WholeMonths none = of("2026-03-03", "2026-03-20");
        assertEquals(none.start(), none.end());
        assertEquals(LocalDate.parse("2026-03-21"), none.start(), "every day of the period lies before it");
    }
}
