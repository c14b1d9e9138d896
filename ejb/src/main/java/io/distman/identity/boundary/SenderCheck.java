package io.distman.identity.boundary;

import io.distman.identity.control.SenderNames;
import io.distman.identity.control.VerifiedSenders;
import io.distman.identity.entity.SenderIdentity;
import io.distman.platform.boundary.Settings;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * May this account send From this address? Yes when a verified identity of the account covers it: the
 * address itself, or exactly its domain (not a parent domain: see {@code IdentityKind}). Asked at
 * submission, so mail From anyone else is refused before anything is stored. The installation's own sender
 * is no account's identity: only the application's own mail may use it ({@code ApplicationMail}).
 */
@Dependent
public class SenderCheck {

    @PersistenceContext(unitName = "distman")
    EntityManager em;

    @Inject
    VerifiedSenders verifiedSenders;

    @Inject
    Clock clock;

    /** @return why the account may not send From {@code from}, or empty when it may */
    public Optional<String> refusal(long accountId, String from) {
        String address = SenderNames.comparable(from);
        if (address == null) {
            return Optional.of("is not an address an identity could cover");
        }
        String domain = SenderNames.domainOf(address);
        Instant now = clock.instant();
        if (verifiedSenders.covers(accountId, address, domain, now)) {
            return Optional.empty();
        }
        List<SenderIdentity> known = em.createNamedQuery(SenderIdentity.OF_VALUES, SenderIdentity.class)
                .setParameter("accountId", accountId).setParameter("values", List.of(address, domain)).getResultList();
        Optional<SenderIdentity> verified = known.stream().filter(SenderIdentity::isVerified).findFirst();
        if (verified.isPresent()) {
            verifiedSenders.remember(accountId, verified.get().getValue(), now);
            return Optional.empty();
        }
        if (!known.isEmpty()) {
            SenderIdentity pending = known.get(0);
            return Optional.of("the sender identity " + pending.getValue() + " is not verified yet: publish TXT "
                    + pending.verificationRecord().name() + " \"" + pending.verificationRecord().value()
                    + "\" and run its check");
        }
        return Optional.of(address + " is not a sender identity of this account: add and verify the domain " + domain
                + " (or this address) first");
    }

    /**
     * The verified identities of the account, domains ({@code northside.example}: any address at it) and addresses,
     * for a screen to offer as senders; the choice is still checked by {@link #refusal}. The caller has checked the
     * account.
     */
    public List<String> verifiedIdentities(long accountId) {
        return em.createNamedQuery(SenderIdentity.VERIFIED_VALUES, String.class).setParameter("accountId", accountId)
                .getResultList();
    }

    /** Whether {@code from} is the installation's own sender, which no account owns (see {@link #installationSender}). */
    public static boolean isInstallationSender(String from) {
        String address = SenderNames.comparable(from);
        return address != null && address.equals(SenderNames.comparable(installationSender()));
    }

    /**
     * The installation's own notification sender ({@code distman.notify.sender}): notifications about an
     * account's mail go out under that account, From the installation rather than from the agency.
     */
    public static String installationSender() {
        return Settings.string("distman.notify.sender", "notifications@distman.local");
    }
}
