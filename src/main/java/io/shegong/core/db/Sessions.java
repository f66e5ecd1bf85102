package io.shegong.core.db;

import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.util.function.Function;

/**
 * Opens units of work, each one transaction: committed when the work returns, rolled back when
 * it throws. The only way to reach the database.
 */
@Singleton
public class Sessions {
    private final TransactionOperations<Connection> transactions;
    private final StatementCounter.Registry counters;

    public Sessions(TransactionOperations<Connection> transactions, StatementCounter.Registry counters) {
        this.transactions = transactions;
        this.counters = counters;
    }

    /** Work for a tenant, bound before it starts: every statement sees that tenant's rows only. */
    public <T> T inTenant(String tenantCode, Function<Session, T> work) {
        if (tenantCode == null || tenantCode.isBlank()) {
            throw new IllegalArgumentException("tenant code required");
        }
        return run(tenantCode, null, true, work);
    }

    /** Work with no tenant: tenant tables read empty; only platform tables are usable. */
    public <T> T onPlatform(Function<Session, T> work) {
        return run(null, null, true, work);
    }

    /**
     * A request's work for a tenant, or for the platform when the code is null, bound when it
     * first touches the database: a request refused before that sends no statement at all. A
     * token issued by password login names its `login`, which the binding checks still holds.
     */
    public <T> T forRequest(String tenantCode, Session.Login login, Function<Session, T> work) {
        return run(tenantCode, login, false, work);
    }

    private <T> T run(String tenantCode, Session.Login login, boolean bindNow, Function<Session, T> work) {
        StatementCounter counter = new StatementCounter();
        Session session = new Session(transactions, tenantCode, login, counter);
        return transactions.execute(TransactionDefinition.DEFAULT, status -> counters.counting(counter, session, () -> {
            if (bindNow) {
                session.bind();
            }
            return work.apply(session);
        }));
    }
}
