package io.shegong.core.graphql;

import org.dataloader.DataLoader;
import org.dataloader.DataLoaderRegistry;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A request's batch loaders, each made the first time one of its fetchers asks for it. The
 * features offer some sixty loaders and a request uses a handful; graphql-java dispatches every
 * loader of the registry at the end of every level of the query, so loaders made up front cost
 * their making and sixty dispatches per level on every request.
 */
public final class RequestLoaders extends DataLoaderRegistry {
    private final Map<String, Supplier<? extends DataLoader<?, ?>>> makers = new HashMap<>();

    /** Offers a loader under a name; it is made when a fetcher first asks for that name. */
    public void register(String key, Supplier<? extends DataLoader<?, ?>> maker) {
        makers.put(key, maker);
    }

    @Override
    public <K, V> DataLoader<K, V> getDataLoader(String key) {
        DataLoader<K, V> made = super.getDataLoader(key);
        if (made != null) {
            return made;
        }
        Supplier<? extends DataLoader<?, ?>> maker = makers.get(key);
        return maker == null ? null : computeIfAbsent(key, k -> maker.get());
    }
}
