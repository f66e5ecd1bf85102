package io.shegong.core.graphql;

import graphql.ExecutionResult;
import io.micronaut.configuration.graphql.GraphQLController;
import io.micronaut.configuration.graphql.GraphQLInvocation;
import io.micronaut.configuration.graphql.GraphQLInvocationData;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.json.JsonMapper;
import io.shegong.core.http.HttpErrors;
import reactor.core.publisher.Mono;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * `/graphql` over HTTP, as the GraphQL-over-HTTP convention describes: POST with a JSON body
 * `{query, operationName, variables}` (or an `application/graphql` body), or GET with the same
 * as query parameters. The body is read and checked here, so that whatever a client sends,
 * malformed JSON, invalid UTF-8, a value of the wrong type or a batch, is answered with 400 and a
 * GraphQL-shaped error, never with a framework's message.
 */
@Controller("${graphql.path:/graphql}")
@Replaces(GraphQLController.class)
public class GraphQLEndpoint {
    private static final MediaType GRAPHQL = MediaType.of("application/graphql");

    private final GraphQLInvocation invocation;
    private final JsonMapper json;
    private final ResultWriter results;
    private final GraphQLLimits limits;

    public GraphQLEndpoint(GraphQLInvocation invocation, JsonMapper json, GraphQLLimits limits) {
        this.invocation = invocation;
        this.json = json;
        this.results = new ResultWriter(json);
        this.limits = limits;
    }

    @Get(produces = MediaType.APPLICATION_JSON, single = true)
    public Mono<MutableHttpResponse<?>> get(@Nullable @QueryValue String query,
                                                 @Nullable @QueryValue String operationName,
                                                 @Nullable @QueryValue String variables,
                                                 HttpRequest<?> request) {
        try {
            Map<String, Object> vars = variables == null || variables.isBlank() ? null : object(parse(
                    variables.getBytes(StandardCharsets.UTF_8)), "variables");
            return execute(new GraphQLInvocationData(required(query), operationName, vars), request);
        } catch (BadRequest e) {
            return Mono.just(HttpErrors.badRequest(e.getMessage()));
        }
    }

    @Post(consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON, single = true)
    public Mono<MutableHttpResponse<?>> post(@Nullable @Body byte[] body, HttpRequest<?> request) {
        try {
            byte[] bytes = body == null ? new byte[0] : body;
            MediaType type = request.getContentType().orElse(MediaType.APPLICATION_JSON_TYPE);
            if (type.matches(GRAPHQL)) {
                return execute(new GraphQLInvocationData(required(utf8(bytes)), null, null), request);
            }
            if (!type.matches(MediaType.APPLICATION_JSON_TYPE)) {
                throw new BadRequest("Send the request as application/json (or the query alone as application/graphql)");
            }
            return execute(invocationData(parse(bytes)), request);
        } catch (BadRequest e) {
            return Mono.just(HttpErrors.badRequest(e.getMessage()));
        }
    }

    private Mono<MutableHttpResponse<?>> execute(GraphQLInvocationData data, HttpRequest<?> request) {
        if (data.getQuery().length() > limits.getMaxCharacters()) {
            return Mono.just(HttpErrors.response(HttpStatus.OK, "QUERY_TOO_COMPLEX",
                    "The document is too long: " + data.getQuery().length() + " > " + limits.getMaxCharacters() + " characters"));
        }
        MutableHttpResponse<String> response = HttpResponse.ok();
        // the body goes as the bytes written, not as a String to be encoded again
        return Mono.from(invocation.invoke(data, request, response)).<MutableHttpResponse<?>>map(result -> response
                .contentType(MediaType.APPLICATION_JSON_TYPE)
                .body(results.write(result.toSpecification())));
    }

    private GraphQLInvocationData invocationData(Object body) {
        if (body instanceof List<?>) {
            throw new BadRequest("Batched requests are not supported; send one operation per request");
        }
        Map<String, Object> request = object(body, "The body");
        if (!(request.get("query") instanceof String query)) {
            throw new BadRequest("query must be a string holding a GraphQL document");
        }
        Object name = request.get("operationName");
        if (name != null && !(name instanceof String)) {
            throw new BadRequest("operationName must be a string");
        }
        Object variables = request.get("variables");
        return new GraphQLInvocationData(required(query), (String) name,
                variables == null ? null : object(variables, "variables"));
    }

    private Object parse(byte[] bytes) {
        utf8(bytes);
        try {
            return json.readValue(bytes, Argument.OBJECT_ARGUMENT);
        } catch (IOException | RuntimeException e) {
            // Jackson's messages quote the input and name its own classes: none reach the client.
            throw new BadRequest("The body is not valid JSON");
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object value, String what) {
        if (value instanceof Map<?, ?> m) {
            return (Map<String, Object>) m;
        }
        throw new BadRequest(what + " must be a JSON object");
    }

    private static String required(String query) {
        if (query == null || query.isBlank()) {
            throw new BadRequest("query is required");
        }
        return query;
    }

    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new BadRequest("The body is not valid UTF-8");
        }
    }

    private static final class BadRequest extends RuntimeException {
        BadRequest(String message) {
            super(message, null, false, false);
        }
    }
}
