package io.shegong.core.graphql;

import graphql.schema.DataFetchingEnvironment;
import io.shegong.core.error.ApiException;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A Relay cursor connection over a keyset: rows are ordered by (sort key, id) and the cursor
 * encodes the last row's pair, so a page costs the same however deep it is.
 */
public record Connection<T>(List<Edge<T>> edges, PageInfo pageInfo, Supplier<Integer> totalCountSupplier) {

    public record Edge<T>(String cursor, T node) {
    }

    public record PageInfo(boolean hasNextPage, boolean hasPreviousPage, String startCursor, String endCursor) {
    }

    /** Where a page starts and how long it is, read from `first` and `after`. */
    public record Window(String afterKey, UUID afterId, int limit) {
        public boolean hasAfter() {
            return afterId != null;
        }
    }

    public static final int MAX_PAGE = 100;

    public Integer totalCount() {
        return totalCountSupplier.get();
    }

    public static Window window(DataFetchingEnvironment env) {
        Integer first = env.getArgument("first");
        int limit = first == null ? 50 : first;
        if (limit < 0) {
            throw ApiException.badInput("first", "first must not be negative");
        }
        limit = Math.min(limit, MAX_PAGE);
        String after = env.getArgument("after");
        if (after == null) {
            return new Window(null, null, limit);
        }
        try {
            Window w = decode(after);
            return new Window(w.afterKey(), w.afterId(), limit);
        } catch (RuntimeException e) {
            throw ApiException.badInput("after", "after is not a cursor from this connection");
        }
    }

    /** A cursor's sort key and id (the window's limit is left 0); throws on anything else. */
    public static Window decode(String cursor) {
        String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        int sep = raw.lastIndexOf('\u0000');
        return new Window(raw.substring(0, sep), UUID.fromString(raw.substring(sep + 1)), 0);
    }

    /**
     * Builds the page from rows fetched with `limit + 1`, the extra row telling whether there is
     * a next page.
     */
    public static <T> Connection<T> of(List<T> rows, Window window, Function<T, String> sortKey,
                                       Function<T, UUID> id, Supplier<Integer> totalCount) {
        boolean more = rows.size() > window.limit();
        List<T> page = more ? rows.subList(0, window.limit()) : rows;
        List<Edge<T>> edges = new ArrayList<>(page.size());
        for (T row : page) {
            edges.add(new Edge<>(cursor(sortKey.apply(row), id.apply(row)), row));
        }
        PageInfo info = new PageInfo(more, window.hasAfter(),
                edges.isEmpty() ? null : edges.getFirst().cursor(),
                edges.isEmpty() ? null : edges.getLast().cursor());
        return new Connection<>(edges, info, totalCount);
    }

    private static String cursor(String key, UUID id) {
        String raw = (key == null ? "" : key) + '\u0000' + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }
}
