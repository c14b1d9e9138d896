package io.distman.notification.control;

import io.distman.account.entity.Account;
import io.distman.account.entity.Invitation;
import io.distman.account.entity.InvitationIssued;
import io.distman.message.entity.Category;
import io.distman.message.entity.Priority;
import io.distman.submission.boundary.ApplicationMail;
import io.distman.submission.entity.SubmitRequest;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Mails a set-password link an admin issued (account administration) to its user, through the Distribution
 * Manager itself like the notifications: once the user and the link are committed, in a transaction of its own.
 * A failure here leaves the link valid; the admin was shown it and can pass it on.
 */
@ApplicationScoped
public class InvitationMailer {

    private static final Logger LOG = Logger.getLogger(InvitationMailer.class.getName());
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    @PersistenceContext(unitName = "distman")
    EntityManager em;

    @EJB
    ApplicationMail mail;

    void mail(@Observes(during = TransactionPhase.AFTER_SUCCESS) InvitationIssued issued) {
        try {
            Account account = em.find(Account.class, issued.accountId());
            String link = new Invitation(issued.username(), issued.token(), issued.expiresAt(), issued.email())
                    .link(NotifySettings.publicUrl());
            mail.submit(issued.accountId(), SubmitRequest.builder()
                    .account(account.getCode()).raisedBy(NotifySettings.SYSTEM_USER).source("invitation", issued.username())
                    .category(Category.TRANSACTIONAL).priority(Priority.URGENT)
                    .sender(NotifySettings.sender(), "Distribution Manager")
                    .to(issued.email()).subject("Distribution Manager: set your password")
                    .text("Hello " + issued.displayName() + ",\n\n" + issued.invitedBy() + " has given you the username "
                            + issued.username() + " for " + account.getName() + " in the Distribution Manager.\n"
                            + "Choose your password here (the link works once, until " + WHEN.format(issued.expiresAt())
                            + "):\n\n" + link + "\n\nIf you did not expect this mail, ignore it.\n")
                    .build());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not mail the set-password link to " + issued.username() + " of account "
                    + issued.accountId() + "; the link is valid and was shown to the admin", e);
        }
    }
}
