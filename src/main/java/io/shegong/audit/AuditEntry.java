package io.shegong.audit;

import io.shegong.core.graphql.Identified;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * One mutation as it was recorded: who ran which operation, whether it was committed or
 * refused (and with which code), on which record, and the fields it changed. The class name is
 * the GraphQL type name.
 */
public record AuditEntry(UUID id, Instant at, String actor, String action, String outcome, String errorCode,
                         String entity, UUID entityId, Map<String, Object> before, Map<String, Object> after,
                         String requestId) implements Identified {
    public static final String COMMITTED = "COMMITTED";
    public static final String REFUSED = "REFUSED";
}
