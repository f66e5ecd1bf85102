package io.shegong.excel;

import io.shegong.core.security.Caller;

import java.util.List;

/** What can be imported from a sheet: its columns, its template's lists, and how a row is written. */
interface ImportKind {

    /** `stations`, `workers`, `divisions`: the path segment. */
    String name();

    /** The type of the records a row creates, as the audit trail names it. */
    String entity();

    List<Column> columns();

    /** The template's drop-down lists, with the caller's tenant's own values. */
    List<Listing> lists(Caller caller);

    /** Refuses a caller who may import none of this kind's rows, before any is read. */
    void requireImporter(Caller caller);

    /** The rule of the kinds a station's operator fills in too: the administrator, or an operator (rows of its own stations). */
    static void requireAdminOrOperator(Caller caller, String what) {
        caller.requireTenantMember();
        if (!caller.has(io.shegong.core.security.Role.TENANT_ADMIN) && !caller.has(io.shegong.core.security.Role.STATION_OPERATOR)) {
            throw io.shegong.core.error.ApiException.forbidden("Only a TENANT_ADMIN or a STATION_OPERATOR may import " + what);
        }
    }

    /** An import under way: the codes it resolves against, and the rows it has written. */
    Batch begin(Caller caller, List<SheetRow> rows);

    interface Batch {
        /** The rows' indexes in the order they are to be written: parents before the rows that name them. */
        List<Integer> order();

        /**
         * Reads and writes one row through the services, in the caller's savepoint; answers the
         * global id of the record it created, or throws {@link RowFailed} with the row's errors.
         */
        String write(RowReader row);
    }

    /** The row's errors; thrown so that the savepoint the row was written in is rolled back. */
    final class RowFailed extends RuntimeException {
        final List<RowError> errors;

        RowFailed(List<RowError> errors) {
            super(null, null, false, false);
            this.errors = errors;
        }
    }
}
