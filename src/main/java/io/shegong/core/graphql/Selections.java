package io.shegong.core.graphql;

import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.schema.DataFetchingEnvironment;

import java.util.Map;

/**
 * What a query asks for below a field, read from the document itself. A fetcher uses it to read
 * an association in the same statement when it will be asked for. graphql-java's
 * `DataFetchingFieldSelectionSet` answers the same, but builds the whole selection (and compiles
 * a glob) on each of a page's fifty stations: a twentieth of the page's CPU.
 */
public final class Selections {
    private Selections() {
    }

    /** Whether the field's selection names a direct child field, in any fragment spread or inline. */
    public static boolean asks(DataFetchingEnvironment env, String child) {
        for (Field f : env.getMergedField().getFields()) {
            if (names(f.getSelectionSet(), child, env.getFragmentsByName(), 0)) {
                return true;
            }
        }
        return false;
    }

    private static boolean names(SelectionSet set, String child, Map<String, FragmentDefinition> fragments, int depth) {
        if (set == null || depth > fragments.size()) {
            return false; // a fragment cycle is validation's to refuse; this only stops the walk
        }
        for (Selection<?> s : set.getSelections()) {
            if (s instanceof Field f && f.getName().equals(child)) {
                return true;
            }
            if (s instanceof InlineFragment i && names(i.getSelectionSet(), child, fragments, depth)) {
                return true;
            }
            if (s instanceof FragmentSpread spread) {
                FragmentDefinition d = fragments.get(spread.getName());
                if (d != null && names(d.getSelectionSet(), child, fragments, depth + 1)) {
                    return true;
                }
            }
        }
        return false;
    }
}
