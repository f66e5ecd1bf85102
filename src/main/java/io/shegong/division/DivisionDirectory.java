package io.shegong.division;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.shegong.core.db.Session;
import jakarta.inject.Singleton;
import org.dataloader.CacheMap;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each bureau's divisions as of its last committed change, kept between requests. Nearly every
 * page shows a division (a station's street and its district), divisions change a few times a
 * year, and a bureau has hundreds of them, not millions: a query reads them from here at no
 * statement, and the first query after any change of the bureau reads them all again in one. The
 * binding tells every request the bureau's change count ({@link Session#committedChanges()}),
 * so a kept copy is never older than what the request's own statements would read. Rows were read
 * under the bureau's row-level security and are kept by its tenant id: no bureau sees another's.
 */
@Singleton
public class DivisionDirectory {
    /** Divisions kept over all bureaus, so that a platform of many large bureaus stays bounded. */
    private static final long MAX_DIVISIONS = 200_000;

    private final DivisionRepository divisions;
    private final Cache<UUID, Snapshot> snapshots = Caffeine.newBuilder()
            .maximumWeight(MAX_DIVISIONS)
            .<UUID, Snapshot>weigher((tenant, snapshot) -> Math.max(1, snapshot.byId.size()))
            .build();

    public DivisionDirectory(DivisionRepository divisions) {
        this.divisions = divisions;
    }

    private record Snapshot(long changes, Map<UUID, CompletableFuture<Division>> byId) {
    }

    /**
     * The cache of a request's division loaders. In a query it answers every division of the
     * bureau, already loaded, so that asking for a division costs neither a statement nor a batch;
     * in a mutation, which may have changed divisions it has not committed, it is an ordinary
     * per-request cache and the loaders read the database.
     */
    CacheMap<Object, Division> cacheFor(Session session) {
        return new RequestCache(session);
    }

    private Map<UUID, CompletableFuture<Division>> current(Session session) {
        UUID tenant = session.tenantId();
        long changes = session.committedChanges();
        Snapshot kept = snapshots.getIfPresent(tenant);
        // a copy read after more changes than this request saw is newer, and as true for it
        if (kept != null && kept.changes >= changes) {
            return kept.byId;
        }
        List<Division> all = divisions.all();
        Map<UUID, CompletableFuture<Division>> byId = HashMap.newHashMap(all.size());
        for (Division d : all) {
            byId.put(d.id(), CompletableFuture.completedFuture(d));
        }
        snapshots.asMap().merge(tenant, new Snapshot(changes, byId), (old, fresh) -> old.changes >= fresh.changes ? old : fresh);
        return byId;
    }

    /** One request's view: the bureau's divisions in a query, its own loads otherwise. */
    private final class RequestCache implements CacheMap<Object, Division> {
        private static final CompletableFuture<Division> NONE = CompletableFuture.completedFuture(null);
        private final Session session;
        private final Map<Object, CompletableFuture<Division>> loaded = new ConcurrentHashMap<>();
        private Map<UUID, CompletableFuture<Division>> directory;

        RequestCache(Session session) {
            this.session = session;
        }

        private Map<UUID, CompletableFuture<Division>> directory() {
            if (directory == null && session.isReadOnly() && !session.isPlatform()) {
                directory = current(session);
            }
            return directory;
        }

        @Override
        public boolean containsKey(Object key) {
            return get(key) != null;
        }

        @Override
        public CompletableFuture<Division> get(Object key) {
            Map<UUID, CompletableFuture<Division>> all = directory();
            if (all != null) {
                // not among the bureau's divisions: another bureau's id, or none at all
                return all.getOrDefault(key, NONE);
            }
            return loaded.get(key);
        }

        @Override
        public Collection<CompletableFuture<Division>> getAll() {
            return loaded.values();
        }

        @Override
        public CompletableFuture<Division> putIfAbsentAtomically(Object key, CompletableFuture<Division> value) {
            return loaded.putIfAbsent(key, value);
        }

        @Override
        public CacheMap<Object, Division> delete(Object key) {
            loaded.remove(key);
            return this;
        }

        @Override
        public CacheMap<Object, Division> clear() {
            loaded.clear();
            return this;
        }

        @Override
        public int size() {
            return loaded.size();
        }
    }
}
