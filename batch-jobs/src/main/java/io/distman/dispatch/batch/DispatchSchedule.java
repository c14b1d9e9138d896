package io.distman.dispatch.batch;

import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;

/** Placeholder: replaced by the real schedule that starts the dispatch-pending job. */
@Singleton
@Startup
public class DispatchSchedule {
}
