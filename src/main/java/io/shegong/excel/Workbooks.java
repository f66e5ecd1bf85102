package io.shegong.excel;

import org.dhatim.fastexcel.DataValidationErrorStyle;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;

/** Writes exports and import templates as .xlsx. */
final class Workbooks {
    static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    /** The template's data rows that carry drop-downs: more than an import takes. */
    static final int TEMPLATE_ROWS = SheetReader.MAX_ROWS;
    static final String LISTS_SHEET = "代码表";
    private static final String DATE = "yyyy-mm-dd";

    private Workbooks() {
    }

    static byte[] tables(List<Table> tables) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook wb = new Workbook(out, "Shegong", "1.0");
            for (Table t : tables) {
                Worksheet ws = wb.newWorksheet(t.sheet());
                headings(ws, t.headings());
                for (int r = 0; r < t.rows().size(); r++) {
                    List<Object> row = t.rows().get(r);
                    for (int c = 0; c < row.size(); c++) {
                        Object v = row.get(c);
                        switch (v) {
                            case null -> { }
                            case LocalDate d -> {
                                ws.value(r + 1, c, d);
                                ws.style(r + 1, c).format(DATE).set();
                            }
                            case Number n -> ws.value(r + 1, c, n);
                            case Boolean b -> ws.value(r + 1, c, b ? "是" : "否");
                            default -> ws.value(r + 1, c, v.toString());
                        }
                    }
                }
                ws.freezePane(0, 1);
                if (!t.headings().isEmpty()) {
                    ws.setAutoFilter(0, 0, t.headings().size() - 1);
                }
            }
            wb.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void headings(Worksheet ws, List<String> headings) {
        for (int c = 0; c < headings.size(); c++) {
            ws.value(0, c, headings.get(c));
            ws.style(0, c).bold().fillColor("DDEBF7").set();
            ws.width(c, Math.max(10, headings.get(c).length() * 2.5));
        }
    }

    /**
     * A kind's template: the Chinese titles in row 1 (required ones starred), the field names in
     * row 2, and drop-downs in the data rows drawing on the lists of the sheet {@value LISTS_SHEET},
     * which also shows each value's code or name beside it.
     */
    static byte[] template(String sheet, List<Column> columns, List<Listing> lists) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook wb = new Workbook(out, "Shegong", "1.0");
            Worksheet ws = wb.newWorksheet(sheet);
            Worksheet ls = wb.newWorksheet(LISTS_SHEET);
            for (int c = 0; c < columns.size(); c++) {
                Column col = columns.get(c);
                ws.value(0, c, col.heading());
                ws.style(0, c).bold().fillColor(col.required() ? "FCE4D6" : "DDEBF7").set();
                ws.value(1, c, col.field());
                ws.style(1, c).italic().fontColor("808080").set();
                ws.width(c, Math.max(12, col.titleZh().length() * 2.5));
            }
            ws.freezePane(0, 2);
            int lc = 0;
            for (Listing l : lists) {
                ls.value(0, lc, l.titleZh());
                ls.value(0, lc + 1, l.byCode() ? "名称" : "代码");
                ls.style(0, lc).bold().set();
                ls.style(0, lc + 1).bold().set();
                for (int i = 0; i < l.choices().size(); i++) {
                    ls.value(i + 1, lc, l.shown(l.choices().get(i)));
                    ls.value(i + 1, lc + 1, l.other(l.choices().get(i)));
                }
                ls.width(lc, 20);
                ls.width(lc + 1, 20);
                for (int c = 0; c < columns.size(); c++) {
                    if (l.name().equals(columns.get(c).list()) && !l.choices().isEmpty()) {
                        ws.range(2, c, TEMPLATE_ROWS + 1, c)
                                .validateWithList(ls.range(1, lc, l.choices().size(), lc))
                                .allowBlank(true)
                                .showDropdown(true)
                                .errorStyle(l.strict() ? DataValidationErrorStyle.STOP : DataValidationErrorStyle.INFORMATION)
                                .showErrorMessage(l.strict())
                                .errorTitle(columns.get(c).titleZh())
                                .error(l.strict() ? "请从下拉列表中选择" : "可填写多项，用“、”分隔");
                    }
                }
                lc += 3;
            }
            wb.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
