package io.shegong.contract;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.DateCreated;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import io.micronaut.data.annotation.NamingStrategy;
import io.shegong.core.db.ColumnNames;
import io.shegong.core.graphql.Identified;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A performance evaluation (绩效评估) of a contract year, by the department or a third party: a
 * score and a grade of the profile's scale. Recorded, never changed.
 */
@MappedEntity("contract_evaluation")
@NamingStrategy(ColumnNames.class)
public record ContractEvaluation(
        @MappedProperty("id") @Id UUID id,
        @MappedProperty("contract_id") UUID contractId,
        @MappedProperty("contract_year") int contractYear,
        @MappedProperty("kind") String kind,
        @MappedProperty("evaluator") String evaluator,
        @MappedProperty("evaluated_on") LocalDate evaluatedOn,
        @MappedProperty("score") @Nullable BigDecimal score,
        @MappedProperty("grade") String grade,
        @MappedProperty("note") @Nullable String note,
        @MappedProperty("items") @io.micronaut.data.annotation.TypeDef(type = io.micronaut.data.model.DataType.JSON) List<Item> items,
        @MappedProperty("recorded_by") String recordedBy,
        @MappedProperty("recorded_at") @Nullable @DateCreated Instant recordedAt) implements Identified {

    /** A deliverable's score, by its position in the contract; the score is exact decimal text, 0 to 100. */
    @io.micronaut.serde.annotation.Serdeable
    public record Item(int deliverable, String score, @Nullable String note) {
    }

    public enum Kind { MID_TERM, ANNUAL, FINAL }
}
