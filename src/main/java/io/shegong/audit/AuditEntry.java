package io.shegong.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import io.micronaut.data.annotation.NamingStrategy;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;
import io.shegong.core.db.ColumnNames;
import io.shegong.core.graphql.Identified;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * One mutation as it was recorded: who ran which operation, whether it was committed or
 * refused (and with which code), on which record, and the fields it changed. The class name is
 * the GraphQL type name.
 *
 * <p>`at` is the database's: the column's default, the time the transaction began, so that
 * entries from every replica are ordered by one clock. A tenant's entry takes the bound tenant
 * (the column's default); a platform entry has none.
 */
@MappedEntity("audit_entry")
@NamingStrategy(ColumnNames.class)
public record AuditEntry(
        @MappedProperty("id") @Id UUID id,
        @MappedProperty("at") @Nullable @GeneratedValue Instant at,
        @MappedProperty("actor") String actor,
        @MappedProperty("action") String action,
        @MappedProperty("outcome") String outcome,
        @MappedProperty("error_code") @Nullable String errorCode,
        @MappedProperty("entity") @Nullable String entity,
        @MappedProperty("entity_id") @Nullable UUID entityId,
        @MappedProperty("before") @Nullable @TypeDef(type = DataType.JSON) Map<String, Object> before,
        @MappedProperty("after") @Nullable @TypeDef(type = DataType.JSON) Map<String, Object> after,
        @MappedProperty("request_id") @Nullable String requestId) implements Identified {
    public static final String COMMITTED = "COMMITTED";
    public static final String REFUSED = "REFUSED";
}
