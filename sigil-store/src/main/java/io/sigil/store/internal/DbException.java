package io.sigil.store.internal;

import java.sql.SQLException;

/** An unchecked carrier of a {@link SQLException}; turned into an IAM error at the transaction boundary. */
public final class DbException extends RuntimeException {

    public DbException(SQLException cause) {
        super(cause.getMessage(), cause);
    }

    public SQLException sql() {
        return (SQLException) getCause();
    }
}
