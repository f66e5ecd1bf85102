package io.shegong.core.db;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.annotation.NonNull;
import io.micronaut.core.beans.BeanProperty;
import io.micronaut.data.event.EntityEventContext;
import io.micronaut.data.runtime.convert.DataConversionService;
import io.micronaut.data.runtime.date.DateTimeProvider;
import io.micronaut.data.runtime.event.listeners.VersionGeneratingEntityEventListener;
import jakarta.inject.Singleton;

/**
 * Optimistic versions as clients have always seen them: a new record is at version 1 (the
 * columns' default), and each update adds one. Micronaut Data would start new records at 0.
 */
@Singleton
@Replaces(VersionGeneratingEntityEventListener.class)
public class FirstVersionIsOne extends VersionGeneratingEntityEventListener {

    public FirstVersionIsOne(DateTimeProvider<?> dateTimeProvider, DataConversionService conversionService) {
        super(dateTimeProvider, conversionService);
    }

    @Override
    public boolean prePersist(@NonNull EntityEventContext<Object> context) {
        BeanProperty<Object, Object> property = context.getPersistentEntity().getVersion().getProperty();
        Class<?> type = property.getType();
        if (type == int.class || type == Integer.class) {
            context.setProperty(property, 1);
            return true;
        }
        return super.prePersist(context);
    }
}
