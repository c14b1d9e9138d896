package io.distman.feedback.boundary;

import io.distman.feedback.control.BounceIngest;
import io.distman.feedback.entity.BounceOutcome;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

/** Receives one returned message (bounce, complaint, auto-reply) and records what it says, in one transaction. */
@Stateless
public class BounceIngestion {

    @Inject
    BounceIngest ingest;

    public BounceOutcome receive(byte[] rawMime) {
        return ingest.ingest(rawMime);
    }
}
