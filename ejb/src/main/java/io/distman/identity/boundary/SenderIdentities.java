package io.distman.identity.boundary;

import io.distman.account.entity.Account;
import io.distman.account.entity.SmtpRelay;
import io.distman.account.entity.TransportKind;
import io.distman.identity.control.DkimKeyFactory;
import io.distman.identity.control.IdentityVerifier;
import io.distman.identity.control.RandomText;
import io.distman.identity.control.SenderNames;
import io.distman.identity.control.TxtLookup;
import io.distman.identity.control.VerifiedSenders;
import io.distman.identity.entity.DkimKey;
import io.distman.identity.entity.DkimKeyView;
import io.distman.identity.entity.DnsRecord;
import io.distman.identity.entity.IdentityKind;
import io.distman.identity.entity.IdentityView;
import io.distman.identity.entity.InvalidIdentityException;
import io.distman.identity.entity.SenderIdentity;
import io.distman.platform.boundary.SecretBox;
import io.distman.platform.boundary.Settings;
import io.distman.platform.entity.NotFoundException;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * An account admin's sender identities: add a domain or an address, check its DNS record, see the records
 * to publish (verification, DKIM, SPF hint), rotate and retire DKIM keys. Every call names the account and
 * finds rows only within it: another account's identity looks the same as none.
 */
@Stateless
@PermitAll // the application's own code calls it: IdentityAdmin (which checks caller and account for screens and REST), the installer's declareVerified (demo, fixtures); ArchitectureTest keeps screens and REST away from it
public class SenderIdentities {

    @PersistenceContext(unitName = "distman")
    EntityManager em;

    @Inject
    TxtLookup dns;

    @EJB
    SecretBox secretBox;

    @Inject
    Clock clock;

    @Inject
    VerifiedSenders verifiedSenders;

    public List<IdentityView> list(long accountId) {
        List<SenderIdentity> identities = em.createNamedQuery(SenderIdentity.OF_ACCOUNT, SenderIdentity.class)
                .setParameter("accountId", accountId).getResultList();
        Map<String, List<DkimKey>> keys = keysByDomain(accountId);
        Account account = account(accountId);
        String spf = spfHint(account);
        return identities.stream().map(i -> view(i, keys.getOrDefault(i.getDomain(), List.of()), spf)).toList();
    }

    /** A domain: every address at exactly this domain (subdomains are identities of their own). */
    public IdentityView addDomain(long accountId, String domain) {
        String value = SenderNames.domain("domain", domain);
        return add(accountId, IdentityKind.DOMAIN, value, value);
    }

    /** One address, for an account that may send as that mailbox only (e.g. a shared domain). */
    public IdentityView addAddress(long accountId, String address) {
        String value = SenderNames.address("address", address);
        return add(accountId, IdentityKind.ADDRESS, value, SenderNames.domainOf(value));
    }

    /** Looks the verification record up now (bounded by the DNS timeout) and records what was found. */
    public IdentityView verify(long accountId, long identityId) {
        SenderIdentity identity = identity(accountId, identityId);
        IdentityVerifier.check(identity, dns, clock.instant());
        verifiedSenders.forget(accountId); // a withdrawn verification refuses this server's next submission
        return view(accountId, identity);
    }

    /**
     * For the installer: an identity taken as verified without a DNS check, with who declared it (the
     * installation's own domains, the demo's invented ones). Not for account admins.
     */
    public IdentityView declareVerified(long accountId, String domainOrAddress, String declaredBy) {
        IdentityView added = domainOrAddress != null && domainOrAddress.contains("@")
                ? addAddress(accountId, domainOrAddress) : addDomain(accountId, domainOrAddress);
        SenderIdentity identity = identity(accountId, added.id());
        identity.verified("installer:" + declaredBy, clock.instant());
        return view(accountId, identity);
    }

    /**
     * A new key for the domain signs from now on; the previous one stays published (and listed) until
     * {@link #retireDkimKey}. Publish the new record before rotating when receivers must never see a
     * signature whose key is not yet in DNS.
     */
    public DkimKeyView rotateDkimKey(long accountId, String domain) {
        String value = SenderNames.domain("domain", domain);
        if (em.createNamedQuery(SenderIdentity.OF_ACCOUNT, SenderIdentity.class).setParameter("accountId", accountId)
                .getResultStream().noneMatch(i -> i.getDomain().equals(value))) {
            throw new InvalidIdentityException("domain", "no sender identity of this account is at " + value);
        }
        em.createNamedQuery(DkimKey.SIGNING, DkimKey.class).setParameter("accountId", accountId)
                .setParameter("domain", value).getResultList().forEach(DkimKey::superseded);
        return DkimKeyView.of(newKey(accountId, value));
    }

    /** Takes a previous key out of DNS listings for good; the signing key cannot be retired (rotate first). */
    public void retireDkimKey(long accountId, long keyId) {
        DkimKey key = em.find(DkimKey.class, keyId);
        if (key == null || key.getAccountId() != accountId || key.getRetiredAt() != null) {
            throw new NotFoundException("No DKIM key " + keyId);
        }
        if (key.isSigning()) {
            throw new InvalidIdentityException("keyId", "key " + key.getSelector() + " still signs the mail of "
                    + key.getDomain() + ": rotate to a new key first");
        }
        key.retire(clock.instant());
    }

    private IdentityView add(long accountId, IdentityKind kind, String value, String domain) {
        account(accountId);
        if (!em.createNamedQuery(SenderIdentity.OF_VALUES, SenderIdentity.class).setParameter("accountId", accountId)
                .setParameter("values", List.of(value)).getResultList().isEmpty()) {
            throw new InvalidIdentityException(kind == IdentityKind.DOMAIN ? "domain" : "address",
                    value + " is already a sender identity of this account");
        }
        Instant now = clock.instant();
        SenderIdentity identity = new SenderIdentity(accountId, kind, value, domain, RandomText.of(RandomText.TOKEN_LENGTH), now);
        em.persist(identity);
        if (em.createNamedQuery(DkimKey.SIGNING, DkimKey.class).setParameter("accountId", accountId)
                .setParameter("domain", domain).getResultList().isEmpty()) {
            newKey(accountId, domain);
        }
        return view(accountId, identity);
    }

    private DkimKey newKey(long accountId, String domain) {
        DkimKeyFactory.NewKey created = DkimKeyFactory.create(clock.instant());
        String sealed = secretBox.seal(created.privateKey(), DkimKey.sealPurpose(accountId, domain, created.selector()));
        DkimKey key = new DkimKey(accountId, domain, created.selector(), created.publicKey(), sealed, clock.instant());
        em.persist(key);
        return key;
    }

    private IdentityView view(long accountId, SenderIdentity identity) {
        return view(identity, keysByDomain(accountId).getOrDefault(identity.getDomain(), List.of()), spfHint(account(accountId)));
    }

    private static IdentityView view(SenderIdentity i, List<DkimKey> keys, String spfHint) {
        List<DnsRecord> records = new ArrayList<>();
        records.add(new DnsRecord(i.verificationRecord().name(), "TXT", i.verificationRecord().value(), "verification"));
        keys.forEach(key -> records.add(key.dnsRecord()));
        records.add(new DnsRecord(i.getDomain(), "TXT", spfHint, "spf"));
        return new IdentityView(i.getId(), i.getKind(), i.getValue(), i.getDomain(), i.isVerified(), i.getVerifiedAt(),
                i.getVerifiedBy(), i.getCheckedAt(), i.getCheckResult(), List.copyOf(records),
                keys.stream().map(DkimKeyView::of).toList());
    }

    /**
     * A hint, not a record to paste blindly: a domain has one SPF record, so the mechanism is merged into
     * the existing one. Mailgun's include for Mailgun accounts, the account's relay host for its own relay,
     * else the installation's {@code distman.spf.mechanism} (default {@code mx}).
     */
    private String spfHint(Account account) {
        String mechanism;
        if (account.getTransport() == TransportKind.MAILGUN) {
            mechanism = "include:mailgun.org";
        } else {
            SmtpRelay relay = em.find(SmtpRelay.class, account.getId());
            mechanism = relay != null ? "a:" + relay.getHost() : Settings.string("distman.spf.mechanism", "mx");
        }
        return "v=spf1 " + mechanism + " ~all";
    }

    private Map<String, List<DkimKey>> keysByDomain(long accountId) {
        return em.createNamedQuery(DkimKey.OF_ACCOUNT, DkimKey.class).setParameter("accountId", accountId)
                .getResultStream().collect(Collectors.groupingBy(DkimKey::getDomain));
    }

    private SenderIdentity identity(long accountId, long identityId) {
        SenderIdentity identity = em.find(SenderIdentity.class, identityId);
        if (identity == null || identity.getAccountId() != accountId) {
            throw new NotFoundException("No sender identity " + identityId);
        }
        return identity;
    }

    private Account account(long accountId) {
        Account account = em.find(Account.class, accountId);
        if (account == null) {
            throw new NotFoundException("No account " + accountId);
        }
        return account;
    }
}
