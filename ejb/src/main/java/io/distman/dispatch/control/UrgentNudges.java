package io.distman.dispatch.control;

import io.distman.dispatch.boundary.DispatchJobs;
import io.distman.message.boundary.DeliveryResent;
import io.distman.message.boundary.MessageSubmitted;
import io.distman.message.entity.Priority;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Starts an urgent dispatch run when urgent mail is submitted or a user resends a delivery. A plain CDI observer in
 * front of {@link DispatchJobs}: every submission's event comes here, and as an observer method of the singleton EJB
 * each one went through the EJB container (security check, transaction suspended and resumed) only to find that most
 * mail is not urgent; that was a tenth of a sequential submit's CPU in a JFR profile of SpineBench.
 */
@ApplicationScoped
public class UrgentNudges {

    @EJB
    DispatchJobs jobs;

    void submitted(@Observes MessageSubmitted submitted) {
        if (submitted.priority() == Priority.URGENT) {
            jobs.nudge();
        }
    }

    void resent(@Observes DeliveryResent resent) {
        jobs.nudge(); // a user pressed "resend": they are waiting for it
    }
}
