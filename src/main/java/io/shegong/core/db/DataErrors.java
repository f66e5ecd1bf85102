package io.shegong.core.db;

import io.shegong.core.error.ApiException;
import io.shegong.core.error.ErrorCode;

import java.sql.SQLException;
import java.util.Optional;

/**
 * Constraint failures the services did not foresee, as failures a client can act on: says what
 * kind, never which constraint, table or column.
 */
public final class DataErrors {
    private DataErrors() {
    }

    public static Optional<ApiException> asApiError(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return switch (sql.getSQLState()) {
                    case "23505" -> Optional.of(new ApiException(ErrorCode.CONFLICT,
                            "A record with the same key already exists", null));
                    case "23503", "23514", "23502", "22001", "22003", "22007", "22008" -> Optional.of(new ApiException(
                            ErrorCode.BAD_USER_INPUT, "The input breaks a rule of the data", null));
                    default -> Optional.empty();
                };
            }
        }
        return Optional.empty();
    }
}
