package io.shegong;

import io.micronaut.runtime.Micronaut;
import io.shegong.devdb.DatabaseSetup;
import io.shegong.devdb.EmbeddedDatabase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

public class Application {
    private static final Logger LOG = LoggerFactory.getLogger(Application.class);

    public static void main(String[] args) {
        Map<String, Object> properties = new HashMap<>();
        if (isBlank(System.getenv("MIGRATION_URL")) && !isBlank(System.getenv("DATASOURCE_URL"))) {
            // Migrations reach the same database as the service unless told otherwise.
            properties.put("flyway.datasources.owner.url", System.getenv("DATASOURCE_URL"));
        }
        if (isBlank(System.getenv("DATASOURCE_URL")) && isBlank(System.getProperty("datasources.default.url"))) {
            // Development run: a real PostgreSQL from Maven binaries, loaded with the demo bureaus.
            LOG.warn("No DATASOURCE_URL: starting an embedded PostgreSQL with the demo bureaus (development only)");
            DatabaseSetup.Target db = EmbeddedDatabase.start("shegong", 0);
            properties.putAll(db.properties());
            properties.put("shegong.demo-data", true);
            properties.put("shegong.dev-banner", true);
            if (isBlank(System.getenv("JWT_SECRET"))) {
                byte[] secret = new byte[48];
                new SecureRandom().nextBytes(secret);
                properties.put("micronaut.security.token.jwt.signatures.secret.generator.secret",
                        Base64.getEncoder().encodeToString(secret));
            }
        }
        Micronaut.build(args).mainClass(Application.class).properties(properties).start();
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
