package io.shegong.excel;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * The answer to an import: how many data rows the file held, how many were written (all of them
 * or none), and every error found. A dry run writes nothing, whatever it finds.
 */
@Serdeable
// every field, even empty: a console reads `errors: []` and `column: null` rather than their absence
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ImportResult(String kind, boolean dryRun, int rows, int written, List<RowError> errors) {
}
