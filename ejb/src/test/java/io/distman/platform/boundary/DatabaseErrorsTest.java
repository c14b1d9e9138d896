package io.distman.platform.boundary;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJBException;
import jakarta.persistence.PersistenceException;
import jakarta.resource.spi.ResourceAllocationException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

class DatabaseErrorsTest {

    @Test
    void closedConnectionUnderEjbAndJpaIsUnavailableAndTransient() {
        // PostgreSQL's "This connection has been closed." is SQLState 08003, wrapped by EclipseLink and the container.
        EJBException closed = new EJBException(new PersistenceException("select ...",
                new SQLException("This connection has been closed.", "08003")));
        assertTrue(DatabaseErrors.unavailable(closed));
        assertTrue(DatabaseErrors.transientFailure(closed));
    }

    @Test
    void poolThatCannotConnectIsUnavailable() {
        SQLException pool = new SQLException("Error in allocating a connection", (String) null,
                new ResourceAllocationException("Connection refused"));
        assertTrue(DatabaseErrors.unavailable(new EJBException(new PersistenceException(pool))));
        assertTrue(DatabaseErrors.unavailable(new SQLException("Error in allocating a connection. Cause: refused")));
        assertTrue(DatabaseErrors.unavailable(new SQLException("terminating connection due to administrator command", "57P01")));
        assertTrue(DatabaseErrors.unavailable(new SQLTransientConnectionException("pool exhausted")));
        assertTrue(DatabaseErrors.transientFailure(new SQLTransientConnectionException("pool exhausted")));
    }

    @Test
    void aRollbackVictimIsWorthRetryingButTheDatabaseIsNotAway() {
        SQLException deadlock = new SQLException("deadlock detected", "40P01");
        assertTrue(DatabaseErrors.transientFailure(deadlock));
        assertFalse(DatabaseErrors.unavailable(deadlock));
    }

    @Test
    void bugsAndConstraintViolationsAreNeither() {
        Throwable[] bugs = {new EJBException(new NullPointerException()),
            new PersistenceException(new SQLIntegrityConstraintViolationException("duplicate key", "23505")),
            new PersistenceException(new SQLException("duplicate key value", "23505")),
            new SQLException("syntax error", "42601"), new IllegalStateException("no database involved")};
        for (Throwable bug : bugs) {
            assertFalse(DatabaseErrors.unavailable(bug), bug.toString());
            assertFalse(DatabaseErrors.transientFailure(bug), bug.toString());
        }
    }

    @Test
    void causeCycleEnds() {
        RuntimeException a = new RuntimeException();
        RuntimeException b = new RuntimeException(a);
        a.initCause(b);
        assertFalse(DatabaseErrors.unavailable(a));
        assertFalse(DatabaseErrors.transientFailure(a));
    }
}
