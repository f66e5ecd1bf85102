package io.shegong.contract;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.data.annotation.MappedProperty;
import io.micronaut.data.annotation.NamingStrategy;
import io.shegong.core.db.ColumnNames;

import java.util.UUID;

/** What a report's period holds in the activity records of its contract's stations. */
@Introspected
@NamingStrategy(ColumnNames.class)
public record ReportFigures(
        @MappedProperty("report_id") UUID reportId,
        @MappedProperty("sessions") Long sessions,
        @MappedProperty("hours") Double hours,
        @MappedProperty("beneficiaries") Long beneficiaries) {
}
