package io.distman.platform.boundary;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJBException;
import jakarta.persistence.PersistenceException;
import jakarta.resource.spi.ResourceAllocationException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import org.junit.jupiter.api.Test;

class DatabaseFailuresTest {

    @Test
    void closedConnectionUnderEjbAndJpaIsUnavailable() {
        // PostgreSQL's "This connection has been closed." is SQLState 08003, wrapped by EclipseLink and the container.
        SQLException closed = new SQLException("This connection has been closed.", "08003");
        assertTrue(DatabaseFailures.unavailable(new EJBException(new PersistenceException("select ...", closed))));
    }

    @Test
    void poolThatCannotConnectIsUnavailable() {
        SQLException pool = new SQLException("Error in allocating a connection", (String) null,
                new ResourceAllocationException("Connection refused"));
        assertTrue(DatabaseFailures.unavailable(new EJBException(new PersistenceException(pool))));
        assertTrue(DatabaseFailures.unavailable(new SQLException("terminating connection due to administrator command", "57P01")));
    }

    @Test
    void bugsAndConstraintViolationsAreNot() {
        assertFalse(DatabaseFailures.unavailable(new EJBException(new NullPointerException())));
        assertFalse(DatabaseFailures.unavailable(new PersistenceException(
                new SQLIntegrityConstraintViolationException("duplicate key", "23505"))));
        assertFalse(DatabaseFailures.unavailable(new SQLException("syntax error", "42601")));
    }

    @Test
    void causeCycleEnds() {
        RuntimeException a = new RuntimeException();
        RuntimeException b = new RuntimeException(a);
        a.initCause(b);
        assertFalse(DatabaseFailures.unavailable(a));
    }
}
