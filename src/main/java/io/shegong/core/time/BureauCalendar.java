package io.shegong.core.time;

import io.shegong.core.db.Session;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.LocalDate;

/**
 * "Today" for the bureau whose unit of work is running: the service's one clock, read in the
 * bureau's time zone. Services ask it instead of the system clock, so a bureau's day starts at
 * its own midnight and tests can stop time.
 */
@Singleton
public class BureauCalendar {
    private final Clock clock;

    public BureauCalendar(Clock clock) {
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(Session.current().map(Session::zone).orElse(BureauTime.ZONE)));
    }

    public Clock clock() {
        return clock;
    }
}
