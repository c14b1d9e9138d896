package io.distman.feedback.control;

import io.distman.feedback.entity.WebhookCredential;
import io.distman.platform.boundary.SealedSecrets;
import io.distman.platform.entity.SealingCount;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** The accounts' webhook secrets (Mailgun signing keys, Postmark password digests), kept sealed. */
@ApplicationScoped
public class WebhookKeySealing extends SealedSecrets {

    @Override
    public List<SealingCount> sealAll() {
        List<WebhookCredential> rows = em.createNamedQuery(WebhookCredential.OF_PROVIDERS, WebhookCredential.class)
                .setParameter("providers", List.of("mailgun", "postmark")).getResultList();
        return List.of(pass("webhook_credential", rows, WebhookCredential::getSecret, WebhookCredential::replaceSealed,
                c -> WebhookCredential.purpose(c.getAccountId(), c.getProvider()),
                c -> "webhook_credential " + c.getProvider() + " of account " + c.getAccountId()));
    }
}
