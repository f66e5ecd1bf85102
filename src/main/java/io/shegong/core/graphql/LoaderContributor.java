package io.shegong.core.graphql;

import org.dataloader.DataLoaderRegistry;

/** A feature's batch loaders, registered afresh for each request so that caches never outlive it. */
public interface LoaderContributor {
    void register(DataLoaderRegistry registry, RequestContext ctx);
}
