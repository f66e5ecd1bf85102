package io.shegong.station;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import io.micronaut.data.annotation.NamingStrategy;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;
import io.shegong.core.db.ColumnNames;

import java.util.List;

/** One entry of a bureau's list of station kinds, kept in step with its profile in force. */
@MappedEntity("station_kind")
@NamingStrategy(ColumnNames.class)
public record StationKind(
        @MappedProperty("code") @Id String code,
        @MappedProperty("label_zh") String labelZh,
        @MappedProperty("label_en") String labelEn,
        @MappedProperty("level") String level,
        @MappedProperty("parent_kinds") @TypeDef(type = DataType.STRING_ARRAY) List<String> parentKinds,
        @MappedProperty("requires_domain") boolean requiresDomain) {
}
