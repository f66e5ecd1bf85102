package io.shegong.support;

import io.shegong.devdb.DatabaseSetup;
import io.shegong.devdb.EmbeddedDatabase;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * The real PostgreSQL every test runs against, in order of preference: the server named by
 * `SHEGONG_TEST_DATABASE_URL` (`postgresql://superuser:password@host:port`), a Testcontainers
 * container when Docker is available, else an embedded PostgreSQL 17. A run that cannot get one
 * fails; nothing is skipped.
 */
public final class TestDatabase {
    private static final String DATABASE = "shegong_test";
    private static final String PASSWORD = "shegong-test";
    private static DatabaseSetup.Target target;

    private TestDatabase() {
    }

    public static synchronized DatabaseSetup.Target target() {
        if (target == null) {
            try {
                target = start();
            } catch (SQLException e) {
                throw new IllegalStateException("No PostgreSQL for the tests", e);
            }
        }
        return target;
    }

    private static DatabaseSetup.Target start() throws SQLException {
        String given = System.getenv("SHEGONG_TEST_DATABASE_URL");
        if (given != null && !given.isBlank()) {
            URI uri = URI.create(given);
            String[] user = uri.getUserInfo() == null ? new String[]{"postgres", ""} : uri.getUserInfo().split(":", 2);
            String server = "jdbc:postgresql://" + uri.getHost() + ":" + (uri.getPort() < 0 ? 5432 : uri.getPort()) + "/";
            return DatabaseSetup.prepare(server, user[0], user.length > 1 ? user[1] : "", DATABASE, PASSWORD);
        }
        if (dockerAvailable()) {
            PostgreSQLContainer<?> pg = new PostgreSQLContainer<>("postgres:17-alpine");
            pg.start();
            String server = "jdbc:postgresql://" + pg.getHost() + ":" + pg.getFirstMappedPort() + "/";
            return DatabaseSetup.prepare(server, pg.getUsername(), pg.getPassword(), DATABASE, PASSWORD);
        }
        return EmbeddedDatabase.start(DATABASE, 0);
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (Throwable noDocker) {
            return false;
        }
    }

    /** A superuser connection to the test database, for checks beneath row-level security. */
    public static Connection admin() throws SQLException {
        DatabaseSetup.Target t = target();
        return DriverManager.getConnection(t.url(), t.adminUser(), t.adminPassword());
    }

    /** A connection as the service role, exactly as the service connects. */
    public static Connection service() throws SQLException {
        DatabaseSetup.Target t = target();
        return DriverManager.getConnection(t.url(), DatabaseSetup.SERVICE, t.servicePassword());
    }
}
