package io.shegong.funding;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import io.micronaut.data.annotation.NamingStrategy;
import io.micronaut.data.annotation.Version;
import io.shegong.core.db.ColumnNames;
import io.shegong.core.graphql.Identified;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One line of the funding ledger (资金台账): an allocation (安排/下达) or a payment (拨付) of
 * `amount` yuan from a source of the profile's `fundingSources`, for a fiscal year, by the level
 * that pays (and the paying division when it is one of the bureau's), for a station (operation,
 * labour, its construction subsidy, services bought from it) or for the network in general.
 * An entry does not yet name the contract tranche (付款节点) it pays: contracts are built apart, and
 * a tranche reference belongs here, with its own cross-tenant case, once they are merged.
 */
@MappedEntity("funding_entry")
@NamingStrategy(ColumnNames.class)
public record FundingEntry(
        @MappedProperty("id") @Id UUID id,
        @MappedProperty("kind") String kind,
        @MappedProperty("source") String source,
        @MappedProperty("amount") BigDecimal amount,
        @MappedProperty("entry_date") LocalDate entryDate,
        @MappedProperty("fiscal_year") int fiscalYear,
        @MappedProperty("payer_level") String payerLevel,
        @MappedProperty("payer_division_id") @Nullable UUID payerDivisionId,
        @MappedProperty("purpose") String purpose,
        @MappedProperty("station_id") @Nullable UUID stationId,
        @MappedProperty("reference") @Nullable String reference,
        @MappedProperty("note") @Nullable String note,
        @MappedProperty("tranche_id") @Nullable UUID trancheId,
        @MappedProperty("version") @Version int version,
        @MappedProperty("recorded_by") String recordedBy) implements Identified {

    /** What the money is for; every purpose but GENERAL names a station. */
    public enum Purpose {
        GENERAL, OPERATION, LABOUR, CONSTRUCTION_SUBSIDY, SERVICE_PURCHASE;

        public boolean ofStation() {
            return this != GENERAL;
        }
    }

    /** Who pays: the province's money reaches the bureau through it; the others are the bureau's own levels. */
    public enum PayerLevel { PROVINCIAL, CITY, DISTRICT, STREET }
}
