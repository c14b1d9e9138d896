package io.distman.identity.boundary;

import io.distman.identity.entity.DkimKey;
import io.distman.identity.entity.SigningKey;
import io.distman.platform.boundary.SecretBox;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Optional;

/** The key that signs an account's mail From a domain, opened for the sending of one block. */
@Dependent
public class DkimKeys {

    @PersistenceContext(unitName = "distman")
    EntityManager em;

    @EJB
    SecretBox secretBox;

    /** @return the domain's signing key, or empty when the account has none for it (its mail goes unsigned) */
    public Optional<SigningKey> signingKey(long accountId, String domain) {
        return em.createNamedQuery(DkimKey.SIGNING, DkimKey.class).setParameter("accountId", accountId)
                .setParameter("domain", domain).getResultStream().findFirst()
                .map(key -> new SigningKey(key.getDomain(), key.getSelector(), privateKey(key)));
    }

    private PrivateKey privateKey(DkimKey key) {
        byte[] pkcs8 = Base64.getDecoder().decode(secretBox.open(key.getPrivateKeySealed(), key.sealPurpose()));
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The DKIM key " + key.getSelector() + " of " + key.getDomain()
                    + " opened but is no RSA key", e);
        }
    }
}
