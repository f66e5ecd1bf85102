package io.shegong.core;

import io.micronaut.core.propagation.PropagatedContext;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.shegong.core.db.Sessions;
import io.shegong.station.StationRepository;
import io.shegong.support.GraphQLTestBase;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A repository reads only inside a unit of work bound to a tenant; outside one it fails, never reads unbound. */
@MicronautTest(transactional = false)
class UnitOfWorkTest extends GraphQLTestBase {
    @Inject
    Sessions sessions;
    @Inject
    StationRepository stations;

    @Test
    void repositoryCall_outsideAUnitOfWork_throws() {
        assertThrows(DataAccessException.class, () -> stations.existsByCode("dazhi"));
    }

    @Test
    void repositoryCall_insideATenantsUnitOfWork_seesThatTenantsRowsOnly() {
        boolean own = sessions.inTenant("wuhan", s -> stations.existsByCode("dazhi"));
        assertTrue(own);
        assertEquals(false, sessions.inTenant("qingpu", s -> stations.existsByCode("dazhi")));
        assertEquals(false, sessions.onPlatform(s -> stations.existsByCode("dazhi")));
    }

    @Test
    void workMovedToAnotherThread_withoutItsContext_failsClosed_andWithItSeesTheTenant() {
        CompletionException lost = assertThrows(CompletionException.class, () -> sessions.inTenant("wuhan",
                s -> CompletableFuture.supplyAsync(() -> stations.existsByCode("dazhi")).join()));
        assertInstanceOf(DataAccessException.class, lost.getCause());
        boolean carried = sessions.inTenant("wuhan", s -> {
            Supplier<Boolean> read = () -> stations.existsByCode("dazhi");
            return CompletableFuture.supplyAsync(PropagatedContext.getOrEmpty().wrap(read)).join();
        });
        assertTrue(carried);
    }
}
