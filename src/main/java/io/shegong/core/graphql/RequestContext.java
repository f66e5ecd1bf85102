package io.shegong.core.graphql;

import graphql.schema.DataFetchingEnvironment;
import io.shegong.core.db.Session;
import io.shegong.core.security.Caller;
import org.dataloader.DataLoader;


/**
 * What every fetcher of one request shares: who is asking, their database session, whether the
 * request came by GET, and the request's id (for logs and the audit trail).
 */
public record RequestContext(Caller caller, Session session, boolean httpGet, String requestId) {

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
