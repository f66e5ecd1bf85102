package io.shegong.contract;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.DateCreated;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import io.micronaut.data.annotation.NamingStrategy;
import io.micronaut.data.annotation.Version;
import io.shegong.core.db.ColumnNames;
import io.shegong.core.graphql.Identified;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A report the operator submits under a contract (monthly brief, mid-term, final, annual
 * summary) for a period; the department accepts it. Its figures are not stored: they are
 * computed from the activity records of the contract's stations for the period.
 */
@MappedEntity("contract_report")
@NamingStrategy(ColumnNames.class)
public record ContractReport(
        @MappedProperty("id") @Id UUID id,
        @MappedProperty("contract_id") UUID contractId,
        @MappedProperty("kind") String kind,
        @MappedProperty("period_start") LocalDate periodStart,
        @MappedProperty("period_end") LocalDate periodEnd,
        @MappedProperty("body") String body,
        @MappedProperty("submitted_on") LocalDate submittedOn,
        @MappedProperty("accepted_on") @Nullable LocalDate acceptedOn,
        @MappedProperty("version") @Version int version,
        @MappedProperty("submitted_by") String submittedBy,
        @MappedProperty("recorded_at") @Nullable @DateCreated Instant recordedAt) implements Identified {

    public enum Kind { MONTHLY_BRIEF, MID_TERM, FINAL, ANNUAL_SUMMARY }

    ContractReport accepted(LocalDate on, int read) {
        return new ContractReport(id, contractId, kind, periodStart, periodEnd, body, submittedOn, on, read, submittedBy, recordedAt);
    }
}
