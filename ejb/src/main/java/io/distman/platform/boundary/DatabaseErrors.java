package io.distman.platform.boundary;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Tells a database error that may go away by itself from one that will not, by JDBC's exception types and the
 * standard SQLSTATE classes of the cause chain (EclipseLink and the EJB container wrap the driver's exception).
 * One table for the two questions asked of it: the REST API answers "database away" with a 503 the caller may
 * retry instead of a 500, and dispatch retries recording a step instead of leaving it to the lease. Seen on
 * PostgreSQL's restart: "This connection has been closed" (08003) from every pooled connection, and the pool's
 * "Error in allocating a connection" while it was down.
 */
public final class DatabaseErrors {

    /**
     * SQLSTATE classes of an unusable connection or server: 08 connection exception, 53 insufficient resources
     * (e.g. too many connections), 57 operator intervention (57P01 admin shutdown, 57P03 cannot connect now).
     */
    private static final Set<String> UNAVAILABLE_CLASSES = Set.of("08", "53", "57");
    /** And what a retry of the same work may get past: 40 transaction rollback (deadlock, serialization), 58 system error. */
    private static final Set<String> RETRYABLE_CLASSES = Set.of("40", "58");

    private DatabaseErrors() {
    }

    /** Whether {@code failure} or one of its causes says the database could not be reached or used just now. */
    public static boolean unavailable(Throwable failure) {
        return causes(failure).anyMatch(DatabaseErrors::unavailableItself);
    }

    /** Whether the same work may succeed if tried again: the database was away, or this transaction lost a race. */
    public static boolean transientFailure(Throwable failure) {
        return causes(failure).anyMatch(t -> unavailableItself(t) || stateIn(t, RETRYABLE_CLASSES));
    }

    /** The exception and its causes, each once (a cause chain may loop). */
    static Stream<Throwable> causes(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        return Stream.iterate(failure, t -> t != null && seen.add(t), Throwable::getCause);
    }

    private static boolean unavailableItself(Throwable t) {
        if (t instanceof SQLTransientException || t instanceof SQLRecoverableException
                || t instanceof SQLNonTransientConnectionException) {
            return true;
        }
        // The application server's pool when it cannot open a connection: a jakarta.resource exception (GlassFish's
        // PoolingException among them) as the cause, or only its fixed text on the SQLException it throws.
        String type = t.getClass().getName();
        return type.startsWith("jakarta.resource.") || type.endsWith(".PoolingException")
                || (t instanceof SQLException && t.getMessage() != null && t.getMessage().startsWith("Error in allocating a connection"))
                || stateIn(t, UNAVAILABLE_CLASSES);
    }

    private static boolean stateIn(Throwable t, Set<String> classes) {
        return t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().length() >= 2
                && classes.contains(sql.getSQLState().substring(0, 2));
    }
}
