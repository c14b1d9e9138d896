package io.distman.preference;

import io.distman.preference.boundary.PreferenceAdmin;
import io.distman.preference.entity.PreferenceInput;
import io.distman.preference.entity.PreferenceView;
import io.distman.testsupport.ejb.AsCaller;
import io.distman.testsupport.ejb.TestModule;
import java.util.Set;
import java.util.concurrent.Callable;

/** Sets preferences the way support would: the tests' module principal (granted every test account) in the SUPPORT group. */
final class PreferenceCalls {

    private PreferenceCalls() {
    }

    static PreferenceView save(AsCaller as, PreferenceAdmin admin, long accountId, String address, PreferenceInput input) {
        return call(as, () -> admin.save(accountId, address, input));
    }

    static <T> T call(AsCaller as, Callable<T> work) {
        try {
            return as.call(TestModule.PRINCIPAL, Set.of("SUPPORT"), work);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
