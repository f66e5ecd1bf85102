package io.shegong.excel;

import io.shegong.core.graphql.GlobalId;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Codes an import resolves (divisions, stations): those of the tenant when it began, the rows it
 * has written since, and the rows of the file, so that a row naming a row that failed is told so
 * rather than that the code is unknown. Row-level security keeps another tenant's codes out:
 * they are simply unknown.
 */
final class Refs<T> {
    private final Map<String, T> known = new HashMap<>();
    private final Map<String, Integer> inFile = new HashMap<>();
    private final String type;
    private final String whatZh;

    Refs(String type, String whatZh) {
        this.type = type;
        this.whatZh = whatZh;
    }

    void known(String code, T value) {
        known.put(code, value);
    }

    void inFile(String code, int row) {
        inFile.putIfAbsent(code, row);
    }

    /** The value of a code the row names in `field`; null, with the row's error noted, when there is none. */
    T resolve(RowReader row, String field, String code) {
        if (code == null) {
            return null;
        }
        T v = known.get(code);
        if (v != null) {
            return v;
        }
        Integer at = inFile.get(code);
        if (at != null && at != row.number()) {
            row.fault(field, whatZh + " " + code + " 在第 " + at + " 行，该行未能导入",
                    "The " + field + " " + code + " is on row " + at + ", which could not be imported");
        } else {
            row.fault(field, "未知的" + whatZh + "：" + code, "Unknown " + field + " code: " + code);
        }
        return null;
    }

    String globalId(UUID id) {
        return GlobalId.encode(type, id);
    }
}
