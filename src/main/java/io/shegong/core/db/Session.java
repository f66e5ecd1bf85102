package io.shegong.core.db;

import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.TransactionOperations;
import io.shegong.core.error.ApiException;
import io.shegong.core.error.ErrorCode;
import io.shegong.core.time.BureauTime;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import io.micronaut.core.propagation.PropagatedContext;
import io.micronaut.core.propagation.PropagatedContextElement;

import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * One unit of work's database transaction, bound to the caller's tenant: the single place where
 * a connection is tied to a tenant.
 *
 * <p>The transaction is Micronaut's, opened by {@link Sessions}; repositories join it. The
 * tenant id is set by the database function {@code bind_tenant}, with
 * {@code set_config('app.tenant_id', ?, true)}, which is transaction-local, so a pooled
 * connection can never carry a tenant into the next request. A
 * platform session sets no tenant, and every tenant table then reads empty (row-level security
 * fails closed). The transaction lives in Micronaut's propagated context, which is per thread:
 * work moved to another thread without that context finds no transaction and fails, rather
 * than reading with another binding.
 */
public final class Session implements PropagatedContextElement {
    private final TransactionOperations<Connection> transactions;
    private final String tenantCode;
    private final Login login;
    private final StatementCounter statements;
    private boolean readOnly = false;
    private boolean bound;
    private UUID tenantId;
    private long committedChanges;
    private ZoneId zone = BureauTime.ZONE;
    private final Changes changes = new Changes();

    Session(TransactionOperations<Connection> transactions, String tenantCode, Login login, StatementCounter statements) {
        this.transactions = transactions;
        this.tenantCode = tenantCode;
        this.login = login;
        this.statements = statements;
    }

    /**
     * The password login a request's token was issued by: its user and the user's token
     * generation then. The binding refuses it once the user is disabled or has started a new
     * generation (new roles, a new password), so that such a token stops working before it expires.
     */
    public record Login(String username, int generation) {
    }

    /** The unit of work running on this thread (carried with its propagated context), if any. */
    public static Optional<Session> current() {
        return PropagatedContext.getOrEmpty().find(Session.class);
    }

    /** What the running mutation says it changed, for its audit entry. */
    public Changes changes() {
        return changes;
    }

    /** Must be called before the first statement; GraphQL queries run in read-only transactions. */
    public void readOnly(boolean readOnly) {
        if (bound && this.readOnly != readOnly) {
            throw new IllegalStateException("transaction already in use");
        }
        this.readOnly = readOnly;
    }

    /** Whether this is a query's transaction, which writes nothing. */
    public boolean isReadOnly() {
        return readOnly;
    }

    /**
     * How many changes the tenant had committed when the transaction was bound (the audit's
     * counter, V21). A read-only transaction sees at least that state, so a read it makes may be
     * kept under this number and served again until the number moves; a writing transaction's own
     * changes are not counted in it, so it must not keep what it reads.
     */
    public long committedChanges() {
        tenantId();
        return committedChanges;
    }

    public boolean isPlatform() {
        return tenantCode == null;
    }

    /** The tenant's id, binding the transaction to it first if that has not happened yet. */
    public UUID tenantId() {
        bind();
        if (tenantId == null) {
            throw new IllegalStateException("platform session has no tenant");
        }
        return tenantId;
    }

    /** The tenant's time zone, in which its days begin and end; the default zone on the platform. */
    public ZoneId zone() {
        bind();
        return zone;
    }

    /** The transaction's connection, bound to the tenant. */
    public Connection connection() {
        bind();
        return transactions.getConnection();
    }

    /** Runs one mutation in a savepoint, so that its failure undoes only its own writes. */
    public <T> T atomically(Supplier<T> work) {
        bind();
        return transactions.execute(TransactionDefinition.of(TransactionDefinition.Propagation.NESTED),
                status -> work.get());
    }

    /**
     * Binds the platform's transaction that has just created a tenant to that tenant, for the rest
     * of the transaction, so that the tenant's first rows (its first administrator) are written
     * under row-level security as every tenant's rows are, and in the same transaction as the
     * tenant: a fault in them leaves no tenant behind. Only a platform session may.
     */
    public void enterCreatedTenant(UUID id) {
        if (tenantCode != null) {
            throw new IllegalStateException("only the platform's session enters a tenant it created");
        }
        bind();
        try (PreparedStatement ps = transactions.getConnection().prepareStatement("SELECT set_config('app.tenant_id', ?, true)")) {
            ps.setString(1, id.toString());
            counted();
            ps.execute();
        } catch (SQLException e) {
            throw new DatabaseException(e);
        }
        tenantId = id;
    }

    /** SQL statements this session has sent, including the one that binds the tenant. */
    public int statementCount() {
        return statements.count();
    }

    void counted() {
        statements.increment();
    }

    /**
     * Sets the transaction's access mode and, for a tenant, looks the tenant up and binds it. A
     * deactivated or unknown tenant is refused before anything else is read, and so is the token
     * of a password login that no longer holds.
     */
    public void bind() {
        if (bound) {
            return;
        }
        bound = true;
        Connection c = transactions.getConnection();
        try {
            if (c.isReadOnly() != readOnly) {
                c.setReadOnly(readOnly);
            }
            if (tenantCode != null) {
                bindTenant(c);
            }
        } catch (SQLException e) {
            throw new DatabaseException(e);
        }
    }

    private void bindTenant(Connection c) throws SQLException {
        String sql = "SELECT bound_tenant, tenant_active, tenant_zone, login_current, tenant_changes FROM bind_tenant(?, ?, ?)";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, tenantCode);
            ps.setString(2, login == null ? null : login.username());
            ps.setObject(3, login == null ? null : login.generation(), Types.INTEGER);
            counted();
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next() || !rs.getBoolean(2)) {
                    throw new ApiException(ErrorCode.FORBIDDEN, "The tenant is not active", null);
                }
                if (login != null && !rs.getBoolean(4)) {
                    throw new ApiException(ErrorCode.UNAUTHENTICATED,
                            "The token is no longer valid (the user was disabled or changed); log in again", null);
                }
                tenantId = rs.getObject(1, UUID.class);
                zone = ZoneId.of(rs.getString(3));
                committedChanges = rs.getLong(5);
            }
        }
    }
}
