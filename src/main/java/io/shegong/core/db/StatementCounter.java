package io.shegong.core.db;

import io.micronaut.context.annotation.Context;
import io.micronaut.core.propagation.PropagatedContext;
import io.micronaut.core.propagation.PropagatedContextElement;
import io.micronaut.data.connection.ConnectionStatus;
import io.micronaut.data.connection.support.AbstractConnectionOperations;
import io.micronaut.data.connection.support.ConnectionCustomizer;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Counts the statements of one unit of work: every repository call (each is one statement) and
 * every statement sent directly. The count is what the N+1 tests and `extensions.sqlStatements`
 * read.
 */
public final class StatementCounter implements PropagatedContextElement {
    private int count;

    void increment() {
        count++;
    }

    int count() {
        return count;
    }

    /** Counts each repository operation against the unit of work it runs in. */
    @Singleton
    @Context
    public static final class Registry implements ConnectionCustomizer<Connection> {

        public Registry(AbstractConnectionOperations<Connection> connections) {
            connections.addConnectionCustomizer(this);
        }

        <T> T counting(StatementCounter counter, Session session, Supplier<T> work) {
            try (PropagatedContext.Scope ignored = PropagatedContext.getOrEmpty().plus(counter).plus(session).propagate()) {
                return work.get();
            }
        }

        @Override
        public <R> Function<ConnectionStatus<Connection>, R> intercept(Function<ConnectionStatus<Connection>, R> operation) {
            return status -> {
                PropagatedContext.getOrEmpty().find(StatementCounter.class).ifPresent(StatementCounter::increment);
                return operation.apply(status);
            };
        }
    }
}
