package io.distman.feedback.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.distman.feedback.control.BounceIngest;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import org.junit.jupiter.api.Test;

/**
 * Classifying a returned message is the slow part and needs no database: it must run before any
 * transaction, so that no pool connection waits on it, and recording must be a short transaction of its
 * own. The container applies these attributes; this pins them so a change cannot quietly undo them.
 */
class BounceTransactionsTest {

    @Test
    void receiveClassifiesOutsideATransactionAndRecordsInItsOwn() throws Exception {
        assertEquals(TransactionAttributeType.NOT_SUPPORTED, BounceIngestion.class.getMethod("receive", byte[].class)
                .getAnnotation(TransactionAttribute.class).value());
        assertEquals(TransactionAttributeType.REQUIRES_NEW, BounceIngest.class.getAnnotation(TransactionAttribute.class).value());
        assertEquals(TransactionAttributeType.NOT_SUPPORTED, BounceMailbox.class.getAnnotation(TransactionAttribute.class).value());
    }
}
