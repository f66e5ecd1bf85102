package io.shegong.excel;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.nio.file.Files;
import java.nio.file.Path;

/** Spreadsheets for the Excel tests: written and read back with the library the service uses, and sent over HTTP. */
final class Sheets {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private Sheets() {
    }

    /** A workbook of one sheet holding these rows from the first; LocalDate cells as dates. */
    static byte[] xlsx(List<List<Object>> rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook wb = new Workbook(out, "test", "1.0");
            Worksheet ws = wb.newWorksheet("data");
            for (int r = 0; r < rows.size(); r++) {
                for (int c = 0; c < rows.get(r).size(); c++) {
                    Object v = rows.get(r).get(c);
                    if (v instanceof LocalDate d) {
                        ws.value(r, c, d);
                        ws.style(r, c).format("yyyy-mm-dd").set();
                    } else if (v instanceof Number n) {
                        ws.value(r, c, n);
                    } else if (v != null) {
                        ws.value(r, c, v.toString());
                    }
                }
            }
            wb.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** UTF-8 CSV with a byte-order mark, as Excel saves "CSV UTF-8". */
    static byte[] csv(List<List<Object>> rows) {
        String text = rows.stream().map(r -> r.stream().map(v -> v == null ? "" : quoted(v.toString()))
                .collect(Collectors.joining(","))).collect(Collectors.joining("\r\n"));
        return ("\uFEFF" + text + "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    private static String quoted(String s) {
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    /** Every sheet's cells as text, rows by their order. */
    static List<List<String>> read(byte[] xlsx, int sheet) {
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx), new ReadingOptions(true, false))) {
            Sheet s = wb.getSheet(sheet).orElseThrow();
            List<List<String>> out = new ArrayList<>();
            for (Row r : s.read()) {
                List<String> cells = new ArrayList<>();
                for (int i = 0; i < r.getCellCount(); i++) {
                    Cell c = r.getCell(i);
                    cells.add(c == null ? null : c.getText());
                }
                out.add(cells);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The cell of one sheet, as read with its type. */
    static Cell cell(byte[] xlsx, int sheet, int row, int column) {
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx), new ReadingOptions(true, false))) {
            return wb.getSheet(sheet).orElseThrow().read().get(row).getCell(column);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A part of the .xlsx zip as text, e.g. `xl/worksheets/sheet1.xml`. */
    static String part(byte[] xlsx, String name) {
        try {
            // read as a file: the workbook's entries carry their sizes after the data, which a zip stream cannot read
            Path file = Files.createTempFile("shegong", ".xlsx");
            try (ZipFile zip = new ZipFile(Files.write(file, xlsx).toFile())) {
                ZipEntry e = zip.getEntry(name);
                if (e == null) {
                    throw new AssertionError("no part " + name);
                }
                return new String(zip.getInputStream(e).readAllBytes(), StandardCharsets.UTF_8);
            } finally {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static HttpResponse<byte[]> get(URI uri, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).GET();
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return send(b.build());
    }

    /** POSTs the file as the multipart form field `file`. */
    static HttpResponse<byte[]> upload(URI uri, String token, String fileName, byte[] content) {
        String boundary = "----shegong" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder b = HttpRequest.newBuilder(uri)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return send(b.build());
    }

    private static HttpResponse<byte[]> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
