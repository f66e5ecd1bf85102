package io.shegong.excel;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.authentication.Authentication;
import io.shegong.compliance.ComplianceReport;
import io.shegong.core.error.ApiException;
import io.shegong.core.graphql.Input;
import io.shegong.core.http.HttpErrors;
import io.shegong.core.security.Caller;
import io.shegong.policy.PolicyDocument.Severity;
import io.shegong.station.StationRepository;
import io.shegong.worker.WorkerRepository;
import org.slf4j.MDC;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Excel next to GraphQL, for a console's upload and download buttons: import templates, imports
 * of a sheet of stations, workers, divisions or activity records, and the lists as workbooks. The bearer token is
 * the one /graphql takes, and the tenant is the token's alone. Failures answer in the shape of
 * {@link HttpErrors}, with a status for the kind of failure.
 */
@Controller("/excel")
@ExecuteOn(TaskExecutors.BLOCKING)
public class ExcelController {
    private final ExcelImporter importer;
    private final ExcelExporter exporter;
    private final FundingExport fundingExport;

    public ExcelController(ExcelImporter importer, ExcelExporter exporter, FundingExport fundingExport) {
        this.importer = importer;
        this.exporter = exporter;
        this.fundingExport = fundingExport;
    }

    /** `stations.xlsx`, `workers.xlsx`, `divisions.xlsx`, `activities.xlsx` or `funding.xlsx`: any member of the tenant. */
    @Get("/templates/{file}")
    public MutableHttpResponse<?> template(@PathVariable String file, HttpRequest<?> http, Authentication authentication) {
        return answer(http, authentication, () -> {
            String kind = xlsx(file);
            if (kind == null || !importer.imports(kind)) {
                throw ApiException.notFound("kind", "Template '" + file + "'");
            }
            return workbook(importer.template(Caller.from(authentication), kind), kind + "-template.xlsx");
        });
    }

    /**
     * A sheet of rows to create, as .xlsx or UTF-8 .csv in the form field `file`; with
     * `dryRun=true` every row is checked and nothing written. Answers 200 with the rows' errors,
     * whether anything was written or not.
     */
    @Post(value = "/import/{kind}", consumes = MediaType.MULTIPART_FORM_DATA, produces = MediaType.APPLICATION_JSON)
    public MutableHttpResponse<?> importFile(@PathVariable String kind, @Nullable @QueryValue String dryRun,
                                             @Part("file") CompletedFileUpload file, HttpRequest<?> http,
                                             Authentication authentication) {
        return answer(http, authentication, () -> {
            byte[] content;
            try {
                content = file.getBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            // read here rather than converted by the framework, which takes `dryRun=ture` for false and would write
            Boolean dry = bool(new Input(dryRun == null ? Map.of() : Map.of("dryRun", dryRun), "query"), "dryRun");
            ExcelImporter.ImportFile upload = new ExcelImporter.ImportFile(kind, file.getFilename(), content,
                    dry != null && dry);
            return HttpResponse.ok(importer.run(Caller.from(authentication), requestId(http), upload))
                    .contentType(MediaType.APPLICATION_JSON_TYPE);
        });
    }

    /**
     * `stations.xlsx`, `workers.xlsx`, `findings.xlsx`, `compliance-report.xlsx`, `activities.xlsx` or
     * `funding.xlsx` (the ledger, `year` a fiscal year), with the lists' filters as query parameters.
     */
    @Get("/export/{file}")
    public MutableHttpResponse<?> export(@PathVariable String file, HttpRequest<?> http, Authentication authentication) {
        return answer(http, authentication, () -> {
            String list = xlsx(file);
            if (list == null || !ExcelExporter.LISTS.contains(list)) {
                throw ApiException.notFound("list", "Export '" + file + "'");
            }
            Caller caller = Caller.from(authentication);
            Input f = new Input(parameters(http), "query");
            byte[] workbook = switch (list) {
                case "stations" -> exporter.stations(caller, new StationRepository.Filter(f.id("divisionId", "Division"),
                        f.text("kind", 64), f.text("status", 20), f.text("operatingMode", 40), f.id("parentId", "Station"),
                        f.text("text", 100)));
                case "workers" -> exporter.workers(caller, new WorkerRepository.Filter(f.id("stationId", "Station"),
                        f.text("certificateLevel", 20), bool(f, "fullTime"), f.text("text", 100)));
                case "findings" -> exporter.findings(caller, date(f, "on"),
                        new ComplianceReport.Filter(null, f.id("divisionId", "Division"), f.enumValue("severity", Severity.class)));
                case "activities" -> exporter.activities(caller, date(f, "from"), date(f, "to"), f.id("stationId", "Station"),
                        f.id("divisionId", "Division"));
                case "funding" -> fundingExport.entries(caller, year(f));
                default -> exporter.complianceReport(caller, date(f, "on"), new ComplianceReport.Filter(f.text("kind", 64),
                        f.id("divisionId", "Division"), f.enumValue("severity", Severity.class)));
            };
            return workbook(workbook, list + ".xlsx");
        });
    }

    /** Runs the work, logging as a GraphQL request logs, and answers a refusal in the shape of {@link HttpErrors}. */
    private static MutableHttpResponse<?> answer(HttpRequest<?> http, Authentication authentication,
                                                 Supplier<MutableHttpResponse<?>> work) {
        String requestId = requestId(http);
        MDC.put("requestId", requestId);
        Object tenant = authentication.getAttributes().get(Caller.TENANT_CLAIM);
        MDC.put("tenant", tenant == null ? "-" : tenant.toString());
        try {
            return work.get().header("X-Request-Id", requestId);
        } catch (ApiException e) {
            HttpStatus status = switch (e.code()) {
                case UNAUTHENTICATED -> HttpStatus.UNAUTHORIZED;
                case FORBIDDEN -> HttpStatus.FORBIDDEN;
                case NOT_FOUND -> HttpStatus.NOT_FOUND;
                case CONFLICT -> HttpStatus.CONFLICT;
                default -> HttpStatus.BAD_REQUEST;
            };
            String message = e.field() == null || e.code() != io.shegong.core.error.ErrorCode.BAD_USER_INPUT
                    ? e.getMessage() : e.field() + ": " + e.getMessage();
            return HttpErrors.response(status, e.code().name(), message).header("X-Request-Id", requestId);
        } finally {
            MDC.remove("requestId");
            MDC.remove("tenant");
        }
    }

    private static MutableHttpResponse<?> workbook(byte[] bytes, String name) {
        return HttpResponse.ok(bytes).contentType(Workbooks.CONTENT_TYPE)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"");
    }

    /** `stations` of `stations.xlsx`; null for any other form. */
    private static String xlsx(String file) {
        return file.endsWith(".xlsx") ? file.substring(0, file.length() - ".xlsx".length()) : null;
    }

    /** The query's parameters, each its first value, as a GraphQL filter would hold them. */
    private static Map<String, Object> parameters(HttpRequest<?> http) {
        Map<String, Object> values = new HashMap<>();
        for (String name : http.getParameters().names()) {
            http.getParameters().getFirst(name).ifPresent(v -> values.put(name, v));
        }
        return values;
    }

    private static Boolean bool(Input f, String field) {
        String s = f.text(field, 5);
        if (s == null) {
            return null;
        }
        return switch (s) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ApiException.badInput(f.path(field), field + " must be true or false");
        };
    }

    /** The `year` parameter of the funding ledger's export: a fiscal year, or every year when absent. */
    private static Integer year(Input f) {
        String s = f.text("year", 4);
        if (s == null) {
            return null;
        }
        if (!s.matches("\\d{4}")) {
            throw ApiException.badInput(f.path("year"), "year must be a fiscal year as 2025");
        }
        return Integer.parseInt(s);
    }

    private static LocalDate date(Input f, String field) {
        String s = f.text(field, 10);
        try {
            return s == null ? null : LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            throw ApiException.badInput(f.path(field), field + " must be a date as 2026-11-25");
        }
    }

    /** The client's request id when it is a sensible one, as the GraphQL endpoint takes it. */
    private static String requestId(HttpRequest<?> http) {
        return http.getHeaders().get("X-Request-Id", String.class)
                .filter(id -> id.length() <= 64 && id.matches("[A-Za-z0-9._-]+"))
                .orElseGet(() -> UUID.randomUUID().toString());
    }
}
