package io.distman.serial.control;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Starts creating a mailing's messages once the mailing is committed (before, its row would not be found). */
@ApplicationScoped
public class MailingStarter {

    /** Fired after commit by serial mail's boundary for a new mailing. */
    public record Created(long mailingId) {
    }

    @EJB
    MailingWorker worker;

    void start(@Observes Created created) {
        worker.run(created.mailingId());
    }
}
