package io.distman.digest.boundary;

import io.distman.digest.control.DigestMailer;
import io.distman.preference.boundary.Preferences;
import io.distman.preference.entity.RecipientPreference;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One run of the digest job: every recipient whose digest time has come gets their digest, each in a transaction of
 * its own ({@link DigestMailer}), so one recipient's problem does not hold back the others'. The timer
 * (DigestTimer) calls it on one server of the installation at a time; tests call it directly.
 */
@Stateless
@PermitAll // run by a timer, which has no caller identity; it takes no input from outside
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DigestJob {

    private static final Logger LOG = Logger.getLogger(DigestJob.class.getName());
    private static final int BLOCK = 500;

    @Inject
    Preferences preferences;

    @EJB
    DigestMailer mailer;

    /** @return how many digests were submitted */
    public int run(Instant now) {
        int sent = 0;
        List<RecipientPreference> due;
        do {
            due = preferences.digestsDue(now, BLOCK);
            boolean failed = false;
            for (RecipientPreference p : due) {
                try {
                    if (mailer.mail(p.getId(), now) != null) {
                        sent++;
                    }
                } catch (RuntimeException e) {
                    // Its turn stays due (the transaction rolled back): tried again at the next run. The others go on.
                    LOG.log(Level.SEVERE, "Digest for preference " + p.getId() + " failed; tried again at the next run", e);
                    failed = true;
                }
            }
            if (failed) {
                return sent; // the failed ones would come back in the next block: no more blocks this run
            }
        } while (due.size() == BLOCK);
        return sent;
    }
}
