package io.shegong.core;

import io.micronaut.core.beans.BeanIntrospection;
import io.micronaut.core.beans.BeanIntrospector;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import io.micronaut.data.annotation.NamingStrategy;
import io.micronaut.data.model.runtime.RuntimePersistentEntity;
import io.shegong.core.db.ColumnNames;
import io.shegong.worker.Assignment;
import org.junit.jupiter.api.Test;

import java.util.Collection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every entity reads its columns at the cost the page benchmark was measured with. */
class EntityMappingTest {

    @Test
    void everyEntity_namesEveryColumnAndLooksItUpOnce() {
        Collection<BeanIntrospection<Object>> entities = BeanIntrospector.SHARED.findIntrospections(MappedEntity.class);
        assertTrue(entities.size() >= 14, "entities found: " + entities.size());
        for (BeanIntrospection<Object> entity : entities) {
            String name = entity.getBeanType().getSimpleName();
            assertEquals(ColumnNames.class.getName(),
                    entity.getAnnotationMetadata().stringValue(NamingStrategy.class).orElse(null), name);
            entity.getBeanProperties().forEach(p -> assertTrue(
                    p.getAnnotationMetadata().stringValue(MappedProperty.class).isPresent(), name + "." + p.getName()));
        }
        RuntimePersistentEntity<Assignment> assignment = new RuntimePersistentEntity<>(Assignment.class);
        assertInstanceOf(ColumnNames.class, assignment.getNamingStrategy());
        assertEquals("starts_on", assignment.getNamingStrategy().mappedName(java.util.List.of(),
                assignment.getPropertyByName("startsOn")));
    }
}
