package io.shegong.excel;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;

/**
 * What is wrong with one cell of an import, or with a row as a whole (`column` null): the row as
 * Excel numbers it (a CSV's line), the column's field name, the value as read, and why in Chinese
 * and English.
 */
@Serdeable
// every field, even empty: a console reads `errors: []` and `column: null` rather than their absence
@JsonInclude(JsonInclude.Include.ALWAYS)
public record RowError(int row, String column, String value, String message, String messageEn) {
}
