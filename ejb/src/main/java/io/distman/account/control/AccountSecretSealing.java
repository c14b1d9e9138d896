package io.distman.account.control;

import io.distman.account.entity.MailgunAccount;
import io.distman.account.entity.SmtpRelay;
import io.distman.platform.boundary.SealedSecrets;
import io.distman.platform.entity.SealingCount;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** The accounts' Mailgun API keys (stored in plaintext before sealing existed) and relay passwords, kept sealed. */
@ApplicationScoped
public class AccountSecretSealing extends SealedSecrets {

    @Override
    public List<SealingCount> sealAll() {
        return List.of(pass("mailgun_account", em.createNamedQuery(MailgunAccount.ALL, MailgunAccount.class).getResultList(),
                        MailgunAccount::getSealedApiKey, MailgunAccount::replaceSealedApiKey,
                        m -> MailgunAccount.purpose(m.getAccountId()), m -> "mailgun_account of account " + m.getAccountId()),
                pass("smtp_relay", em.createNamedQuery(SmtpRelay.WITH_PASSWORD, SmtpRelay.class).getResultList(),
                        SmtpRelay::getSealedPassword, SmtpRelay::replaceSealedPassword,
                        r -> SmtpRelay.purpose(r.getAccountId()), r -> "smtp_relay of account " + r.getAccountId()));
    }
}
