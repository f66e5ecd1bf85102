package io.shegong.core.db;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Thin JDBC helpers that run statements on a session's connection and count them. */
public final class Sql {
    private Sql() {
    }

    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    public static <T> List<T> list(Session session, String sql, RowMapper<T> mapper, Object... params) {
        try (PreparedStatement ps = prepare(session, sql, params);
             ResultSet rs = ps.executeQuery()) {
            List<T> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(mapper.map(rs));
            }
            return rows;
        } catch (SQLException e) {
            throw new DatabaseException(e);
        }
    }

    public static <T> Optional<T> one(Session session, String sql, RowMapper<T> mapper, Object... params) {
        List<T> rows = list(session, sql, mapper, params);
        return rows.isEmpty() ? Optional.empty() : Optional.ofNullable(rows.getFirst());
    }

    public static int update(Session session, String sql, Object... params) {
        try (PreparedStatement ps = prepare(session, sql, params)) {
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new DatabaseException(e);
        }
    }

    private static PreparedStatement prepare(Session session, String sql, Object... params) throws SQLException {
        Connection c = session.connection();
        PreparedStatement ps = c.prepareStatement(sql);
        try {
            for (int i = 0; i < params.length; i++) {
                bind(c, ps, i + 1, params[i]);
            }
        } catch (SQLException | RuntimeException e) {
            ps.close();
            throw e;
        }
        session.counted();
        return ps;
    }

    private static void bind(Connection c, PreparedStatement ps, int index, Object value) throws SQLException {
        switch (value) {
            case null -> ps.setObject(index, null);
            case Collection<?> items -> ps.setArray(index, array(c, items));
            case Instant instant -> ps.setTimestamp(index, Timestamp.from(instant));
            case Enum<?> e -> ps.setString(index, e.name());
            default -> ps.setObject(index, value);
        }
    }

    private static Array array(Connection c, Collection<?> items) throws SQLException {
        boolean uuids = !items.isEmpty() && items.iterator().next() instanceof UUID;
        return c.createArrayOf(uuids ? "uuid" : "text", items.toArray());
    }

    // Column readers that keep SQL NULL as Java null.

    public static LocalDate date(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }

    public static UUID uuid(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, UUID.class);
    }

    public static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }

    public static Double decimal(ResultSet rs, String column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? null : v;
    }

    public static Integer integer(ResultSet rs, String column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }

    public static List<String> strings(ResultSet rs, String column) throws SQLException {
        Array a = rs.getArray(column);
        return a == null ? List.of() : List.of((String[]) a.getArray());
    }
}
