package io.shegong.devdb;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;

/**
 * A real PostgreSQL server started from binaries on the classpath, for the development run and
 * for tests on machines without a database or Docker. Stops when the JVM exits.
 */
public final class EmbeddedDatabase {
    private static EmbeddedPostgres server;

    private EmbeddedDatabase() {
    }

    public static synchronized DatabaseSetup.Target start(String database, int port) {
        try {
            if (server == null) {
                EmbeddedPostgres.Builder b = EmbeddedPostgres.builder()
                        .setServerConfig("max_connections", "200")
                        .setServerConfig("fsync", "off");
                if (port > 0) {
                    b.setPort(port);
                }
                server = b.start();
                EmbeddedPostgres s = server;
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        s.close();
                    } catch (IOException ignored) {
                        // the process is ending anyway
                    }
                }));
            }
            String serverUrl = "jdbc:postgresql://localhost:" + server.getPort() + "/";
            return DatabaseSetup.prepare(serverUrl, "postgres", "postgres", database, "shegong-local");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded PostgreSQL", e);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot prepare the embedded PostgreSQL", e);
        }
    }
}
