package io.distman.platform.control;

import io.distman.platform.boundary.SealedSecrets;
import io.distman.platform.entity.SealingCount;
import io.distman.platform.entity.SigningKey;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** The signing keys' secrets (the keys copied from app_secret came over in plaintext). */
@ApplicationScoped
public class SigningKeySealing extends SealedSecrets {

    @Override
    public List<SealingCount> sealAll() {
        return List.of(pass("signing_key", em.createNamedQuery(SigningKey.ALL, SigningKey.class).getResultList(),
                SigningKey::getSecret, SigningKey::replaceSealed, SigningKey::purpose,
                k -> "signing_key " + k.getName() + " version " + k.getVersion()));
    }
}
