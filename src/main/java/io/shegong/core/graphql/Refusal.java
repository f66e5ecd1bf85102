package io.shegong.core.graphql;

import graphql.execution.AbortExecutionException;
import io.shegong.core.error.ErrorCode;

/**
 * Stops a request before any field runs, with a code for the client: a document over a limit,
 * a mutation sent by GET, a tenant that may not be served. graphql-java answers it with
 * `data: null` and this one error.
 */
final class Refusal extends AbortExecutionException {
    private final ErrorCode code;
    private final String field;

    Refusal(ErrorCode code, String message, String field) {
        super(message);
        this.code = code;
        this.field = field;
    }

    Refusal(ErrorCode code, String message) {
        this(code, message, null);
    }

    ErrorCode code() {
        return code;
    }

    String field() {
        return field;
    }
}
