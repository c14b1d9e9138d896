package io.distman.dispatch.control;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;

/**
 * Tells a database error that may go away by itself (the server restarting, a dropped connection, a
 * pool that cannot hand out a connection, a deadlock or serialization victim) from one that will not (a
 * constraint violated by this data), by the standard SQLSTATE classes and JDBC's exception types.
 */
public final class TransientDatabaseErrors {

    /** SQLSTATE classes (first two characters): 08 connection exception, 40 transaction rollback, 53 insufficient resources, 57 operator intervention (e.g. 57P01 admin shutdown), 58 system error. */
    private static final Set<String> TRANSIENT_CLASSES = Set.of("08", "40", "53", "57", "58");

    private TransientDatabaseErrors() {
    }

    public static boolean isTransient(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientException || t instanceof SQLRecoverableException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().length() >= 2
                    && TRANSIENT_CLASSES.contains(sql.getSQLState().substring(0, 2))) {
                return true;
            }
            // The application server's pool, when it cannot open a connection to a database that is down.
            // (GlassFish: "Error in allocating a connection", caused by a jakarta.resource exception or its PoolingException.)
            String type = t.getClass().getName();
            if (type.startsWith("jakarta.resource.") || type.endsWith(".PoolingException")
                    || (t.getMessage() != null && t.getMessage().contains("Error in allocating a connection"))) {
                return true;
            }
        }
        return false;
    }
}
