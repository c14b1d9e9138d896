package io.distman.submission.control;

import io.distman.message.entity.Attachment;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;

/** Keeps each distinct file once per account: the same letter PDF sent to 500 tenants is one row. */
@Dependent
public class AttachmentStore {

    @PersistenceContext(unitName = "distman")
    EntityManager em;

    @Inject
    Clock clock;

    public Attachment store(long accountId, byte[] content) {
        String sha256 = sha256(content);
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

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
