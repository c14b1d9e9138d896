package io.distman.feedback.batch;

import io.distman.feedback.boundary.MailboxJobs;
import jakarta.batch.api.listener.AbstractJobListener;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;

/** Tells {@link MailboxJobs} that a run has ended, so the next poll may start one. */
@Named
@Dependent
public class MailboxJobListener extends AbstractJobListener {

    @EJB
    MailboxJobs jobs;

    @Override
    public void afterJob() {
        jobs.ended();
    }
}
