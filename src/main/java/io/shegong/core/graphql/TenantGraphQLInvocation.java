package io.shegong.core.graphql;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.ExecutionResultImpl;
import graphql.GraphQL;
import graphql.introspection.Introspection;
import graphql.parser.ParserOptions;
import io.micronaut.configuration.graphql.DefaultGraphQLInvocation;
import io.micronaut.configuration.graphql.GraphQLInvocation;
import io.micronaut.configuration.graphql.GraphQLInvocationData;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.security.authentication.Authentication;
import io.shegong.core.db.Sessions;
import io.shegong.core.error.ApiException;
import io.shegong.core.error.ErrorCode;
import io.shegong.core.security.Caller;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;

/**
 * Executes one GraphQL request: authenticates the caller, opens its tenant session, builds the
 * request's batch loaders and runs the operation on a blocking-capable thread, never on the
 * event loop. All fetchers of a request share one transaction, committed at the end; each
 * mutation field runs in its own savepoint.
 */
@Singleton
@Replaces(DefaultGraphQLInvocation.class)
public class TenantGraphQLInvocation implements GraphQLInvocation {
    private static final Logger LOG = LoggerFactory.getLogger(TenantGraphQLInvocation.class);

    private final GraphQL graphQL;
    private final Sessions sessions;
    private final List<LoaderContributor> loaders;
    private final GraphQLLimits limits;
    private final Scheduler scheduler;
    private final ParserOptions parserOptions;

    public TenantGraphQLInvocation(GraphQL graphQL, Sessions sessions, List<LoaderContributor> loaders,
                                   GraphQLLimits limits, @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.graphQL = graphQL;
        this.sessions = sessions;
        this.loaders = loaders;
        this.limits = limits;
        this.scheduler = Schedulers.fromExecutorService(blocking);
        // Limits on the document's size, applied while parsing: a document over them never
        // reaches validation, whose cost grows faster than the document.
        this.parserOptions = ParserOptions.getDefaultOperationParserOptions().transform(o -> o
                .maxCharacters(limits.getMaxCharacters())
                .maxTokens(limits.getMaxTokens())
                .maxWhitespaceTokens(limits.getMaxCharacters())
                .maxRuleDepth(200)
                .redactTokenParserErrorMessages(true));
    }

    @Override
    public Publisher<ExecutionResult> invoke(GraphQLInvocationData data, HttpRequest request,
                                             MutableHttpResponse<String> response) {
        String requestId = request.getHeaders().get("X-Request-Id", String.class)
                .filter(id -> id.length() <= 64 && id.matches("[A-Za-z0-9._-]+"))
                .orElseGet(() -> UUID.randomUUID().toString());
        response.header("X-Request-Id", requestId);
        Caller caller = ((HttpRequest<?>) request).getUserPrincipal(Authentication.class).map(Caller::from).orElse(null);
        boolean get = request.getMethod() == HttpMethod.GET;
        return Mono.fromCallable(() -> execute(data, caller, get, requestId)).subscribeOn(scheduler);
    }

    private ExecutionResult execute(GraphQLInvocationData data, Caller caller, boolean httpGet, String requestId) {
        MDC.put("requestId", requestId);
        try {
            if (caller == null) {
                return counted(failure(ErrorCode.UNAUTHENTICATED, "A valid bearer token is required"), 0);
            }
            MDC.put("tenant", caller.tenantCode() == null ? "-" : caller.tenantCode());
            return sessions.forRequest(caller.tenantCode(), caller.passwordLogin(), session -> {
                ExecutionResult result = graphQL.execute(input(data, new RequestContext(caller, session, httpGet, requestId)));
                return counted(ErrorReporting.withCodes(result), session.statementCount());
            });
        } catch (ApiException e) {
            return failure(e.code(), e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("GraphQL request failed", e);
            return failure(ErrorCode.INTERNAL, "Internal error");
        } finally {
            MDC.remove("requestId");
            MDC.remove("tenant");
        }
    }

    private ExecutionInput input(GraphQLInvocationData data, RequestContext ctx) {
        RequestLoaders registry = new RequestLoaders();
        loaders.forEach(l -> l.register(registry, ctx));
        Map<Object, Object> context = new HashMap<>();
        context.put(RequestContext.class, ctx);
        if (!limits.isIntrospection()) {
            context.put(Introspection.INTROSPECTION_DISABLED, true);
        }
        context.put(ParserOptions.class, parserOptions);
        return ExecutionInput.newExecutionInput()
                .query(data.getQuery())
                .operationName(data.getOperationName())
                .variables(data.getVariables() == null ? Map.of() : data.getVariables())
                .graphQLContext(context)
                .dataLoaderRegistry(registry)
                .build();
    }

    /** Adds `extensions.sqlStatements` where the diagnostic is switched on. */
    private ExecutionResult counted(ExecutionResult result, int statements) {
        if (!limits.isStatementCount()) {
            return result;
        }
        Map<Object, Object> ext = new HashMap<>();
        if (result.getExtensions() != null) {
            ext.putAll(result.getExtensions());
        }
        ext.put("sqlStatements", statements);
        return result.transform(b -> b.extensions(ext));
    }

    private static ExecutionResult failure(ErrorCode code, String message) {
        return ExecutionResultImpl.newExecutionResult().addError(ErrorReporting.error(code, message)).build();
    }
}
