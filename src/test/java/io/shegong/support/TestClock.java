package io.shegong.support;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.shegong.core.time.ClockFactory;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * The service's clock, stopped at the instant `test.clock` names, so that no test depends on the
 * day or the year it runs.
 */
@Factory
@Requires(property = "test.clock")
public class TestClock {

    @Singleton
    @Replaces(bean = Clock.class, factory = ClockFactory.class)
    public Clock clock(@Value("${test.clock}") String instant) {
        return Clock.fixed(Instant.parse(instant), ZoneOffset.UTC);
    }
}
