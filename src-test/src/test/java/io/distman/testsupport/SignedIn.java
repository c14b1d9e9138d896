package io.distman.testsupport;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import io.distman.account.entity.UserRole;
import io.distman.testsupport.ejb.AsCaller;
import io.distman.testsupport.ejb.Fixtures;
import jakarta.ejb.EJBAccessException;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * A user signed in for an in-container test: runs work as them (their username, their role's group) through
 * {@link AsCaller}, as the screens call the staff EJBs after the login. Checked exceptions of the work come
 * back wrapped, so a test's lambdas stay one expression.
 */
public record SignedIn(AsCaller as, String username, UserRole role) {

    /** The password of the users {@link #newUser} creates (in-container tests never type it). */
    public static final String PASSWORD = "quiet-harbour-lantern-42";

    /** A new user of the account (a unique username starting with {@code prefix}), signed in. */
    public static SignedIn newUser(AsCaller as, Fixtures fixtures, long accountId, String prefix, UserRole role) {
        return new SignedIn(as, fixtures.newUser(accountId, prefix, role, PASSWORD), role);
    }

    /** Work that returns nothing. */
    public interface Work {
        void run() throws Exception;
    }

    public <T> T call(Callable<T> work) {
        try {
            return as.call(username, Set.of(role.name()), work);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public void run(Work work) {
        call(() -> {
            work.run();
            return null;
        });
    }

    /**
     * Asserts the container refused the call for the caller's role (EJBAccessException, which reaches the
     * test wrapped in an EJBException when it passes through AsCaller).
     */
    public static void assertRefusedByRole(Runnable call) {
        RuntimeException e = assertThrows(RuntimeException.class, call::run);
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof EJBAccessException) {
                return;
            }
        }
        fail("expected EJBAccessException, got " + e);
    }
}
