package io.distman.submission.control;

import io.distman.message.entity.Attachment;
import io.distman.platform.boundary.Hashes;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;

/** Keeps each distinct file once per account: the same letter PDF sent to 500 tenants is one row. */
@Dependent
public class AttachmentStore {

    @PersistenceContext(unitName = "distman")
    EntityManager em;

    @Inject
    Clock clock;

    public Attachment store(long accountId, byte[] content) {
        String sha256 = Hashes.sha256Hex(content);
        return em.createNamedQuery(Attachment.BY_HASH, Attachment.class)
                .setParameter("accountId", accountId)
                .setParameter("sha256", sha256)
                .getResultStream().findFirst()
                .orElseGet(() -> {
                    Attachment attachment = new Attachment(accountId, sha256, content, clock.instant());
                    em.persist(attachment);
                    return attachment;
                });
    }
}
