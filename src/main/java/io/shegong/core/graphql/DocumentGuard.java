package io.shegong.core.graphql;

import graphql.execution.instrumentation.DocumentAndVariables;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.language.Argument;
import graphql.language.Directive;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.ObjectField;
import graphql.language.FragmentDefinition;
import graphql.language.Node;
import graphql.language.StringValue;
import io.shegong.core.error.ErrorCode;

import java.util.List;
import java.util.Map;

/**
 * Runs between parsing and validation, so that what it refuses never costs a validation pass:
 * too many fragment definitions (validation compares fragments pairwise, and a long chain of
 * them occupies a CPU for seconds), and control characters in any string, literal or variable
 * (PostgreSQL refuses NUL in text, and no bureau's data holds the others).
 */
final class DocumentGuard extends SimplePerformantInstrumentation {
    private final int maxFragments;

    DocumentGuard(int maxFragments) {
        this.maxFragments = maxFragments;
    }

    @Override
    public DocumentAndVariables instrumentDocumentAndVariables(DocumentAndVariables dv,
                                                              InstrumentationExecutionParameters parameters,
                                                              InstrumentationState state) {
        Document document = dv.getDocument();
        long fragments = document.getDefinitions().stream().filter(FragmentDefinition.class::isInstance).count();
        if (fragments > maxFragments) {
            throw new Refusal(ErrorCode.QUERY_TOO_COMPLEX, "Too many fragments: " + fragments + " > " + maxFragments);
        }
        checkLiterals(document, "");
        dv.getVariables().forEach((name, value) -> checkValue(name, value));
        return dv;
    }

    /** Walks the document; the path of arguments and input fields names the field at fault. */
    private static void checkLiterals(Node<?> node, String path) {
        if (node instanceof StringValue s && Text.hasControlCharacter(s.getValue())) {
            throw new Refusal(ErrorCode.BAD_USER_INPUT,
                    (path.isEmpty() ? "A string" : path) + " holds a control character; text may hold line breaks and tabs only",
                    path.isEmpty() ? null : path);
        }
        for (Node<?> child : node.getChildren()) {
            String name = child instanceof Argument a ? a.getName() : child instanceof ObjectField f ? f.getName() : null;
            if (child instanceof Field || child instanceof Directive) {
                checkLiterals(child, "");
            } else {
                checkLiterals(child, name == null ? path : path.isEmpty() ? name : path + "." + name);
            }
        }
    }

    /** Walks a variable's JSON value; the path names the field at fault, e.g. `input.name`. */
    private static void checkValue(String path, Object value) {
        if (value instanceof String s) {
            if (Text.hasControlCharacter(s)) {
                throw new Refusal(ErrorCode.BAD_USER_INPUT,
                        path + " holds a control character; text may hold line breaks and tabs only", path);
            }
        } else if (value instanceof Map<?, ?> m) {
            m.forEach((k, v) -> {
                checkValue(path + "." + k, k);
                checkValue(path + "." + k, v);
            });
        } else if (value instanceof List<?> l) {
            for (int i = 0; i < l.size(); i++) {
                checkValue(path + "." + i, l.get(i));
            }
        }
    }
}
