package io.shegong.core.time;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The bureaus' calendar. Every bureau served today is in China, so a bureau's day is a day in
 * Asia/Shanghai; dates a client gives are turned into instants here and nowhere else.
 */
public final class BureauTime {
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private BureauTime() {
    }

    /** The first instant of the bureau's day. */
    public static Instant startOf(LocalDate day) {
        return day.atStartOfDay(ZONE).toInstant();
    }
}
