package io.shegong.core;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.shegong.devdb.DatabaseSetup;
import io.shegong.support.GraphQLTestBase;
import io.shegong.support.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Isolation at the SQL level, as the service role, for every table that has a `tenant_id`
 * column: the tables are found in the catalog, so a table added later is covered too. The
 * platform-level tables that hold secrets are closed to the service role, which reaches them
 * through SECURITY DEFINER functions only.
 */
@MicronautTest(transactional = false)
class RowLevelSecurityTest extends GraphQLTestBase {
    private List<String> tables;
    private UUID qingpu;
    private UUID wuhan;

    @BeforeAll
    void findTables() throws SQLException {
        tables = new ArrayList<>();
        try (Connection c = TestDatabase.admin(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("""
                     SELECT c.table_name FROM information_schema.columns c
                       JOIN information_schema.tables t USING (table_schema, table_name)
                      WHERE c.table_schema = 'public' AND c.column_name = 'tenant_id' AND t.table_type = 'BASE TABLE'
                      ORDER BY 1""")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        assertTrue(tables.containsAll(List.of("division", "station", "social_worker", "assignment", "app_user")), tables.toString());
        qingpu = tenantId("qingpu");
        wuhan = tenantId("wuhan");
    }

    @Test
    void everyTenantTable_hasRlsEnabledAndForcedAndIsNotOwnedByTheServiceRole() throws SQLException {
        try (Connection c = TestDatabase.admin()) {
            for (String table : tables) {
                try (PreparedStatement ps = c.prepareStatement("""
                        SELECT c.relrowsecurity, c.relforcerowsecurity, pg_get_userbyid(c.relowner),
                               (SELECT count(*) FROM pg_policy p WHERE p.polrelid = c.oid)
                          FROM pg_class c WHERE c.oid = ('public.' || ?)::regclass""")) {
                    ps.setString(1, table);
                    try (ResultSet rs = ps.executeQuery()) {
                        assertTrue(rs.next());
                        assertTrue(rs.getBoolean(1), table + " has RLS disabled");
                        assertTrue(rs.getBoolean(2), table + " does not force RLS");
                        assertEquals(DatabaseSetup.OWNER, rs.getString(3), table + " owner");
                        assertTrue(rs.getInt(4) >= 1, table + " has no policy");
                    }
                }
            }
        }
    }

    @Test
    void serviceRole_isNotSuperuserHasNoBypassAndNoTruncate() throws SQLException {
        try (Connection c = TestDatabase.admin(); PreparedStatement ps = c.prepareStatement(
                "SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = ?")) {
            ps.setString(1, DatabaseSetup.SERVICE);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                assertFalse(rs.getBoolean(1));
                assertFalse(rs.getBoolean(2));
            }
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("""
                    SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                     WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
                       AND (has_table_privilege('shegong_app', c.oid, 'TRUNCATE')
                         OR pg_get_userbyid(c.relowner) = 'shegong_app')""")) {
                assertFalse(rs.next(), "the service role can truncate or owns a table");
            }
        }
    }

    @Test
    void serviceRole_cannotReadPlatformUserPasswordHashes_yetPlatformLoginWorks() throws Exception {
        try (Connection c = TestDatabase.service(); Statement st = c.createStatement()) {
            for (String sql : List.of("SELECT password_hash FROM platform_user", "SELECT count(*) FROM platform_user",
                    "UPDATE platform_user SET password_hash = 'x'",
                    "INSERT INTO platform_user (id, username, password_hash) VALUES (gen_random_uuid(), 'x', 'x')")) {
                SQLException e = assertThrows(SQLException.class, () -> st.execute(sql), sql);
                assertEquals("42501", e.getSQLState(), sql + ": " + e.getMessage());
            }
        }
        HttpRequest login = HttpRequest.newBuilder(URI.create(server.getURL() + "/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"platform\",\"password\":\"shegong-demo\"}")).build();
        HttpResponse<String> ok = HttpClient.newHttpClient().send(login, HttpResponse.BodyHandlers.ofString());
        assertEquals(200, ok.statusCode(), ok.body());
    }

    @Test
    void serviceRole_cannotAddAPlatformUserBesideExistingOnes() throws SQLException {
        try (Connection c = TestDatabase.service(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT create_first_platform_user('intruder', 'x')")) {
            assertTrue(rs.next());
            assertFalse(rs.getBoolean(1));
        }
        try (Connection admin = TestDatabase.admin(); Statement st = admin.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM platform_user WHERE username = 'intruder'")) {
            rs.next();
            assertEquals(0, rs.getInt(1));
        }
    }

    @Test
    void everySecurityDefinerFunction_isOwnedByTheOwnerPinsItsSearchPathAndIsNotPublic() throws SQLException {
        List<String> functions = new ArrayList<>();
        try (Connection c = TestDatabase.admin(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery("""
                SELECT p.proname, pg_get_userbyid(p.proowner), array_to_string(p.proconfig, ';'),
                       p.proacl IS NULL OR EXISTS (SELECT 1 FROM aclexplode(p.proacl) a WHERE a.grantee = 0)
                  FROM pg_proc p WHERE p.pronamespace = 'public'::regnamespace AND p.prosecdef ORDER BY 1""")) {
            while (rs.next()) {
                String name = rs.getString(1);
                functions.add(name);
                assertEquals(DatabaseSetup.OWNER, rs.getString(2), name + " owner");
                assertEquals("search_path=pg_catalog, public, pg_temp", rs.getString(3), name + " settings");
                assertFalse(rs.getBoolean(4), name + " is executable by PUBLIC");
            }
        }
        assertTrue(functions.containsAll(List.of("create_first_platform_user", "login_attempt_begin",
                "login_attempt_prune", "login_attempt_succeeded", "platform_login_hash")), functions.toString());
    }

    @Test
    void serviceRole_reachesLoginAttemptsOnlyThroughTheirFunctions() throws SQLException {
        try (Connection c = TestDatabase.service(); Statement st = c.createStatement()) {
            for (String sql : List.of("SELECT username FROM login_attempt",
                    "INSERT INTO login_attempt (tenant_code, username) VALUES ('qingpu', 'admin')",
                    "UPDATE login_attempt SET succeeded = true", "DELETE FROM login_attempt")) {
                SQLException e = assertThrows(SQLException.class, () -> st.execute(sql), sql);
                assertEquals("42501", e.getSQLState(), sql + ": " + e.getMessage());
            }
        }
    }

    @Test
    void withNoTenant_everyTenantTableReadsEmpty() throws SQLException {
        try (Connection admin = TestDatabase.admin(); Connection c = TestDatabase.service()) {
            for (String table : tables) {
                assertTrue(count(admin, table, null) > 0 || table.equals("supervision_visit")
                        || table.equals("station_status_change") || table.equals("training_record")
                        || table.equals("audit_entry") || table.equals("tenant_change") || table.equals("idempotency_key"),
                        "no rows to hide in " + table);
                assertEquals(0, count(c, table, null), table + " visible without a tenant");
            }
        }
    }

    @Test
    void underTenantA_noRowOfTenantBIsVisibleUpdatableOrDeletable() throws SQLException {
        try (Connection admin = TestDatabase.admin(); Connection c = TestDatabase.service()) {
            c.setAutoCommit(false);
            bind(c, qingpu);
            for (String table : tables) {
                assertTrue(count(c, table, qingpu) > 0 || count(admin, table, qingpu) == 0, table);
                assertEquals(0, count(c, table, wuhan), table + ": another tenant's rows are visible");
                int before = count(admin, table, wuhan);
                try (Statement st = c.createStatement()) {
                    st.execute("SAVEPOINT s");
                    try {
                        assertEquals(0, st.executeUpdate("UPDATE " + table + " SET tenant_id = tenant_id WHERE tenant_id = '" + wuhan + "'"));
                        assertEquals(0, st.executeUpdate("DELETE FROM " + table + " WHERE tenant_id = '" + wuhan + "'"));
                    } catch (SQLException notGranted) {
                        assertEquals("42501", notGranted.getSQLState(), table + ": " + notGranted.getMessage());
                    }
                    st.execute("ROLLBACK TO SAVEPOINT s");
                }
                assertEquals(before, count(admin, table, wuhan), table);
            }
            c.rollback();
        }
    }

    @Test
    void underTenantA_rowsOfTenantBCannotBeInserted() throws SQLException {
        try (Connection admin = TestDatabase.admin(); Connection c = TestDatabase.service()) {
            c.setAutoCommit(false);
            bind(c, qingpu);
            for (String table : tables) {
                String row = sampleRow(admin, table, wuhan);
                if (row == null) {
                    continue;
                }
                try (Statement st = c.createStatement()) {
                    st.execute("SAVEPOINT s");
                    SQLException e = assertThrows(SQLException.class, () -> st.executeUpdate(
                            "INSERT INTO " + table + " SELECT * FROM jsonb_populate_record(NULL::" + table + ", '"
                                    + row.replace("'", "''") + "'::jsonb)"), table);
                    assertEquals("42501", e.getSQLState(), table + ": " + e.getMessage());
                    st.execute("ROLLBACK TO SAVEPOINT s");
                }
            }
            c.rollback();
        }
    }

    @Test
    void tenantSetting_doesNotOutliveItsTransaction() throws SQLException {
        try (Connection c = TestDatabase.service()) {
            c.setAutoCommit(false);
            bind(c, qingpu);
            assertTrue(count(c, "station", null) > 0);
            c.commit();
            assertEquals(0, count(c, "station", null), "a pooled connection carried the tenant on");
        }
    }

    private static void bind(Connection c, UUID tenant) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT set_config('app.tenant_id', ?, true)")) {
            ps.setString(1, tenant.toString());
            ps.execute();
        }
    }

    private static int count(Connection c, String table, UUID tenant) throws SQLException {
        String sql = "SELECT count(*) FROM " + table + (tenant == null ? "" : " WHERE tenant_id = '" + tenant + "'");
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** One of the tenant's rows as JSON, with a fresh id so only the policy can refuse it. */
    private static String sampleRow(Connection admin, String table, UUID tenant) throws SQLException {
        String sql = "SELECT CASE WHEN to_jsonb(t) ? 'id' THEN jsonb_set(to_jsonb(t), '{id}', to_jsonb(gen_random_uuid()))"
                + " ELSE to_jsonb(t) END::text FROM " + table + " t WHERE tenant_id = '" + tenant + "' LIMIT 1";
        try (Statement st = admin.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private static UUID tenantId(String code) throws SQLException {
        try (Connection c = TestDatabase.admin(); PreparedStatement ps = c.prepareStatement("SELECT id FROM tenant WHERE code = ?")) {
            ps.setString(1, code);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getObject(1, UUID.class);
            }
        }
    }
}
