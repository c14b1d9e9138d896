package io.distman.platform.entity;

import jakarta.ejb.ApplicationException;

/**
 * A secret could not be sealed or opened: no installation key, a key missing from it, or a sealed value
 * that was altered or belongs to another purpose. The message says which, never the secret or the key.
 * An application exception so callers catch it as itself (not wrapped) and their transaction is not
 * marked for rollback by it alone.
 */
@ApplicationException(rollback = false)
public class SecretBoxException extends RuntimeException {

    public SecretBoxException(String message) {
        super(message);
    }

    public SecretBoxException(String message, Throwable cause) {
        super(message, cause);
    }
}
