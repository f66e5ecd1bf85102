package io.shegong.calendar;

import io.micronaut.core.annotation.Nullable;
import io.shegong.core.security.Caller;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Items the calendar lists besides the profile's milestones, owed because of records (a signed
 * contract's required reports). Each is read in a fixed number of statements for the whole window.
 */
public interface DueItemSource {

    /**
     * The items whose day lies in one of the spans, each under the profile in force on its day, as
     * they stand on `asOf`. `stations` narrows to the items belonging to one of those stations;
     * null lists every item the caller may see.
     */
    List<DueItem> items(Caller caller, List<Deadlines.Span> spans, @Nullable Set<UUID> stations, LocalDate asOf);
}
