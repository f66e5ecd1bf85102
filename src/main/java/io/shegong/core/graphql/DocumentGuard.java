package io.shegong.core.graphql;

import graphql.language.Argument;
import graphql.language.Directive;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.ObjectField;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.Node;
import graphql.language.StringValue;
import io.shegong.core.error.ErrorCode;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Map;

/**
 * Checks a document between parsing and validation, so that what it refuses never costs a
 * validation pass: too many fragment definitions or too many fields once fragments are expanded
 * (validation compares fields pairwise, and a chain of fragments that each spread the next twice
 * would occupy a CPU for minutes and exhaust the heap), and control characters in any string
 * literal (PostgreSQL refuses NUL in text, and no bureau's data holds the others). A document
 * passes once and is cached; the variables, which change with every request, are checked on
 * every request.
 */
final class DocumentGuard {
    private final int maxFragments;
    private final int maxFields;

    DocumentGuard(int maxFragments, int maxFields) {
        this.maxFragments = maxFragments;
        this.maxFields = maxFields;
    }

    void check(Document document) {
        long fragments = document.getDefinitions().stream().filter(FragmentDefinition.class::isInstance).count();
        if (fragments > maxFragments) {
            throw new Refusal(ErrorCode.QUERY_TOO_COMPLEX, "Too many fragments: " + fragments + " > " + maxFragments);
        }
        checkExpandedSize(document);
        checkLiterals(document, "");
    }

    /** Control characters in a request's variables, named by their path, e.g. `input.name`. */
    static void checkVariables(Map<String, Object> variables) {
        variables.forEach(DocumentGuard::checkValue);
    }

    /**
     * Refuses a document whose fields, with every fragment spread expanded, outnumber the limit.
     * Fragments that spread others twice double at each step: fifty of them are 2^50 fields,
     * which validation would try to compare pairwise. Each fragment is sized once.
     */
    private void checkExpandedSize(Document document) {
        Map<String, FragmentDefinition> fragments = new HashMap<>();
        for (FragmentDefinition f : document.getDefinitionsOfType(FragmentDefinition.class)) {
            fragments.put(f.getName(), f);
        }
        Map<String, Long> sizes = new HashMap<>();
        for (OperationDefinition op : document.getDefinitionsOfType(OperationDefinition.class)) {
            long fields = size(op.getSelectionSet(), fragments, sizes, new HashSet<>());
            if (fields > maxFields) {
                throw new Refusal(ErrorCode.QUERY_TOO_COMPLEX, "Too many fields with fragments expanded: "
                        + (fields >= CAP ? "more than " + CAP : String.valueOf(fields)) + " > " + maxFields);
            }
        }
    }

    private static final long CAP = 1_000_000_000L;

    private static long size(SelectionSet set, Map<String, FragmentDefinition> fragments, Map<String, Long> sizes,
                             Set<String> visiting) {
        if (set == null) {
            return 0;
        }
        long n = 0;
        for (Selection<?> s : set.getSelections()) {
            if (s instanceof Field f) {
                n += 1 + size(f.getSelectionSet(), fragments, sizes, visiting);
            } else if (s instanceof InlineFragment i) {
                n += size(i.getSelectionSet(), fragments, sizes, visiting);
            } else if (s instanceof FragmentSpread spread) {
                n += fragmentSize(spread.getName(), fragments, sizes, visiting);
            }
            if (n >= CAP) {
                return CAP;
            }
        }
        return n;
    }

    private static long fragmentSize(String name, Map<String, FragmentDefinition> fragments, Map<String, Long> sizes,
                                     Set<String> visiting) {
        Long known = sizes.get(name);
        if (known != null) {
            return known;
        }
        FragmentDefinition f = fragments.get(name);
        if (f == null || !visiting.add(name)) {
            return 0; // unknown fragments and cycles are validation's to report
        }
        long n = size(f.getSelectionSet(), fragments, sizes, visiting);
        visiting.remove(name);
        sizes.put(name, n);
        return n;
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
