package io.shegong.devdb;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Prepares a PostgreSQL server for the service from an administrator connection: the owner
 * role that runs migrations, the service role (not owner, not superuser, NOBYPASSRLS), and a
 * database owned by the owner. Used by the development run and by tests; production databases
 * are prepared by `infra/postgres/init`.
 */
public final class DatabaseSetup {
    public static final String OWNER = "shegong_owner";
    public static final String SERVICE = "shegong_app";

    private DatabaseSetup() {
    }

    /** Connection settings for the service, as Micronaut properties. */
    public record Target(String url, String ownerPassword, String servicePassword, String adminUser,
                         String adminPassword) {
        public Map<String, Object> properties() {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("datasources.default.url", url);
            p.put("datasources.default.username", SERVICE);
            p.put("datasources.default.password", servicePassword);
            p.put("flyway.datasources.owner.url", url);
            p.put("flyway.datasources.owner.user", OWNER);
            p.put("flyway.datasources.owner.password", ownerPassword);
            return p;
        }
    }

    /**
     * Creates the roles if missing and a fresh database, as a superuser of the server at
     * `serverUrl` (`jdbc:postgresql://host:port/`).
     */
    public static Target prepare(String serverUrl, String adminUser, String adminPassword, String database,
                                 String password) throws SQLException {
        try (Connection c = DriverManager.getConnection(serverUrl + "postgres", adminUser, adminPassword);
             Statement st = c.createStatement()) {
            createRole(st, OWNER, "LOGIN NOSUPERUSER NOCREATEROLE", password);
            createRole(st, SERVICE, "LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS", password);
            st.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            st.execute("CREATE DATABASE " + database + " OWNER " + OWNER);
        }
        try (Connection c = DriverManager.getConnection(serverUrl + database, adminUser, adminPassword);
             Statement st = c.createStatement()) {
            st.execute("ALTER SCHEMA public OWNER TO " + OWNER);
            st.execute("REVOKE CREATE ON SCHEMA public FROM PUBLIC");
            st.execute("GRANT USAGE ON SCHEMA public TO " + SERVICE);
        }
        return new Target(serverUrl + database, password, password, adminUser, adminPassword);
    }

    private static void createRole(Statement st, String role, String options, String password) throws SQLException {
        String quoted = "'" + password.replace("'", "''") + "'";
        st.execute("DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '" + role + "') THEN "
                + "CREATE ROLE " + role + " " + options + " PASSWORD " + quoted + "; END IF; END $$");
        st.execute("ALTER ROLE " + role + " " + options + " PASSWORD " + quoted);
    }
}
