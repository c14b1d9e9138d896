package io.distman.serial.control;

import io.distman.serial.entity.MailSignature;
import io.distman.serial.entity.SignatureOwner;
import io.distman.serial.entity.SignatureView;
import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which signature a mailing carries. The person who writes signs: the caller's own signature first; without one,
 * the signature of the sender identity the mail goes out under (the identity of the exact address before that of
 * its domain, as an address identity is the narrower); else none. Only rows of the mailing's account are read.
 */
@Dependent
public class SignatureChoice {

    @PersistenceContext(unitName = "distman")
    EntityManager em;

    public Optional<SignatureView> choose(long accountId, String principal, String senderAddress) {
        Optional<SignatureView> own = principal == null ? Optional.empty()
                : stored(accountId, SignatureOwner.USER, principal).map(MailSignature::view);
        if (own.isPresent()) {
            return own;
        }
        // The mailing's sender has passed SenderCheck by now: lower case is the form identities are stored in.
        String address = senderAddress == null ? "" : senderAddress.strip().toLowerCase(Locale.ROOT);
        int at = address.lastIndexOf('@');
        if (at <= 0) {
            return Optional.empty();
        }
        List<String> identities = new ArrayList<>(List.of(address, address.substring(at + 1)));
        List<MailSignature> found = em.createNamedQuery(MailSignature.OF_OWNERS, MailSignature.class)
                .setParameter("accountId", accountId).setParameter("kind", SignatureOwner.IDENTITY)
                .setParameter("owners", identities).getResultList();
        return identities.stream().flatMap(owner -> found.stream().filter(s -> s.getOwner().equals(owner)))
                .findFirst().map(MailSignature::view);
    }

    public Optional<MailSignature> stored(long accountId, SignatureOwner kind, String owner) {
        return em.createNamedQuery(MailSignature.OF_OWNERS, MailSignature.class).setParameter("accountId", accountId)
                .setParameter("kind", kind).setParameter("owners", List.of(owner)).getResultStream().findFirst();
    }
}
