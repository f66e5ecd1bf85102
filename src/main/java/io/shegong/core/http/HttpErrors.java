package io.shegong.core.http;

import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.codec.CodecException;
import io.micronaut.json.JsonSyntaxException;
import io.micronaut.security.authentication.AuthorizationException;
import io.micronaut.http.exceptions.ContentLengthExceededException;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.web.router.exceptions.UnsatisfiedRouteException;
import io.micronaut.core.bind.exceptions.UnsatisfiedArgumentException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.Map;

/**
 * The one place where an HTTP request the service cannot read is answered: with a status and a
 * GraphQL-shaped `errors` entry whose `extensions.code` says what kind of failure it was. A
 * malformed request is the client's fault and is logged in one line; only a failure of the
 * service itself is logged with its stack trace. Framework and parser messages, which quote
 * class names and the input, never reach the client.
 */
@Controller
public class HttpErrors {
    private static final Logger LOG = LoggerFactory.getLogger(HttpErrors.class);

    @Error(global = true, exception = ContentLengthExceededException.class)
    public MutableHttpResponse<?> tooLarge(HttpRequest<?> request, ContentLengthExceededException e) {
        LOG.info("Refused {} {}: body too large", request.getMethod(), request.getPath());
        return tooLarge();
    }

    /**
     * 413, closing the connection: the rest of the body is left unread, and would otherwise be
     * taken for the connection's next request.
     */
    public static MutableHttpResponse<?> tooLarge() {
        return response(HttpStatus.REQUEST_ENTITY_TOO_LARGE, "BAD_REQUEST", "The request body is too large")
                .header(HttpHeaders.CONNECTION, "close");
    }

    @Error(global = true, exception = CodecException.class)
    public MutableHttpResponse<?> unreadable(HttpRequest<?> request, CodecException e) {
        return refused(request, "The body is not valid JSON of the expected shape");
    }

    @Error(global = true, exception = JsonSyntaxException.class)
    public MutableHttpResponse<?> notJson(HttpRequest<?> request, JsonSyntaxException e) {
        return refused(request, "The body is not valid JSON");
    }

    @Error(global = true, exception = ConversionErrorException.class)
    public MutableHttpResponse<?> wrongType(HttpRequest<?> request, ConversionErrorException e) {
        return refused(request, "A value in the request has the wrong type");
    }

    @Error(global = true, exception = UnsatisfiedArgumentException.class)
    public MutableHttpResponse<?> missing(HttpRequest<?> request, UnsatisfiedArgumentException e) {
        return refused(request, "The request lacks a required part");
    }

    @Error(global = true, exception = UnsatisfiedRouteException.class)
    public MutableHttpResponse<?> missingRoute(HttpRequest<?> request, UnsatisfiedRouteException e) {
        return refused(request, "The request lacks a required part");
    }

    @Error(global = true, exception = HttpStatusException.class)
    public MutableHttpResponse<?> status(HttpRequest<?> request, HttpStatusException e) {
        HttpStatus status = e.getStatus();
        String code = status == HttpStatus.NOT_FOUND ? "NOT_FOUND" : status.getCode() < 500 ? "BAD_REQUEST" : "INTERNAL";
        return response(status, code, status.getReason());
    }

    /** A route that needs a token (POST /login/password) reached without a good one. */
    @Error(global = true, exception = AuthorizationException.class)
    public MutableHttpResponse<?> unauthorized(HttpRequest<?> request, AuthorizationException e) {
        if (e.isForbidden()) {
            return response(HttpStatus.FORBIDDEN, "FORBIDDEN", "The token does not allow this");
        }
        return response(HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED", "A valid bearer token is required")
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
    }

    /** The instance is shutting down and takes no new work: another replica will answer a retry. */
    @Error(global = true, exception = RejectedExecutionException.class)
    public MutableHttpResponse<?> shuttingDown(HttpRequest<?> request, RejectedExecutionException e) {
        LOG.info("Refused {} {}: shutting down", request.getMethod(), request.getPath());
        return response(HttpStatus.SERVICE_UNAVAILABLE, "UNAVAILABLE", "The service is shutting down; try again");
    }

    @Error(global = true, exception = Throwable.class)
    public MutableHttpResponse<?> internal(HttpRequest<?> request, Throwable e) {
        LOG.error("Request {} {} failed", request.getMethod(), request.getPath(), e);
        return response(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL", "Internal error");
    }

    private static MutableHttpResponse<?> refused(HttpRequest<?> request, String message) {
        LOG.info("Refused {} {}: {}", request.getMethod(), request.getPath(), message);
        return badRequest(message);
    }

    public static MutableHttpResponse<?> badRequest(String message) {
        return response(HttpStatus.BAD_REQUEST, "BAD_REQUEST", message);
    }

    /** A response whose body is `{"errors": [{"message", "extensions": {"code"}}]}`. */
    public static MutableHttpResponse<?> response(HttpStatus status, String code, String message) {
        Map<String, Object> error = Map.of("message", message, "extensions", Map.of("code", code));
        return HttpResponse.status(status).contentType(MediaType.APPLICATION_JSON_TYPE).body(Map.of("errors", List.of(error)));
    }
}
