package io.shegong.core.graphql;

import graphql.schema.DataFetchingEnvironment;
import io.shegong.core.db.Session;
import io.shegong.core.security.Caller;
import org.dataloader.DataLoader;

import java.time.Clock;
import java.time.LocalDate;

/**
 * What every fetcher of one request shares: who is asking, their database session, whether the
 * request came by GET, the request's id (for logs and the audit trail) and the service's clock.
 */
public record RequestContext(Caller caller, Session session, boolean httpGet, String requestId, Clock clock) {

    /** Today for the caller's bureau: the service's one clock, read in the bureau's time zone. */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(session.zone()));
    }

    public static RequestContext of(DataFetchingEnvironment env) {
        return env.getGraphQlContext().get(RequestContext.class);
    }

    /** The request's data loader of the given name. */
    public static <K, V> DataLoader<K, V> loader(DataFetchingEnvironment env, String name) {
        DataLoader<K, V> loader = env.getDataLoader(name);
        if (loader == null) {
            throw new IllegalStateException("no data loader " + name);
        }
        return loader;
    }
}
