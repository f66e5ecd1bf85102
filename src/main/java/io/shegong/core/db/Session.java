package io.shegong.core.db;

import io.shegong.core.error.ApiException;
import io.shegong.core.error.ErrorCode;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * One request's database transaction, opened on first use and bound to the caller's tenant.
 *
 * <p>This is the single place where a connection is tied to a tenant: the tenant id is set with
 * {@code set_config('app.tenant_id', ?, true)}, which is transaction-local, so a pooled
 * connection can never carry a tenant into the next request. A platform session sets no tenant,
 * and every tenant table then reads empty (row-level security fails closed).
 */
public final class Session implements AutoCloseable {
    private final DataSource dataSource;
    private final String tenantCode;
    private boolean readOnly = false;
    private Connection connection;
    private UUID tenantId;
    private int statements;

    Session(DataSource dataSource, String tenantCode) {
        this.dataSource = dataSource;
        this.tenantCode = tenantCode;
    }

    /** Must be called before first use; GraphQL queries run in read-only transactions. */
    public void readOnly(boolean readOnly) {
        if (connection != null && this.readOnly != readOnly) {
            throw new IllegalStateException("transaction already open");
        }
        this.readOnly = readOnly;
    }

    public boolean isPlatform() {
        return tenantCode == null;
    }

    public UUID tenantId() {
        connection();
        if (tenantId == null) {
            throw new IllegalStateException("platform session has no tenant");
        }
        return tenantId;
    }

    public Connection connection() {
        if (connection == null) {
            begin();
        }
        return connection;
    }

    /** Runs one mutation so that its failure undoes only its own writes. */
    public <T> T atomically(Supplier<T> work) {
        Connection c = connection();
        Savepoint savepoint;
        try {
            savepoint = c.setSavepoint();
        } catch (SQLException e) {
            throw new DatabaseException(e);
        }
        try {
            T result = work.get();
            c.releaseSavepoint(savepoint);
            return result;
        } catch (SQLException e) {
            rollbackTo(c, savepoint);
            throw new DatabaseException(e);
        } catch (RuntimeException e) {
            rollbackTo(c, savepoint);
            throw e;
        }
    }

    void counted() {
        statements++;
    }

    /** SQL statements this session has sent, including the one that binds the tenant. */
    public int statementCount() {
        return statements;
    }

    public void commit() {
        if (connection == null) {
            return;
        }
        try {
            connection.commit();
        } catch (SQLException e) {
            throw new DatabaseException(e);
        }
    }

    @Override
    public void close() {
        if (connection == null) {
            return;
        }
        try (Connection c = connection) {
            // A no-op after commit; otherwise nothing of a failed request is kept.
            c.rollback();
        } catch (SQLException ignored) {
            // the pool discards a broken connection
        } finally {
            connection = null;
        }
    }

    private void begin() {
        try {
            connection = dataSource.getConnection();
            connection.setAutoCommit(false);
            connection.setReadOnly(readOnly);
            if (tenantCode != null) {
                bindTenant();
            }
        } catch (SQLException e) {
            close();
            throw new DatabaseException(e);
        }
    }

    private void bindTenant() throws SQLException {
        String sql = """
                SELECT t.id, t.active,
                       set_config('app.tenant_id', CASE WHEN t.active THEN t.id::text ELSE '' END, true)
                  FROM tenant t WHERE t.code = ?""";
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setString(1, tenantCode);
            counted();
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next() || !rs.getBoolean(2)) {
                    throw new ApiException(ErrorCode.FORBIDDEN, "The tenant is not active", null);
                }
                tenantId = rs.getObject(1, UUID.class);
            }
        }
    }

    private static void rollbackTo(Connection c, Savepoint savepoint) {
        try {
            c.rollback(savepoint);
        } catch (SQLException e) {
            throw new DatabaseException(e);
        }
    }
}
