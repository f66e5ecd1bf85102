package io.shegong.core.graphql;

/**
 * A feature's batch loaders, offered afresh for each request so that caches never outlive it, and
 * made only if the request asks for them.
 */
public interface LoaderContributor {
    void register(RequestLoaders registry, RequestContext ctx);
}
