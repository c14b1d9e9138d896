package io.distman.identity.boundary;

import io.distman.account.boundary.Callers;
import io.distman.account.entity.Caller;
import io.distman.adminlog.boundary.AdminLog;
import io.distman.identity.entity.DkimKeyView;
import io.distman.identity.entity.IdentityView;
import io.distman.platform.entity.NotFoundException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import java.util.List;

/**
 * The account admin's sender identities, for the screen and the REST API: checks the caller against the
 * account, hands the work to {@link SenderIdentities} and records each change in the admin log in the same
 * transaction (the DKIM private key never: a key is named by its selector).
 */
@Stateless
@RolesAllowed("admin")
public class IdentityAdmin {

    @EJB
    Callers callers;

    @EJB
    SenderIdentities identities;

    @EJB
    AdminLog log;

    public List<IdentityView> list(long accountId) {
        callers.forAccount(accountId);
        return identities.list(accountId);
    }

    public IdentityView addDomain(long accountId, String domain) {
        Caller caller = callers.forAccount(accountId);
        IdentityView added = identities.addDomain(accountId, domain);
        log.record(accountId, caller.actor(), "identity.add", added.value(), null, "domain " + added.value() + ", not verified");
        return added;
    }

    public IdentityView addAddress(long accountId, String address) {
        Caller caller = callers.forAccount(accountId);
        IdentityView added = identities.addAddress(accountId, address);
        log.record(accountId, caller.actor(), "identity.add", added.value(), null, "address " + added.value() + ", not verified");
        return added;
    }

    /** "Check now": looks the TXT record up and records the outcome, in the log too when the state changed. */
    public IdentityView verify(long accountId, long identityId) {
        Caller caller = callers.forAccount(accountId);
        boolean before = identities.list(accountId).stream().filter(i -> i.id() == identityId).findFirst()
                .map(IdentityView::verified).orElseThrow(() -> new NotFoundException("No sender identity " + identityId));
        IdentityView checked = identities.verify(accountId, identityId);
        if (checked.verified() != before) {
            log.record(accountId, caller.actor(), "identity.verify", checked.value(), state(before), state(checked.verified())
                    + (checked.checkResult() == null ? "" : " (" + checked.checkResult() + ")"));
        }
        return checked;
    }

    public DkimKeyView rotateDkimKey(long accountId, String domain) {
        Caller caller = callers.forAccount(accountId);
        String before = identities.list(accountId).stream().flatMap(i -> i.dkimKeys().stream())
                .filter(k -> k.signing() && k.domain().equalsIgnoreCase(domain == null ? "" : domain.strip()))
                .map(DkimKeyView::selector).findFirst().orElse(null);
        DkimKeyView key = identities.rotateDkimKey(accountId, domain);
        log.record(accountId, caller.actor(), "dkim.rotate", key.domain(), before == null ? null : "signing key " + before,
                "signing key " + key.selector());
        return key;
    }

    public void retireDkimKey(long accountId, long keyId) {
        Caller caller = callers.forAccount(accountId);
        DkimKeyView key = identities.list(accountId).stream().flatMap(i -> i.dkimKeys().stream())
                .filter(k -> k.id() == keyId).findFirst().orElseThrow(() -> new NotFoundException("No DKIM key " + keyId));
        identities.retireDkimKey(accountId, keyId);
        log.record(accountId, caller.actor(), "dkim.retire", key.domain(), "previous key " + key.selector(), "retired");
    }

    private static String state(boolean verified) {
        return verified ? "verified" : "not verified";
    }
}
