package io.shegong.core.db;

import java.sql.SQLException;

/** An unexpected database failure; reported to clients as INTERNAL without detail. */
public class DatabaseException extends RuntimeException {
    public DatabaseException(SQLException cause) {
        super(cause);
    }

    public String sqlState() {
        return ((SQLException) getCause()).getSQLState();
    }
}
