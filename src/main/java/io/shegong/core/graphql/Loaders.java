package io.shegong.core.graphql;

import org.dataloader.CacheMap;
import org.dataloader.DataLoader;
import org.dataloader.DataLoaderFactory;
import org.dataloader.DataLoaderOptions;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/** Builds the request's batch loaders: one SQL statement per association per level of a query. */
public final class Loaders {
    private Loaders() {
    }

    /** One value per key, fetched by a single `= ANY(?)` query; missing keys load as null. */
    public static <K, V> DataLoader<K, V> byKey(Function<Set<K>, Collection<V>> fetch, Function<V, K> keyOf) {
        return byKey(fetch, keyOf, DataLoaderOptions.newOptions());
    }

    /**
     * The same with the loader's cache given: one that already holds records kept between
     * requests answers them at once, without a batch.
     */
    public static <K, V> DataLoader<K, V> byKey(Function<Set<K>, Collection<V>> fetch, Function<V, K> keyOf,
                                                CacheMap<?, V> cache) {
        return byKey(fetch, keyOf, DataLoaderOptions.newOptions().setCacheMap(cache));
    }

    private static <K, V> DataLoader<K, V> byKey(Function<Set<K>, Collection<V>> fetch, Function<V, K> keyOf,
                                                 DataLoaderOptions.Builder options) {
        return DataLoaderFactory.newMappedDataLoader((Set<K> keys) -> {
            Map<K, V> out = new HashMap<>();
            for (V v : fetch.apply(keys)) {
                out.put(keyOf.apply(v), v);
            }
            return CompletableFuture.completedFuture(out);
        }, options.setMaxBatchSize(1000).build());
    }

    /**
     * Puts records read along with others (a division's ancestors, a post's worker) into their own
     * loader's cache, so that asking for them next costs no statement. A record already loaded in
     * the request stays as it was read first. Pass the loader as the registry answers it: the
     * registry may hold its own wrapper of the one registered, with its own cache.
     */
    public static <K, V> void prime(DataLoader<K, V> loader, Collection<V> records, Function<V, K> keyOf) {
        for (V v : records) {
            loader.prime(keyOf.apply(v), v);
        }
    }

    /** A list per key (children, posts, records); keys with none load as an empty list. */
    public static <K, V> DataLoader<K, List<V>> grouped(Function<Set<K>, Collection<V>> fetch, Function<V, K> keyOf) {
        return DataLoaderFactory.newMappedDataLoader((Set<K> keys) -> {
            Map<K, List<V>> out = new HashMap<>();
            for (K k : keys) {
                out.put(k, new ArrayList<>());
            }
            for (V v : fetch.apply(keys)) {
                out.get(keyOf.apply(v)).add(v);
            }
            return CompletableFuture.completedFuture(out);
        }, DataLoaderOptions.newOptions().setMaxBatchSize(1000).build());
    }
}
