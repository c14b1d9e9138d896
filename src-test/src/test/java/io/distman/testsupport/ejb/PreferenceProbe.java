package io.distman.testsupport.ejb;

import io.distman.preference.boundary.Preferences;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

/**
 * Asks {@link Preferences} from the tests as another feature would: it is a CDI bean of the EJB module, whose
 * persistence unit the test's web module cannot reach itself.
 */
@Stateless
@PermitAll
public class PreferenceProbe {

    @Inject
    Preferences preferences;

    public boolean optedOut(long accountId, String address) {
        return preferences.optedOut(accountId, address);
    }
}
