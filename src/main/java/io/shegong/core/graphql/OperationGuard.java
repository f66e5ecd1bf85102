package io.shegong.core.graphql;

import graphql.ExecutionResult;
import graphql.execution.AbortExecutionException;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.language.Definition;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;

/**
 * Runs after validation and before any field is fetched: refuses too many aliases and
 * mutations sent by GET, and makes query transactions read-only. The session opens lazily, so
 * a rejected request never reaches the database.
 */
final class OperationGuard extends SimplePerformantInstrumentation {
    private final int maxAliases;

    OperationGuard(int maxAliases) {
        this.maxAliases = maxAliases;
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(
            InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
        ExecutionContext ec = parameters.getExecutionContext();
        RequestContext ctx = ec.getGraphQLContext().get(RequestContext.class);
        boolean mutation = ec.getOperationDefinition().getOperation() == OperationDefinition.Operation.MUTATION;
        if (mutation && ctx.httpGet()) {
            throw new AbortExecutionException("Mutations must be sent with POST");
        }
        int aliases = 0;
        for (Definition<?> d : ec.getDocument().getDefinitions()) {
            if (d instanceof OperationDefinition op) {
                aliases += aliases(op.getSelectionSet());
            } else if (d instanceof FragmentDefinition f) {
                aliases += aliases(f.getSelectionSet());
            }
        }
        if (aliases > maxAliases) {
            throw new AbortExecutionException("Too many aliases: " + aliases + " > " + maxAliases);
        }
        ctx.session().readOnly(!mutation);
        return super.beginExecuteOperation(parameters, state);
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
