package io.distman.dispatch.batch;

import io.distman.dispatch.boundary.DispatchJobs;
import jakarta.batch.api.listener.AbstractJobListener;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.context.JobContext;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** Tells {@link DispatchJobs} when a run has ended, so a nudge that arrived meanwhile gets its run. */
@Named
@Dependent
public class DispatchJobListener extends AbstractJobListener {

    @Inject
    JobContext job;

    @EJB
    DispatchJobs jobs;

    @Override
    public void afterJob() {
        String priorities = BatchRuntime.getJobOperator().getParameters(job.getExecutionId()).getProperty("priorities", "");
        jobs.ended(!priorities.contains("NORMAL"));
    }
}
