package io.shegong.demo;

import io.micronaut.context.annotation.Requires;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Singleton;

/** Tells whoever started the development run where to click and how to get a token. */
@Singleton
@Requires(property = "shegong.dev-banner", value = "true")
public class DevBanner {
    @EventListener
    void onStart(ServerStartupEvent event) {
        String base = event.getSource().getURL().toString();
        System.out.printf("""

                Shegong is running with the demo bureaus (%s) on an embedded PostgreSQL.
                  GraphiQL:  %s/graphiql
                  A token:   curl -s -X POST %s/login -H 'Content-Type: application/json' \\
                               -d '{"tenant":"wuhan","username":"admin","password":"%s"}'
                  Then send it as 'Authorization: Bearer <access_token>' (GraphiQL: Headers tab).
                  Users per bureau: %s; platform admin: username "platform" without a tenant.

                """, String.join(", ", DemoData.TENANTS), base, base, DemoData.PASSWORD, String.join(", ", DemoData.USERS));
    }
}
