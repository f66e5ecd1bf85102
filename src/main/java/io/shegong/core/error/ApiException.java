package io.shegong.core.error;

/**
 * A failure the client can act on. Its message is written for the client; anything else that
 * goes wrong is reported as INTERNAL without detail.
 */
public class ApiException extends RuntimeException {
    private final ErrorCode code;
    private final String field;

    public ApiException(ErrorCode code, String message, String field) {
        super(message, null, false, false);
        this.code = code;
        this.field = field;
    }

    public static ApiException badInput(String field, String message) {
        return new ApiException(ErrorCode.BAD_USER_INPUT, message, field);
    }

    public static ApiException notFound(String field, String what) {
        return new ApiException(ErrorCode.NOT_FOUND, what + " not found", field);
    }

    public static ApiException forbidden(String message) {
        return new ApiException(ErrorCode.FORBIDDEN, message, null);
    }

    public static ApiException conflict(String field, String message) {
        return new ApiException(ErrorCode.CONFLICT, message, field);
    }

    public static ApiException unauthenticated() {
        return new ApiException(ErrorCode.UNAUTHENTICATED, "A valid bearer token is required", null);
    }

    public ErrorCode code() {
        return code;
    }

    /** The input field at fault, as a path from the argument (e.g. `input.parentId`); may be null. */
    public String field() {
        return field;
    }
}
