package io.shegong.excel;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads one row's cells as the types its columns hold, noting every cell it cannot read as a
 * row error in Chinese and English, so that a row with three bad cells reports three.
 */
final class RowReader {
    // 1899-12-30 is day 0 of Excel's (1900) date system, given its fictitious 29 February 1900.
    private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);
    private static final Pattern DATE = Pattern.compile("(\\d{4})[-/.年](\\d{1,2})[-/.月](\\d{1,2})日?");
    private static final Pattern SEPARATORS = Pattern.compile("[、,，;；\\s]+");

    private final SheetRow row;
    private final Map<String, Column> columns;
    private final List<RowError> errors = new ArrayList<>();

    RowReader(SheetRow row, Map<String, Column> columns) {
        this.row = row;
        this.columns = columns;
    }

    List<RowError> errors() {
        return errors;
    }

    int number() {
        return row.number();
    }

    boolean has(String field) {
        return row.cells().get(field) != null;
    }

    /** The cell as the text it shows: numbers without a trailing `.0`, dates as yyyy-MM-dd. */
    String raw(String field) {
        Object v = row.cells().get(field);
        if (v == null) {
            return null;
        }
        if (v instanceof BigDecimal n) {
            return n.stripTrailingZeros().toPlainString();
        }
        if (v instanceof LocalDateTime t) {
            return t.toLocalDate().toString();
        }
        return v.toString().strip();
    }

    void fault(String field, String messageZh, String messageEn) {
        errors.add(new RowError(row.number(), field, raw(field), messageZh, messageEn));
    }

    /** Text, or null when blank (a fault when the column is required). */
    String text(String field) {
        String s = raw(field);
        if (s == null || s.isEmpty()) {
            required(field);
            return null;
        }
        return s;
    }

    private void required(String field) {
        Column c = columns.get(field);
        if (c.required()) {
            errors.add(new RowError(row.number(), field, null, "必填项「" + c.titleZh() + "」为空",
                    c.field() + " is required"));
        }
    }

    LocalDate date(String field) {
        Object v = row.cells().get(field);
        if (v == null) {
            required(field);
            return null;
        }
        if (v instanceof LocalDateTime t) {
            return t.toLocalDate();
        }
        if (v instanceof BigDecimal n && n.signum() > 0 && n.compareTo(BigDecimal.valueOf(2_958_465)) <= 0) {
            return EXCEL_EPOCH.plusDays(n.longValue());
        }
        var m = DATE.matcher(raw(field));
        if (m.matches()) {
            try {
                return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            } catch (java.time.DateTimeException invalid) {
                // falls through to the fault below
            }
        }
        try {
            return LocalDate.parse(raw(field));
        } catch (DateTimeParseException e) {
            fault(field, "「" + columns.get(field).titleZh() + "」不是有效日期，请写作 2024-03-01",
                    field + " is not a date; write it as 2024-03-01");
            return null;
        }
    }

    Double number(String field) {
        Object v = row.cells().get(field);
        if (v == null) {
            required(field);
            return null;
        }
        try {
            return v instanceof BigDecimal n ? n.doubleValue() : Double.valueOf(raw(field));
        } catch (NumberFormatException e) {
            fault(field, "「" + columns.get(field).titleZh() + "」应为数字", field + " must be a number");
            return null;
        }
    }

    Integer integer(String field) {
        Double d = number(field);
        if (d == null) {
            return null;
        }
        if (d != Math.rint(d) || Math.abs(d) > Integer.MAX_VALUE) {
            fault(field, "「" + columns.get(field).titleZh() + "」应为整数", field + " must be a whole number");
            return null;
        }
        return d.intValue();
    }

    Boolean bool(String field) {
        Object v = row.cells().get(field);
        if (v == null) {
            required(field);
            return null;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        String s = raw(field).toLowerCase();
        return switch (s) {
            case "是", "y", "yes", "true", "1" -> true;
            case "否", "n", "no", "false", "0" -> false;
            default -> {
                fault(field, "「" + columns.get(field).titleZh() + "」应填写“是”或“否”", field + " must be yes or no");
                yield null;
            }
        };
    }

    /** The code of one of the choices, named by code or label. */
    String choice(String field, List<Choice> choices, String whatZh) {
        String s = text(field);
        if (s == null) {
            return null;
        }
        String code = Choice.resolve(choices, s);
        if (code == null) {
            fault(field, "未知的" + whatZh + "：" + s + "（可选：" + Choice.listZh(choices) + "）",
                    "Unknown " + field + ": " + s + " (allowed: " + Choice.listEn(choices) + ")");
        }
        return code;
    }

    /**
     * Several codes in one cell, separated by 、 , ; or spaces, each named by code or label. A
     * vocabulary the profile leaves free (null choices) takes any code as written.
     */
    List<String> choices(String field, List<Choice> choices, String whatZh) {
        String s = text(field);
        if (s == null) {
            return null;
        }
        LinkedHashSet<String> codes = new LinkedHashSet<>();
        for (String part : SEPARATORS.split(s)) {
            if (part.isEmpty()) {
                continue;
            }
            String code = choices == null ? part : Choice.resolve(choices, part);
            if (code == null) {
                errors.add(new RowError(row.number(), field, s, "未知的" + whatZh + "：" + part + "（可选："
                        + (choices.isEmpty() ? "无" : Choice.listZh(choices)) + "）",
                        "Unknown " + field + ": " + part + " (allowed: " + Choice.listEn(choices) + ")"));
            } else {
                codes.add(code);
            }
        }
        return List.copyOf(codes);
    }
}
