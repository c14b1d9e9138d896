package io.distman.serial.boundary;

import io.distman.account.boundary.Callers;
import io.distman.account.entity.Caller;
import io.distman.platform.entity.NotFoundException;
import io.distman.serial.control.FormatHtml;
import io.distman.serial.control.SourceCheck;
import io.distman.serial.entity.MailTemplate;
import io.distman.serial.entity.MergeSource;
import io.distman.serial.entity.SerialMailing;
import io.distman.serial.entity.SerialRefusedException;
import io.distman.serial.entity.TemplateInput;
import io.distman.serial.entity.TemplateView;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;

/** An account's merge templates: written, kept as drafts, made ready; each checked to parse before it is stored. */
@Stateless
@PermitAll // the per-account check in each method is the authorization: staff and modules alike keep templates
public class Templates {

    private static final int MAX_NAME = 200;

    @PersistenceContext(unitName = "distman")
    EntityManager em;

    @EJB
    Callers callers;

    @Inject
    Clock clock;

    /** Stores a new template ({@code id} null) or changes one of the account's. */
    public TemplateView save(long accountId, Long id, TemplateInput input) {
        Caller caller = callers.forAccount(accountId);
        if (input == null || input.name() == null || input.name().isBlank() || input.name().strip().length() > MAX_NAME) {
            throw new SerialRefusedException("name", "is required, at most " + MAX_NAME + " characters");
        }
        SourceCheck.checked(new MergeSource(input.subject(), input.htmlBody(), input.textBody()));
        MailTemplate template = id == null ? new MailTemplate(accountId) : owned(accountId, id);
        em.createNamedQuery(MailTemplate.BY_NAME, MailTemplate.class).setParameter("accountId", accountId)
                .setParameter("name", input.name().strip()).getResultStream()
                .filter(other -> !other.getId().equals(template.getId())).findAny().ifPresent(other -> {
                    throw new SerialRefusedException("name", "is already the name of another template");
                });
        String by = caller.actorWithin(100);
        template.change(input, by, clock.instant());
        if (id == null) {
            em.persist(template);
        }
        em.flush();
        return template.view();
    }

    public List<TemplateView> templates(long accountId) {
        callers.forAccount(accountId);
        return em.createNamedQuery(MailTemplate.OF_ACCOUNT, MailTemplate.class).setParameter("accountId", accountId)
                .getResultStream().map(MailTemplate::view).toList();
    }

    public TemplateView template(long accountId, long id) {
        callers.forAccount(accountId);
        return owned(accountId, id).view();
    }

    /**
     * Removes one of the account's templates. Mailings made from it keep their copy of its text (and lose only the
     * link), so deleting a template never changes mail under way.
     */
    public void delete(long accountId, long id) {
        callers.forAccount(accountId);
        MailTemplate template = owned(accountId, id);
        em.createNamedQuery(SerialMailing.FORGET_TEMPLATE).setParameter("templateId", id)
                .setParameter("accountId", accountId).executeUpdate();
        em.remove(template);
        em.flush();
    }

    /** "Format HTML": the plain-text body wrapped as HTML, merge fields kept. */
    public String formatHtml(String textBody) {
        return FormatHtml.wrap(textBody);
    }

    MailTemplate owned(long accountId, long id) {
        return em.createNamedQuery(MailTemplate.BY_ID_IN_ACCOUNT, MailTemplate.class).setParameter("id", id)
                .setParameter("accountId", accountId).getResultStream().findFirst()
                .orElseThrow(() -> new NotFoundException("No template " + id));
    }
}
