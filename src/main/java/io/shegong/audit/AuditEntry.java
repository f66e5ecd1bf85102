package io.shegong.audit;

import io.shegong.core.graphql.Identified;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** One recorded change; the class name is the GraphQL type name. */
public record AuditEntry(UUID id, Instant at, String actor, String action, String entity, UUID entityId,
                         Map<String, Object> before, Map<String, Object> after) implements Identified {
}
