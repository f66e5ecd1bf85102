package io.shegong.contract;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.data.annotation.MappedProperty;
import io.micronaut.data.annotation.NamingStrategy;
import io.shegong.core.db.ColumnNames;

import java.util.UUID;

/** A station a contract serves. */
@Introspected
@NamingStrategy(ColumnNames.class)
public record ContractStation(@MappedProperty("contract_id") UUID contractId, @MappedProperty("station_id") UUID stationId) {
}
