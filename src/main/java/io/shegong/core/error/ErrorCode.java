package io.shegong.core.error;

/** The values of `extensions.code` in GraphQL errors. */
public enum ErrorCode {
    UNAUTHENTICATED,
    FORBIDDEN,
    NOT_FOUND,
    BAD_USER_INPUT,
    CONFLICT,
    /** The document does not parse or does not validate against the schema. */
    GRAPHQL_VALIDATION_FAILED,
    /** Depth, complexity, alias, fragment, size or page-size limits. */
    QUERY_TOO_COMPLEX,
    /** The HTTP request itself is malformed: not JSON, wrong shape, a batch, a mutation over GET. */
    BAD_REQUEST,
    INTERNAL
}
