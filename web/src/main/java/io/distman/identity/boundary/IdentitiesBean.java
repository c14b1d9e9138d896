package io.distman.identity.boundary;

import io.distman.account.boundary.CurrentUser;
import io.distman.identity.entity.DkimKeyView;
import io.distman.identity.entity.DnsRecord;
import io.distman.identity.entity.IdentityView;
import io.distman.platform.boundary.AdminScreens;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/**
 * The admin's Sender identities screen: the account's domains and addresses, their verification state and last
 * check, the records to publish (verification TXT, DKIM keys, SPF hint), "Check now", and DKIM rotation.
 */
@Named("identities")
@ViewScoped
public class IdentitiesBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    IdentityAdmin admin;

    @Inject
    CurrentUser currentUser;

    private List<IdentityView> rows;
    private String newIdentity;

    @PostConstruct
    void load() {
        rows = admin.list(currentUser.accountId());
    }

    /** A domain, or an address when it has an '@'. */
    public void add() {
        String value = newIdentity == null ? "" : newIdentity.strip();
        if (AdminScreens.attempt("Added", () -> {
            IdentityView added = value.contains("@") ? admin.addAddress(currentUser.accountId(), value)
                    : admin.addDomain(currentUser.accountId(), value);
            return "Publish the records shown for " + added.value() + ", then press \"Check now\".";
        })) {
            newIdentity = null;
        }
        load();
    }

    public void verify(long identityId) {
        AdminScreens.attempt("Checked", () -> {
            IdentityView checked = admin.verify(currentUser.accountId(), identityId);
            return checked.value() + (checked.verified() ? " is verified." : " is not verified: " + checked.checkResult());
        });
        load();
    }

    public void rotate(String domain) {
        AdminScreens.attempt("New DKIM key", () -> {
            DkimKeyView key = admin.rotateDkimKey(currentUser.accountId(), domain);
            return "Key " + key.selector() + " signs " + domain + "'s mail from now on; keep the previous record published"
                    + " until mail signed with it has been delivered, then retire it.";
        });
        load();
    }

    public void retire(long keyId) {
        AdminScreens.attempt("Key retired", () -> {
            admin.retireDkimKey(currentUser.accountId(), keyId);
            return "Its DNS record may be removed.";
        });
        load();
    }

    public String when(java.time.Instant instant) {
        return AdminScreens.when(instant);
    }

    /** The records of one identity of the given purposes ("verification", "dkim", "dkim-previous", "spf"). */
    public List<DnsRecord> records(IdentityView identity, String purpose) {
        return identity.records().stream().filter(r -> r.purpose().startsWith(purpose)).toList();
    }

    public List<IdentityView> getRows() { return rows; }
    public String getNewIdentity() { return newIdentity; }
    public void setNewIdentity(String newIdentity) { this.newIdentity = newIdentity; }
}
