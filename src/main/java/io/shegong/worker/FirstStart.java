package io.shegong.worker;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.data.annotation.MappedProperty;
import io.micronaut.data.annotation.NamingStrategy;
import io.shegong.core.db.ColumnNames;

import java.sql.Date;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The day a worker took their first post, which rules count service years from; typed as the
 * driver answers (see {@link PostWithWorker}).
 */
@Introspected
@NamingStrategy(ColumnNames.class)
public record FirstStart(@MappedProperty("worker_id") UUID workerId, @MappedProperty("starts_on") Date startsOn) {

    public LocalDate day() {
        return startsOn.toLocalDate();
    }
}
