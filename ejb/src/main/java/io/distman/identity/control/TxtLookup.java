package io.distman.identity.control;

import java.util.List;

/**
 * Reads the TXT records of a DNS name: the seam between verification and the network. The real one is
 * {@link JndiTxtLookup}; unit tests give a lambda.
 */
@FunctionalInterface
public interface TxtLookup {

    /**
     * @return the TXT records' texts (each record's strings joined), empty when the name or its TXT records
     *         do not exist
     * @throws DnsFailure when the question could not be answered (timeout, server failure)
     */
    List<String> txt(String name) throws DnsFailure;

    /** DNS did not answer: nothing can be concluded about the record. */
    class DnsFailure extends Exception {

        public DnsFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
