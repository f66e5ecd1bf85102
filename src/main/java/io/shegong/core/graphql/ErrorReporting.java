package io.shegong.core.graphql;

import graphql.ErrorType;
import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.execution.AbortExecutionException;
import graphql.execution.DataFetcherExceptionHandler;
import graphql.execution.DataFetcherExceptionHandlerParameters;
import graphql.execution.DataFetcherExceptionHandlerResult;
import graphql.introspection.IntrospectionDisabledError;
import graphql.language.SourceLocation;
import graphql.validation.ValidationError;
import graphql.validation.ValidationErrorType;
import io.shegong.core.db.DataErrors;
import io.shegong.core.error.ApiException;
import io.shegong.core.error.ErrorCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns every failure into a GraphQL error with `extensions.code`. Only messages written for
 * clients pass through; SQL, constraint names, class names and stack traces stay in the log.
 */
final class ErrorReporting implements DataFetcherExceptionHandler {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorReporting.class);
    private static final Pattern ARGUMENT = Pattern.compile("argument '([^']+)'");
    private static final Pattern VARIABLE = Pattern.compile("[Vv]ariable '([^']+)'");

    @Override
    public CompletableFuture<DataFetcherExceptionHandlerResult> handleException(DataFetcherExceptionHandlerParameters params) {
        Throwable e = params.getException();
        if (e instanceof CompletionException && e.getCause() != null) {
            e = e.getCause();
        }
        GraphQLError error = toError(e, params);
        return CompletableFuture.completedFuture(DataFetcherExceptionHandlerResult.newResult(error).build());
    }

    private GraphQLError toError(Throwable e, DataFetcherExceptionHandlerParameters params) {
        List<SourceLocation> at = params.getSourceLocation() == null ? List.of() : List.of(params.getSourceLocation());
        List<Object> path = params.getPath().toList();
        if (e instanceof ApiException api) {
            return new ApiError(api.getMessage(), at, path, extensions(api.code(), api.field()));
        }
        Optional<ApiException> constraint = DataErrors.asApiError(e);
        if (constraint.isPresent()) {
            return new ApiError(constraint.get().getMessage(), at, path, extensions(constraint.get().code(), null));
        }
        LOG.error("Unexpected failure at {}", params.getPath(), e);
        return new ApiError("Internal error", at, path, extensions(ErrorCode.INTERNAL, null));
    }

    /** Gives errors raised outside fetchers (parsing, validation, variables, limits) a code too. */
    static ExecutionResult withCodes(ExecutionResult result) {
        if (result.getErrors().isEmpty()) {
            return result;
        }
        List<GraphQLError> errors = result.getErrors().stream().map(ErrorReporting::withCode).toList();
        // A refused request ran no field: it answers `data: null`, as a failed execution does.
        boolean refused = result.getErrors().stream().anyMatch(Refusal.class::isInstance);
        return result.transform(r -> {
            r.errors(errors);
            if (refused) {
                r.data(null);
            }
        });
    }

    private static GraphQLError withCode(GraphQLError error) {
        if (error.getExtensions() != null && error.getExtensions().containsKey("code")) {
            return error;
        }
        ErrorCode code;
        String field = null;
        String message = error.getMessage();
        if (error instanceof Refusal r) {
            code = r.code();
            field = r.field();
        } else if (error instanceof AbortExecutionException) {
            code = ErrorCode.QUERY_TOO_COMPLEX;
        } else if (error instanceof IntrospectionDisabledError) {
            code = ErrorCode.GRAPHQL_VALIDATION_FAILED;
            message = "Introspection is switched off on this server";
        } else if (error instanceof ValidationError v) {
            boolean badValue = v.getValidationErrorType() == ValidationErrorType.WrongType
                    || v.getValidationErrorType() == ValidationErrorType.MissingFieldArgument;
            code = badValue ? ErrorCode.BAD_USER_INPUT : ErrorCode.GRAPHQL_VALIDATION_FAILED;
            field = find(ARGUMENT, message);
            message = v.getDescription() != null ? v.getDescription() : message;
        } else if (error.getErrorType() == ErrorType.InvalidSyntax) {
            code = ErrorCode.GRAPHQL_VALIDATION_FAILED;
        } else if (error.getErrorType() == ErrorType.ValidationError) {
            // variables that do not coerce to their declared types
            code = ErrorCode.BAD_USER_INPUT;
            field = find(VARIABLE, message);
        } else {
            code = ErrorCode.INTERNAL;
            message = "Internal error";
        }
        return new ApiError(message, error.getLocations(), error.getPath(), extensions(code, field));
    }

    private static String find(Pattern p, String message) {
        Matcher m = p.matcher(message == null ? "" : message);
        return m.find() ? m.group(1) : null;
    }

    static Map<String, Object> extensions(ErrorCode code, String field) {
        Map<String, Object> ext = new LinkedHashMap<>();
        ext.put("code", code.name());
        if (field != null) {
            ext.put("field", field);
        }
        return ext;
    }

    static GraphQLError error(ErrorCode code, String message) {
        return new ApiError(message, List.of(), List.of(), extensions(code, null));
    }
}
