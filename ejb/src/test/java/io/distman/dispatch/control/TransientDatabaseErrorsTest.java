package io.distman.dispatch.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJBException;
import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

class TransientDatabaseErrorsTest {

    @Test
    void connectionLossRestartAndRollbackVictimsAreTransient() {
        assertTrue(TransientDatabaseErrors.isTransient(new EJBException(new PersistenceException(
                new SQLException("This connection has been closed.", "08003")))));
        assertTrue(TransientDatabaseErrors.isTransient(new SQLException("terminating connection due to administrator command", "57P01")));
        assertTrue(TransientDatabaseErrors.isTransient(new SQLException("deadlock detected", "40P01")));
        assertTrue(TransientDatabaseErrors.isTransient(new SQLTransientConnectionException("pool exhausted")));
        assertTrue(TransientDatabaseErrors.isTransient(new SQLException("Error in allocating a connection. Cause: refused")));
    }

    @Test
    void violationsOfTheDataAreNot() {
        assertFalse(TransientDatabaseErrors.isTransient(new PersistenceException(new SQLException("duplicate key value", "23505"))));
        assertFalse(TransientDatabaseErrors.isTransient(new IllegalStateException("no database involved")));
    }
}
