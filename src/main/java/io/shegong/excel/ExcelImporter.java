package io.shegong.excel;

import io.shegong.audit.AuditLog;
import io.shegong.core.db.DataErrors;
import io.shegong.core.db.Session;
import io.shegong.core.db.Sessions;
import io.shegong.core.error.ApiException;
import io.shegong.core.graphql.RequestContext;
import io.shegong.core.security.Caller;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Imports a sheet of stations, workers, divisions, activity records or funding ledger entries through the services that the create
 * mutations use, so that a row is held to exactly the rules a mutation is. The whole file is one
 * transaction: each row is written in a savepoint of its own, so that a refused row undoes only
 * itself and every row is tried; when any row is refused, or for a dry run, the transaction is
 * rolled back and nothing stays written, otherwise it commits with one audit entry for the whole
 * import (the creates leave none of their own, so the audit trail reads one change).
 */
@Singleton
public class ExcelImporter {
    private static final Logger LOG = LoggerFactory.getLogger(ExcelImporter.class);

    private final Map<String, ImportKind> kinds;
    private final Sessions sessions;
    private final AuditLog audit;

    ExcelImporter(List<ImportKind> kinds, Sessions sessions, AuditLog audit) {
        this.kinds = kinds.stream().collect(Collectors.toMap(ImportKind::name, Function.identity()));
        this.sessions = sessions;
        this.audit = audit;
    }

    /** One uploaded file: which kind of rows it holds, its name (for the audit) and its bytes. */
    public record ImportFile(String kind, String fileName, byte[] content, boolean dryRun) {
    }

    /** The kinds that can be imported: the template and import paths' `{kind}`. */
    public boolean imports(String kind) {
        return kinds.containsKey(kind);
    }

    /** The template of a kind, with the caller's tenant's own lists as drop-downs. */
    public byte[] template(Caller caller, String kind) {
        ImportKind k = kind(kind);
        caller.requireTenantMember();
        List<Listing> lists = sessions.forRequest(caller.tenantCode(), caller.passwordLogin(), s -> {
            s.readOnly(true);
            s.bind();
            return k.lists(caller);
        });
        return Workbooks.template(sheetName(k), k.columns(), lists);
    }

    public ImportResult run(Caller caller, String requestId, ImportFile file) {
        ImportKind k = kind(file.kind());
        k.requireImporter(caller);
        SheetReader.Sheet sheet;
        try {
            sheet = SheetReader.read(file.content(), file.fileName(), k.columns());
        } catch (SheetReader.Unreadable e) {
            throw ApiException.badInput("file", e.getMessage() + " / " + e.messageEn);
        }
        if (!sheet.headerErrors().isEmpty()) {
            return new ImportResult(k.name(), file.dryRun(), sheet.rows().size(), 0, sheet.headerErrors());
        }
        long started = System.nanoTime();
        ImportResult result;
        try {
            result = sessions.forRequest(caller.tenantCode(), caller.passwordLogin(),
                    s -> write(new RequestContext(caller, s, false, requestId), k, file, sheet.rows()));
        } catch (Discarded d) {
            result = d.result;
        }
        LOG.info("Import of {} rows={} dryRun={} errors={} written={} in {} ms", k.name(), result.rows(),
                result.dryRun(), result.errors().size(), result.written(), (System.nanoTime() - started) / 1_000_000);
        return result;
    }

    private ImportResult write(RequestContext ctx, ImportKind k, ImportFile file, List<SheetRow> rows) {
        Session session = ctx.session();
        session.bind();
        Map<String, Column> columns = Column.byField(k.columns());
        ImportKind.Batch batch = k.begin(ctx.caller(), rows);
        List<RowError> errors = new ArrayList<>();
        List<String> created = new ArrayList<>();
        for (int i : batch.order()) {
            RowReader row = new RowReader(rows.get(i), columns);
            try {
                created.add(session.atomically(() -> batch.write(row)));
            } catch (ImportKind.RowFailed failed) {
                errors.addAll(failed.errors);
            } catch (RuntimeException e) {
                // a constraint the database holds (a code taken meanwhile) is the row's fault too
                ApiException api = DataErrors.asApiError(e).orElseThrow(() -> e);
                errors.add(ServiceErrors.of(row, api, Map.of(), columns));
            }
        }
        List<String> order = k.columns().stream().map(Column::field).toList();
        errors.sort(Comparator.comparingInt(RowError::row)
                .thenComparingInt(e -> e.column() == null ? -1 : order.indexOf(e.column())));
        boolean commit = errors.isEmpty() && !file.dryRun();
        ImportResult result = new ImportResult(k.name(), file.dryRun(), rows.size(), commit ? created.size() : 0, errors);
        LOG.info("Import of {}: {} rows checked with {} statements", k.name(), rows.size(), session.statementCount());
        if (!commit) {
            throw new Discarded(result);
        }
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("kind", k.name());
        after.put("file", file.fileName());
        after.put("rows", rows.size());
        after.put("created", created);
        audit.note(k.entity(), null, null, after);
        audit.committed(ctx, "import" + Character.toUpperCase(k.name().charAt(0)) + k.name().substring(1), null, null);
        return result;
    }

    private ImportKind kind(String name) {
        ImportKind k = kinds.get(name);
        if (k == null) {
            throw ApiException.notFound("kind", "Import kind '" + name + "'");
        }
        return k;
    }

    private static String sheetName(ImportKind k) {
        return switch (k.name()) {
            case "stations" -> "站点";
            case "workers" -> "社工";
            case "activities" -> "服务记录";
            case "funding" -> "资金台账";
            default -> "区划";
        };
    }

    /** Thrown out of the transaction to roll it back: a dry run, or an import with refused rows. */
    private static final class Discarded extends RuntimeException {
        final ImportResult result;

        Discarded(ImportResult result) {
            super(null, null, false, false);
            this.result = result;
        }
    }
}
