package io.shegong.excel;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads an uploaded .xlsx (its first sheet) or UTF-8 .csv into rows of cells by field. The header
 * is the first row whose cells name columns, by Chinese title or by field name; a row of field
 * names right under the titles (as the templates have) is a header too. Columns the kind does not
 * know are left alone; blank rows are skipped.
 */
final class SheetReader {
    /** Thousands of rows are the use; beyond this a file is refused rather than held in memory. */
    static final int MAX_ROWS = 20_000;
    private static final int HEADER_SEARCH = 5;

    private SheetReader() {
    }

    /** A file that cannot be read as a sheet at all: answered as a bad request, with its reason. */
    static final class Unreadable extends RuntimeException {
        final String messageEn;

        Unreadable(String messageZh, String messageEn) {
            super(messageZh, null, false, false);
            this.messageEn = messageEn;
        }
    }

    /** The rows, and what is wrong with the header (missing required columns). */
    record Sheet(int headerRow, List<SheetRow> rows, List<RowError> headerErrors) {
    }

    static Sheet read(byte[] bytes, String fileName, List<Column> columns) {
        String name = fileName == null ? "" : fileName.toLowerCase();
        if (bytes.length >= 4 && ReadableWorkbook.isOOXMLZipHeader(bytes)) {
            return xlsx(bytes, columns);
        }
        if (bytes.length >= 8 && ReadableWorkbook.isOLE2Header(bytes) || name.endsWith(".xls")) {
            throw new Unreadable("不支持旧版 .xls 文件，请另存为 .xlsx 或 .csv 后再上传",
                    "Old .xls files are not read; save the sheet as .xlsx or .csv");
        }
        if (name.endsWith(".xlsx")) {
            throw new Unreadable("文件不是有效的 .xlsx 工作簿", "The file is not a valid .xlsx workbook");
        }
        return csv(bytes, columns);
    }

    private static Sheet xlsx(byte[] bytes, List<Column> columns) {
        // with cell formats, so that a date typed into a cell reads as a date
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(bytes), new ReadingOptions(true, false));
             Stream<Row> stream = wb.getFirstSheet().openStream()) {
            Iterator<Row> it = stream.iterator();
            List<List<Object>> raw = new ArrayList<>();
            List<Integer> numbers = new ArrayList<>();
            while (it.hasNext()) {
                Row r = it.next();
                List<Object> cells = new ArrayList<>();
                for (int i = 0; i < r.getCellCount(); i++) {
                    cells.add(value(r.getOptionalCell(i).orElse(null)));
                }
                raw.add(cells);
                numbers.add(r.getRowNum());
                tooMany(raw.size());
            }
            return sheet(raw, numbers, columns);
        } catch (IOException | RuntimeException e) {
            if (e instanceof Unreadable u) {
                throw u;
            }
            throw new Unreadable("文件不是有效的 .xlsx 工作簿", "The file is not a valid .xlsx workbook");
        }
    }

    private static Object value(Cell c) {
        if (c == null) {
            return null;
        }
        return switch (c.getType()) {
            case NUMBER -> c.getDataFormatString() != null && isDateFormat(c.getDataFormatString())
                    ? c.asDate() : c.asNumber();
            case BOOLEAN -> c.asBoolean();
            case STRING -> c.asString();
            case FORMULA -> c.getRawValue();
            case EMPTY, ERROR -> null;
        };
    }

    private static boolean isDateFormat(String format) {
        String f = format.replaceAll("\"[^\"]*\"|\\[[^]]*]", "").toLowerCase();
        return f.contains("y") || f.contains("d");
    }

    private static Sheet csv(byte[] bytes, List<Column> columns) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new Unreadable("CSV 文件须为 UTF-8 编码（Excel 中另存为“CSV UTF-8”）",
                    "A CSV file must be UTF-8 (in Excel: save as \"CSV UTF-8\")");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<List<Object>> raw = new ArrayList<>();
        List<Integer> numbers = new ArrayList<>();
        try (CSVParser parser = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(false).get()
                .parse(new StringReader(text))) {
            for (CSVRecord record : parser) {
                raw.add(new ArrayList<>(record.toList()));
                numbers.add((int) record.getRecordNumber());
                tooMany(raw.size());
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw new Unreadable("CSV 文件格式有误（引号不成对？）", "The CSV file is malformed (an unclosed quote?)");
        }
        return sheet(raw, numbers, columns);
    }

    private static void tooMany(int rows) {
        if (rows > MAX_ROWS + HEADER_SEARCH) {
            throw new Unreadable("文件行数过多：一次最多导入 " + MAX_ROWS + " 行",
                    "Too many rows: at most " + MAX_ROWS + " rows per import");
        }
    }

    private static Sheet sheet(List<List<Object>> raw, List<Integer> numbers, List<Column> columns) {
        Map<String, Column> byName = new HashMap<>();
        for (Column c : columns) {
            byName.put(c.field().toLowerCase(), c);
            byName.put(c.titleZh(), c);
            byName.put(c.heading(), c);
        }
        int header = -1;
        Map<Integer, Column> at = new LinkedHashMap<>();
        for (int i = 0; i < Math.min(HEADER_SEARCH, raw.size()) && header < 0; i++) {
            Map<Integer, Column> found = headings(raw.get(i), byName);
            if (!found.isEmpty()) {
                header = i;
                at = found;
            }
        }
        if (header < 0) {
            throw new Unreadable("找不到表头：第一行应为列标题（如模板所示）",
                    "No header row: the first row should hold the column titles, as the template has");
        }
        int first = header + 1;
        // the template's second header row: the field names under the titles
        if (first < raw.size() && isFieldRow(raw.get(first), columns)) {
            first++;
        }
        List<RowError> headerErrors = new ArrayList<>();
        for (Column c : columns) {
            if (c.required() && !at.containsValue(c)) {
                headerErrors.add(new RowError(numbers.get(header), c.field(), null, "缺少必填列：" + c.titleZh(),
                        "The required column " + c.field() + " is missing"));
            }
        }
        List<SheetRow> rows = new ArrayList<>();
        for (int i = first; i < raw.size(); i++) {
            Map<String, Object> cells = new HashMap<>();
            List<Object> r = raw.get(i);
            for (Map.Entry<Integer, Column> e : at.entrySet()) {
                Object v = e.getKey() < r.size() ? r.get(e.getKey()) : null;
                if (v instanceof String s && s.isBlank()) {
                    v = null;
                }
                if (v != null) {
                    cells.put(e.getValue().field(), v);
                }
            }
            if (!cells.isEmpty()) {
                rows.add(new SheetRow(numbers.get(i), cells));
            }
        }
        if (rows.size() > MAX_ROWS) {
            tooMany(Integer.MAX_VALUE);
        }
        return new Sheet(numbers.get(header), rows, headerErrors);
    }

    private static Map<Integer, Column> headings(List<Object> row, Map<String, Column> byName) {
        Map<Integer, Column> found = new LinkedHashMap<>();
        for (int i = 0; i < row.size(); i++) {
            if (row.get(i) instanceof String s) {
                Column c = byName.get(s.strip());
                if (c == null) {
                    c = byName.get(s.strip().toLowerCase());
                }
                if (c != null && !found.containsValue(c)) {
                    found.put(i, c);
                }
            }
        }
        return found;
    }

    private static boolean isFieldRow(List<Object> row, List<Column> columns) {
        boolean any = false;
        for (Object v : row) {
            if (v == null || v instanceof String s && s.isBlank()) {
                continue;
            }
            if (!(v instanceof String s) || columns.stream().noneMatch(c -> c.field().equals(s.strip()))) {
                return false;
            }
            any = true;
        }
        return any;
    }
}
