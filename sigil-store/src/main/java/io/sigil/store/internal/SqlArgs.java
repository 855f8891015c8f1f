package io.sigil.store.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Builds a positional argument list next to a SQL string whose optional parts add parameters. */
final class SqlArgs {

    private final StringBuilder sql;
    private final List<Object> args = new ArrayList<>();

    SqlArgs(String sql, Object... args) {
        this.sql = new StringBuilder(sql);
        this.args.addAll(Arrays.asList(args));
    }

    SqlArgs add(String fragment, Object... fragmentArgs) {
        sql.append(fragment);
        args.addAll(Arrays.asList(fragmentArgs));
        return this;
    }

    /** Appends {@code fragment} only when {@code value} is not null, binding it. */
    SqlArgs addIf(Object value, String fragment) {
        if (value != null) {
            add(fragment, value);
        }
        return this;
    }

    String sql() {
        return sql.toString();
    }

    Object[] args() {
        return args.toArray();
    }
}
