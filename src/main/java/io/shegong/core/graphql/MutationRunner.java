package io.shegong.core.graphql;

import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import io.shegong.audit.AuditLog;
import io.shegong.core.db.DataErrors;
import io.shegong.core.error.ApiException;
import io.shegong.core.error.ErrorCode;
import io.shegong.core.idempotency.IdempotencyKeys;
import jakarta.inject.Singleton;
import org.dataloader.DataLoader;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Runs every mutation field the same way, whatever feature it belongs to: in its own savepoint,
 * so that its failure undoes its writes and nothing else; answering a repeated idempotency key
 * with the first result; leaving exactly one audit entry in the same transaction, for a
 * committed change (with the fields it changed) or for an attempt refused as FORBIDDEN or
 * CONFLICT; and reporting an expected failure as `userErrors` in its payload, so that one failed
 * mutation never hides the others of the same request. It wraps each Mutation field's fetcher
 * when the schema is built, so queries pay nothing for it.
 */
@Singleton
public class MutationRunner {
    private final AuditLog audit;
    private final IdempotencyKeys idempotency;
    private final NodeWiring nodes;

    public MutationRunner(AuditLog audit, IdempotencyKeys idempotency, NodeWiring nodes) {
        this.audit = audit;
        this.idempotency = idempotency;
        this.nodes = nodes;
    }

    /** A Mutation field's fetcher, run as described above. */
    DataFetcher<?> around(DataFetcher<?> fetcher) {
        return env -> run(fetcher, env);
    }

    private Object run(DataFetcher<?> fetcher, DataFetchingEnvironment env) {
        try {
            Object payload = attempt(fetcher, env);
            if (payload instanceof Map<?, ?> fields) {
                Map<Object, Object> withErrors = new HashMap<>(fields);
                withErrors.put("userErrors", List.of());
                return withErrors;
            }
            return payload;
        } catch (ApiException e) {
            if (e.code() == ErrorCode.UNAUTHENTICATED || e.code() == ErrorCode.INTERNAL) {
                throw e;
            }
            return Map.of("userErrors", List.of(UserError.of(e)));
        }
    }

    private Object attempt(DataFetcher<?> fetcher, DataFetchingEnvironment env) {
        RequestContext ctx = RequestContext.of(env);
        String operation = env.getField().getName();
        Map<String, Object> input = env.getArgument("input");
        try {
            return ctx.session().atomically(() -> {
                if (IdempotencyKeys.sent(input)) {
                    Optional<IdempotencyKeys.Created> first = idempotency.claim(ctx, operation, input);
                    if (first.isPresent()) {
                        return replay(env, first.get());
                    }
                }
                Identified before = target(env, input).map(t -> load(env, t)).orElse(null);
                Object payload = fetch(fetcher, env);
                Optional<IdempotencyKeys.Created> created = created(payload);
                audit.committed(ctx, operation, before, created.map(c -> (Identified) ((Map<?, ?>) payload).get(c.payloadField())).orElse(null));
                if (IdempotencyKeys.sent(input)) {
                    idempotency.complete(ctx, input, created.orElseThrow(() ->
                            new IllegalStateException(operation + " takes an idempotency key but creates nothing")));
                }
                return payload;
            });
        } catch (RuntimeException failure) {
            ApiException e = failure instanceof ApiException api ? api
                    : DataErrors.asApiError(failure).orElseThrow(() -> failure);
            if (e.code() == ErrorCode.FORBIDDEN || e.code() == ErrorCode.CONFLICT) {
                Optional<GlobalId> target = target(env, input);
                ctx.session().atomically(() -> {
                    audit.refused(ctx, operation, target.map(GlobalId::type).orElse(null),
                            target.map(GlobalId::id).orElse(null), e.code().name());
                    return null;
                });
            }
            throw e;
        }
    }

    private static Object fetch(DataFetcher<?> fetcher, DataFetchingEnvironment env) {
        try {
            return fetcher.get(env);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The record the mutation acts on, when its input names one by `id`. */
    private Optional<GlobalId> target(DataFetchingEnvironment env, Map<String, Object> input) {
        if (input == null || !(input.get("id") instanceof String id)) {
            return Optional.empty();
        }
        return GlobalId.decode(id).filter(g -> nodes.type(g.type()).isPresent());
    }

    /** The record as it is before the mutation, read past the request's cache and left out of it. */
    private Identified load(DataFetchingEnvironment env, GlobalId id) {
        DataLoader<UUID, Object> loader = RequestContext.loader(env, nodes.type(id.type()).orElseThrow().loader());
        var value = loader.load(id.id());
        loader.dispatch();
        Object record = value.join();
        loader.clear(id.id());
        return record instanceof Identified i ? i : null;
    }

    /** The record a payload carries: the one field holding a Node. */
    private static Optional<IdempotencyKeys.Created> created(Object payload) {
        if (!(payload instanceof Map<?, ?> fields)) {
            return Optional.empty();
        }
        return new TreeMap<>(fields).entrySet().stream()
                .filter(f -> f.getValue() instanceof Identified)
                .findFirst()
                .map(f -> new IdempotencyKeys.Created(f.getKey().toString(),
                        f.getValue().getClass().getSimpleName(), ((Identified) f.getValue()).id()));
    }

    private Map<String, Object> replay(DataFetchingEnvironment env, IdempotencyKeys.Created first) {
        DataLoader<UUID, Object> loader = RequestContext.loader(env, nodes.type(first.nodeType()).orElseThrow().loader());
        var value = loader.load(first.nodeId());
        loader.dispatch();
        return Map.of(first.payloadField(), value.join());
    }
}
