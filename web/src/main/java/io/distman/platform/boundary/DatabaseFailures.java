package io.distman.platform.boundary;

import jakarta.resource.ResourceException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Tells a database that is away (restarted, unreachable, out of connections) from a bug: the first is a 503 the
 * caller may retry, the second a 500 with an incident number. Seen on PostgreSQL's restart: "This connection has
 * been closed" (SQLState 08003) from every pooled connection, and "Connection refused" from the pool while it was
 * down, each wrapped by EclipseLink and the EJB container. Only the cause chain's types and SQLStates are read,
 * never a message, so nothing of the SQL reaches the answer.
 */
public final class DatabaseFailures {

    private DatabaseFailures() {
    }

    /** Whether {@code failure} or one of its causes says the database could not be reached or used just now. */
    public static boolean unavailable(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
            if (t instanceof SQLTransientException || t instanceof SQLRecoverableException
                    || t instanceof SQLNonTransientConnectionException || t instanceof ResourceException) {
                return true;
            }
            if (t instanceof SQLException sql && unavailableState(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /**
     * SQLState classes of an unusable connection or server: 08 (connection exception), 53 (insufficient resources,
     * e.g. too many connections), 57P (PostgreSQL: admin shutdown, crash shutdown, cannot connect now).
     */
    static boolean unavailableState(String state) {
        return state != null && (state.startsWith("08") || state.startsWith("53") || state.startsWith("57P"));
    }
}
