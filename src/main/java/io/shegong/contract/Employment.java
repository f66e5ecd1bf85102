package io.shegong.contract;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.data.annotation.MappedProperty;
import io.micronaut.data.annotation.NamingStrategy;
import io.shegong.core.db.ColumnNames;

import java.util.UUID;

/** A worker and the operator that employs it. */
@Introspected
@NamingStrategy(ColumnNames.class)
public record Employment(@MappedProperty("worker_id") UUID workerId, @MappedProperty("operator_id") UUID operatorId) {
}
