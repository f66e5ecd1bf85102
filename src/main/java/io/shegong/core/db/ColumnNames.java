package io.shegong.core.db;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.data.model.Association;
import io.micronaut.data.model.PersistentProperty;
import io.micronaut.data.model.naming.NamingStrategy;
import io.micronaut.data.model.runtime.RuntimePersistentProperty;

import java.util.List;

/**
 * The default naming (lower case, words separated by underscores) with each property's column
 * name looked up once. Micronaut Data asks the naming strategy for a column's name on every
 * property of every row it reads, and the default strategy answers by reading the property's
 * annotations each time: a tenth of the CPU of a page of stations with their posts. The property
 * keeps its name once computed, so this asks the property. Every entity names this strategy.
 */
@Introspected
public final class ColumnNames implements NamingStrategy {

    @Override
    public String mappedName(String name) {
        return NamingStrategy.DEFAULT.mappedName(name);
    }

    @Override
    public String mappedName(List<Association> path, PersistentProperty property) {
        if (path.isEmpty() && property instanceof RuntimePersistentProperty<?> known) {
            return known.getPersistedName();
        }
        return NamingStrategy.super.mappedName(path, property);
    }
}
