package io.distman.dispatch.control;

import io.distman.dispatch.entity.SendOutcome;
import io.distman.dispatch.entity.SendResult;
import io.distman.ratelimit.boundary.SendBudget;
import io.distman.ratelimit.entity.SmtpReply;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.enterprise.context.Dependent;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Tells the rate limits what receivers answered, so a "too many" backs off its whole domain. After the
 * results are recorded and apart from them: a failure here must never undo or repeat a send.
 */
@Dependent
public class LimitReplies {

    private static final Logger LOG = Logger.getLogger(LimitReplies.class.getName());

    @EJB
    SendBudget budget;

    public void observe(List<SendResult> results) {
        List<SmtpReply> temporary = results.stream().filter(r -> r.outcome() == SendOutcome.TEMPORARY_FAILURE)
                .map(r -> new SmtpReply(r.deliveryId(), r.smtpCode(), r.enhancedCode(), r.reply(), r.at())).toList();
        if (temporary.isEmpty()) {
            return;
        }
        try {
            budget.observe(temporary);
        } catch (EJBException e) {
            // Two instances backing off the same domain at once: one wins, and that is all the back-off needs.
            LOG.log(Level.WARNING, "Could not record a receiver's request to slow down", e);
        }
    }
}
