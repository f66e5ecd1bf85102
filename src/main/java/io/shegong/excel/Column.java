package io.shegong.excel;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One column of an import sheet: the field it fills (the second header row, and what a CSV's
 * header may name instead of the title), its Chinese title, how its cells read, and the
 * drop-down list of the template that offers its values, if any.
 */
record Column(String field, String titleZh, String titleEn, Type type, boolean required, String list) {

    enum Type { TEXT, CODE, CODES, DATE, NUMBER, INTEGER, BOOLEAN, CHOICE }

    static Column of(String field, String titleZh, String titleEn, Type type, boolean required) {
        return new Column(field, titleZh, titleEn, type, required, null);
    }

    Column listed(String list) {
        return new Column(field, titleZh, titleEn, type, required, list);
    }

    static Map<String, Column> byField(List<Column> columns) {
        Map<String, Column> m = new HashMap<>();
        columns.forEach(c -> m.put(c.field(), c));
        return m;
    }

    /** The title a template's first header row shows: required columns are starred. */
    String heading() {
        return required ? titleZh + " *" : titleZh;
    }
}
