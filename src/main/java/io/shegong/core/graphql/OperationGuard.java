package io.shegong.core.graphql;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.execution.AbortExecutionException;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.DocumentAndVariables;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.language.Definition;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.normalized.ExecutableNormalizedField;
import graphql.normalized.ExecutableNormalizedOperation;
import graphql.normalized.ExecutableNormalizedOperationFactory;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLTypeUtil;
import io.shegong.core.error.ApiException;
import io.shegong.core.error.ErrorCode;

import java.util.Set;

/**
 * The service's one instrumentation, and it works once per request, never per field (graphql-java
 * calls every instrumentation for every field, so per-field work here would cost on each of a
 * page's thousand fields). Before parsing it checks the variables; between parsing and validation
 * the document ({@link DocumentGuard}; a cached document has passed already); after validation
 * and before any field is fetched it refuses mutations sent by GET, too many aliases, and
 * operations too deep or too costly, measured on the operation as it will execute: fragments
 * expanded wherever they are spread, merged fields counted once. It makes query transactions
 * read-only and, last, binds the tenant, so that a deactivated or unknown tenant is one
 * FORBIDDEN for the whole request, and a refused document never reaches the database.
 */
final class OperationGuard extends SimplePerformantInstrumentation {
    /** Assumed size of an unpaged list (a station's posts, a division's children) when costing a query. */
    static final int LIST_FAN_OUT = 10;
    /**
     * Lists that come whole with the record holding them (a station's findings are computed with its
     * compliance, in the same batch for a whole page; a profile's terms are read with the profile):
     * they cost their elements once, not ten times, since asking for them costs no statement and no
     * fetch per element.
     */
    private static final Set<String> CARRIED = Set.of("StationCompliance.findings", "Qualification.alternatives",
            "ComplianceReport.byRule", "ComplianceReport.byKind", "StationKind.requiredRooms", "StationKind.requiredRules",
            "Vocabularies.rooms", "Vocabularies.rules", "Vocabularies.zones", "Vocabularies.domains");
    /** How much deeper than data the standard introspection query nests (`ofType` chains). */
    private static final int INTROSPECTION_DEPTH = 10;

    private final GraphQLLimits limits;
    private final DocumentGuard documents;

    OperationGuard(GraphQLLimits limits) {
        this.limits = limits;
        this.documents = new DocumentGuard(limits.getMaxFragments(), limits.getMaxFields());
    }

    @Override
    public ExecutionInput instrumentExecutionInput(ExecutionInput input, InstrumentationExecutionParameters parameters,
                                                   InstrumentationState state) {
        DocumentGuard.checkVariables(input.getVariables());
        return input;
    }

    @Override
    public DocumentAndVariables instrumentDocumentAndVariables(DocumentAndVariables dv,
                                                              InstrumentationExecutionParameters parameters,
                                                              InstrumentationState state) {
        documents.check(dv.getDocument());
        return dv;
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(
            InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
        ExecutionContext ec = parameters.getExecutionContext();
        RequestContext ctx = ec.getGraphQLContext().get(RequestContext.class);
        boolean mutation = ec.getOperationDefinition().getOperation() == OperationDefinition.Operation.MUTATION;
        if (mutation && ctx.httpGet()) {
            throw new Refusal(ErrorCode.BAD_REQUEST, "Mutations must be sent with POST");
        }
        checkAliases(ec);
        checkCost(ec);
        ctx.session().readOnly(!mutation);
        if (!ctx.session().isPlatform()) {
            try {
                ctx.session().tenantId();
            } catch (ApiException e) {
                throw new Refusal(e.code(), e.getMessage());
            }
        }
        return super.beginExecuteOperation(parameters, state);
    }

    private void checkAliases(ExecutionContext ec) {
        int aliases = 0;
        for (Definition<?> d : ec.getDocument().getDefinitions()) {
            if (d instanceof OperationDefinition op) {
                aliases += aliases(op.getSelectionSet());
            } else if (d instanceof FragmentDefinition f) {
                aliases += aliases(f.getSelectionSet());
            }
        }
        if (aliases > limits.getMaxAliases()) {
            throw new Refusal(ErrorCode.QUERY_TOO_COMPLEX, "Too many aliases: " + aliases + " > " + limits.getMaxAliases());
        }
    }

    private void checkCost(ExecutionContext ec) {
        GraphQLSchema schema = ec.getGraphQLSchema();
        ExecutableNormalizedOperation operation;
        try {
            operation = ExecutableNormalizedOperationFactory.createExecutableNormalizedOperation(schema,
                    ec.getOperationDefinition(), ec.getFragmentsByName(), ec.getCoercedVariables(),
                    ExecutableNormalizedOperationFactory.Options.defaultOptions()
                            // a backstop: the limit itself is applied below, outside introspection
                            .maxChildrenDepth(limits.getMaxDepth() + INTROSPECTION_DEPTH)
                            .maxFieldsCount(limits.getMaxFields()));
        } catch (AbortExecutionException tooDeepOrTooMany) {
            throw new Refusal(ErrorCode.QUERY_TOO_COMPLEX, tooDeepOrTooMany.getMessage());
        }
        long cost = 0;
        for (ExecutableNormalizedField f : operation.getTopLevelFields()) {
            int depth = depth(f);
            if (depth > limits.getMaxDepth()) {
                throw new Refusal(ErrorCode.QUERY_TOO_COMPLEX, "Query is too deep: " + depth + " > " + limits.getMaxDepth());
            }
            cost += cost(f, schema, false);
        }
        if (cost > limits.getMaxComplexity()) {
            throw new Refusal(ErrorCode.QUERY_TOO_COMPLEX, "Query is too complex: " + cost + " > "
                    + limits.getMaxComplexity() + ". A page of n costs n times its fields and an unpaged list ten "
                    + "times: ask for smaller pages (`first`), fewer nested lists, or split the query");
        }
    }

    /**
     * A paged field costs its page size times its children, an unpaged list ten times them (a
     * connection's `edges` are already counted by the page size), any other field one plus them.
     * Introspection reads the schema in memory and costs one per field.
     */
    private static long cost(ExecutableNormalizedField f, GraphQLSchema schema, boolean introspection) {
        boolean inSchema = introspection || f.getFieldName().startsWith("__");
        long children = 0;
        for (ExecutableNormalizedField c : f.getChildren()) {
            children += cost(c, schema, inSchema);
        }
        if (inSchema) {
            return 1 + children;
        }
        if (f.getResolvedArguments().get("first") instanceof Integer n) {
            return Math.max(1, Math.min(n, Connection.MAX_PAGE)) * (1 + children);
        }
        boolean list = GraphQLTypeUtil.unwrapNonNull(f.getType(schema)) instanceof GraphQLList;
        if (list && f.getObjectTypeNames().stream().allMatch(t -> CARRIED.contains(t + "." + f.getFieldName()))) {
            return 1 + children;
        }
        if (list && !f.getFieldName().equals("edges")) {
            return 1 + (long) LIST_FAN_OUT * children;
        }
        return 1 + children;
    }

    /** Depth below a field; introspection's type references nest deeper than data ever does, and cost nothing. */
    private static int depth(ExecutableNormalizedField f) {
        if (f.getFieldName().startsWith("__")) {
            return 1;
        }
        int deepest = 0;
        for (ExecutableNormalizedField c : f.getChildren()) {
            deepest = Math.max(deepest, depth(c));
        }
        return 1 + deepest;
    }

    private static int aliases(SelectionSet set) {
        if (set == null) {
            return 0;
        }
        int n = 0;
        for (Selection<?> s : set.getSelections()) {
            if (s instanceof Field f) {
                n += (f.getAlias() != null ? 1 : 0) + aliases(f.getSelectionSet());
            } else if (s instanceof InlineFragment i) {
                n += aliases(i.getSelectionSet());
            }
        }
        return n;
    }
}
