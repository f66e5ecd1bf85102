package io.shegong.contract;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.DateCreated;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import io.micronaut.data.annotation.NamingStrategy;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.annotation.Version;
import io.micronaut.data.model.DataType;
import io.shegong.core.db.ColumnNames;
import io.shegong.core.graphql.Identified;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A service contract (政府购买服务合同): a purchaser (the bureau or one of its districts) buys the
 * services of stations from an operator for a term at a price, the project landing in a street or
 * town. Stored status is what people decide (DRAFT, SIGNED, ENDED); whether a signed contract is
 * in force or has expired is read from its term on a day ({@link #statusOn}).
 */
@MappedEntity("service_contract")
@NamingStrategy(ColumnNames.class)
public record Contract(
        @MappedProperty("id") @Id UUID id,
        @MappedProperty("code") @Nullable String code,
        @MappedProperty("title") String title,
        @MappedProperty("purchaser_division_id") UUID purchaserDivisionId,
        @MappedProperty("landing_division_id") UUID landingDivisionId,
        @MappedProperty("operator_id") UUID operatorId,
        @MappedProperty("starts_on") LocalDate startsOn,
        @MappedProperty("ends_on") LocalDate endsOn,
        @MappedProperty("price") BigDecimal price,
        @MappedProperty("status") String status,
        @MappedProperty("signed_on") @Nullable LocalDate signedOn,
        @MappedProperty("ended_on") @Nullable LocalDate endedOn,
        @MappedProperty("end_reason") @Nullable String endReason,
        @MappedProperty("end_note") @Nullable String endNote,
        @MappedProperty("successor_id") @Nullable UUID successorId,
        @MappedProperty("takeover_plan") @Nullable String takeoverPlan,
        @MappedProperty("documents") @TypeDef(type = DataType.STRING_ARRAY) List<String> documents,
        @MappedProperty("version") @Version int version,
        @MappedProperty("recorded_by") String recordedBy,
        @MappedProperty("recorded_at") @Nullable @DateCreated Instant recordedAt) implements Identified {

    /** What the API shows: the stored status, with SIGNED read as IN_FORCE or ENDED by the term. */
    public enum Status { DRAFT, SIGNED, IN_FORCE, ENDED }

    public enum EndReason { EXPIRED, TERMINATED, RENEWED }

    /**
     * A contract ended early runs until its `endedOn`: terminating it at the end of next month
     * leaves it in force until then.
     */
    public Status statusOn(LocalDate day) {
        if ("DRAFT".equals(status)) {
            return Status.DRAFT;
        }
        if (endedOn != null && day.isAfter(endedOn) || day.isAfter(endsOn)) {
            return Status.ENDED;
        }
        return day.isBefore(startsOn) ? Status.SIGNED : Status.IN_FORCE;
    }

    /** Why it ended (or is set to end, when terminated or renewed ahead), or null while it runs to its term. */
    public EndReason endReasonOn(LocalDate day) {
        if (endReason != null) {
            return EndReason.valueOf(endReason);
        }
        return statusOn(day) == Status.ENDED ? EndReason.EXPIRED : null;
    }

    /** The last day the contract runs: the day it was ended early, or its term's end. */
    public LocalDate lastDay() {
        return endedOn != null && endedOn.isBefore(endsOn) ? endedOn : endsOn;
    }

    /** Contract year n (from 1) begins n-1 years after the term's first day. */
    public LocalDate yearStart(int n) {
        return startsOn.plusYears(n - 1L);
    }

    /** The last day of contract year n, never past the term. */
    public LocalDate yearEnd(int n) {
        LocalDate end = startsOn.plusYears(n).minusDays(1);
        return end.isAfter(endsOn) ? endsOn : end;
    }

    /** How many contract years the term holds (a part year counts). */
    public int years() {
        int n = 1;
        while (!yearStart(n + 1).isAfter(endsOn)) {
            n++;
        }
        return n;
    }

    Contract signed(LocalDate on, int read) {
        return new Contract(id, code, title, purchaserDivisionId, landingDivisionId, operatorId, startsOn, endsOn, price,
                "SIGNED", on, endedOn, endReason, endNote, successorId, takeoverPlan, documents, read, recordedBy, recordedAt);
    }

    Contract ended(LocalDate on, EndReason reason, String note, UUID successor, int read) {
        return new Contract(id, code, title, purchaserDivisionId, landingDivisionId, operatorId, startsOn, endsOn, price,
                "ENDED", signedOn, on, reason.name(), note, successor, takeoverPlan, documents, read, recordedBy, recordedAt);
    }

    Contract withTakeoverPlan(String plan, int read) {
        return new Contract(id, code, title, purchaserDivisionId, landingDivisionId, operatorId, startsOn, endsOn, price,
                status, signedOn, endedOn, endReason, endNote, successorId, plan, documents, read, recordedBy, recordedAt);
    }
}
