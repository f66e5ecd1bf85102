package io.shegong.station;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;

import java.util.List;

/** One entry of a bureau's list of station kinds, kept in step with its profile in force. */
@MappedEntity("station_kind")
public record StationKind(@Id String code, String labelZh, String labelEn, String level,
                          @TypeDef(type = DataType.STRING_ARRAY) List<String> parentKinds,
                          boolean requiresDomain) {
}
