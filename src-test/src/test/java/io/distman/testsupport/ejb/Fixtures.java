package io.distman.testsupport.ejb;

import io.distman.account.boundary.AccountService;
import io.distman.account.entity.Account;
import io.distman.account.entity.MailgunRegion;
import io.distman.account.entity.RelaySecurity;
import io.distman.account.entity.RelaySettings;
import io.distman.account.entity.UserRole;
import io.distman.identity.entity.IdentityKind;
import io.distman.identity.entity.SenderIdentity;
import io.distman.message.boundary.DeliveryStatusRecorder;
import io.distman.message.entity.Delivery;
import io.distman.message.entity.DeliveryEvent;
import io.distman.message.entity.StatusChange;
import io.distman.suppression.entity.Suppression;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Deployed into the EAR's EJB module (see Deployments), because only there can it reach the
 * {@code distman} persistence unit. Test data and test-only manipulation of rows (making a delivery due now instead of waiting a
 * minute, reading counts), each call in a transaction of its own like the application's.
 */
@Stateless
public class Fixtures {

    @PersistenceContext(unitName = "distman")
    EntityManager em;

    @EJB
    AccountService accounts;

    @EJB
    io.distman.adminlog.boundary.AdminLog adminLog;

    @Inject
    DeliveryStatusRecorder statuses;

    @EJB
    AsCaller asCaller;

    /**
     * Runs {@code work} as the installation's provisioning code (AccountService's writes are for that role only),
     * as DemoData does by its run-as identity. Application exceptions come out as they were thrown.
     */
    public <T> T asProvisioner(java.util.concurrent.Callable<T> work) {
        try {
            return asCaller.call(AccountService.PROVISIONER, java.util.Set.of(), work);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void provision(Runnable work) {
        asProvisioner(() -> {
            work.run();
            return null;
        });
    }

    /** An account of its own for each test, so tests never see each other's mail. */
    public record TestAccount(long id, String code, String apiKey) {
    }

    /**
     * The domains the tests send From; each new account has them as verified identities, without DKIM keys
     * (its mail goes out unsigned, as before an admin publishes a key). Generating three RSA-2048 keys per test
     * account cost about a second each time, several minutes a suite run; the tests of DKIM itself
     * (SenderIdentityIT) add identities through {@code SenderIdentities}, which makes the keys.
     */
    public static final List<String> SENDER_DOMAINS = List.of("northside.example", "harbour.example", "a.example");

    public TestAccount newAccount(String prefix) {
        TestAccount account = newAccountWithoutIdentities(prefix);
        Instant now = Instant.now();
        for (String domain : SENDER_DOMAINS) {
            SenderIdentity identity = new SenderIdentity(account.id(), IdentityKind.DOMAIN, domain, domain,
                    UUID.randomUUID().toString().replace("-", ""), now);
            identity.verified("installer:test fixture", now);
            em.persist(identity);
        }
        return account;
    }

    /** An account that may send From nowhere yet: for the tests of sender identities themselves. */
    public TestAccount newAccountWithoutIdentities(String prefix) {
        String code = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        return asProvisioner(() -> {
            Account account = accounts.create(code, "Test " + code);
            accounts.grantModule(TestModule.PRINCIPAL, account.getId(), "tests");
            return new TestAccount(account.getId(), code,
                    accounts.storeApiKey(account.getId(), "test", io.distman.account.control.ApiKeys.newKey()));
        });
    }

    /**
     * A user who can sign in to the screens, with a unique username (usernames are installation-wide).
     * @return the username
     */
    public String newUser(long accountId, String prefix, UserRole role, String password) {
        String username = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        provision(() -> accounts.addUser(accountId, username, "Test " + username, username + "@staff.example.org", role,
                password.toCharArray()));
        return username;
    }

    /**
     * An ADMIN-scope API key of the account, as an admin would issue it on the keys screen (provisioned directly:
     * tests of other features should not depend on the admin boundary).
     * @return the key
     */
    public String adminKey(long accountId) {
        String key = io.distman.account.control.ApiKeys.newKey();
        em.persist(new io.distman.account.entity.ApiKey(io.distman.account.control.ApiKeys.hash(key),
                io.distman.account.control.ApiKeys.prefix(key), em.find(Account.class, accountId), "test admin",
                io.distman.account.entity.ApiKeyScope.ADMIN, "tests", Instant.now()));
        return key;
    }

    /** Every stored column of the account's API keys, as text: to show what is (and is not) kept of a key. */
    public List<String> apiKeyColumns(long accountId) {
        List<?> rows = em.createNativeQuery("SELECT key_hash, key_prefix, label, scope, issued_by, created_at, last_used_at,"
                + " revoked_at FROM api_key WHERE account_id = ?").setParameter(1, accountId).getResultList();
        return rows.stream().flatMap(row -> java.util.Arrays.stream((Object[]) row)).map(String::valueOf).toList();
    }

    /** The admin log of the account (null: the installation's changes), newest first, one line a change. */
    public List<String> adminLog(Long accountId) {
        return (accountId == null ? adminLog.installationPage(0, 100).stream().filter(r -> r.accountId() == null)
                : adminLog.page(accountId, 0, 100).stream())
                .map(r -> r.actor() + " | " + r.action() + " | " + r.subject() + " | " + r.before() + " -> " + r.after()).toList();
    }

    /** Lets a module principal act for the account (see {@code AccountService.grantModule}). */
    public void grantModule(String principal, long accountId) {
        provision(() -> accounts.grantModule(principal, accountId, "tests"));
    }

    /** Suspends the account now (as an operator would through {@code Installation.suspend}), or lifts it. */
    public void suspended(long accountId, boolean suspended) {
        Account account = em.find(Account.class, accountId);
        if (suspended) {
            account.suspend(Instant.now());
        } else {
            account.reactivate();
        }
    }

    /** Deactivates the user (as an admin would on the users screen), or activates them again. */
    public void userActive(String username, boolean active) {
        em.createNamedQuery(io.distman.account.entity.AppUser.BY_USERNAME, io.distman.account.entity.AppUser.class)
                .setParameter("username", username).getSingleResult().setActive(active);
    }

    public void grantSupport(String username, long accountId) {
        provision(() -> accounts.grantSupport(username, accountId));
    }

    /** A unique address at a domain of the test, so mail found in GreenMail is surely this test's. */
    public static String address(String name) {
        return name + "." + UUID.randomUUID().toString().substring(0, 8) + "@tenant.example.org";
    }

    /** A relay on this machine without TLS or AUTH (smtp-sink, the test GreenMail), as only loopback may be. */
    public void useRelay(long accountId, String host, Integer port) {
        provision(() -> accounts.useSmtpRelay(accountId, new RelaySettings(host, port, RelaySecurity.NONE, null, null)));
    }

    public void useMailgun(long accountId, String apiKey, String domain, String baseUrl) {
        provision(() -> accounts.useMailgun(accountId, apiKey, domain, MailgunRegion.US, baseUrl));
    }

    public Delivery delivery(long id) {
        Delivery d = em.find(Delivery.class, id);
        em.refresh(d);
        d.getMessage().getSubject();
        return d;
    }

    public List<DeliveryEvent> events(long deliveryId) {
        return em.createNamedQuery(DeliveryEvent.OF_DELIVERIES, DeliveryEvent.class)
                .setParameter("deliveryIds", List.of(deliveryId)).getResultList();
    }


    /** How many admin log rows (any column) contain {@code text}: a secret must be in none. */
    public long adminChangesMentioning(String text) {
        return ((Number) em.createNativeQuery("SELECT COUNT(*) FROM admin_change WHERE actor LIKE ? OR action LIKE ?"
                + " OR subject LIKE ? OR before_value LIKE ? OR after_value LIKE ?")
                .setParameter(1, "%" + text + "%").setParameter(2, "%" + text + "%").setParameter(3, "%" + text + "%")
                .setParameter(4, "%" + text + "%").setParameter(5, "%" + text + "%").getSingleResult()).longValue();
    }

    /** How many messages of the account came from {@code sourceModule} about {@code sourceRef} (the application's own mail). */
    public long messages(long accountId, String sourceModule, String sourceRef) {
        return ((Number) em.createNativeQuery("SELECT COUNT(*) FROM message WHERE account_id = ? AND source_module = ?"
                + " AND source_ref = ?").setParameter(1, accountId).setParameter(2, sourceModule).setParameter(3, sourceRef)
                .getSingleResult()).longValue();
    }

    /** Pretends the user's set-password links were issued long ago: expired now. */
    public void expireInvitations(long accountId, String username) {
        em.createNativeQuery("UPDATE user_invitation SET expires_at = ? WHERE account_id = ? AND username = ?")
                .setParameter(1, java.sql.Timestamp.from(Instant.now().minusSeconds(60))).setParameter(2, accountId)
                .setParameter(3, username).executeUpdate();
        em.getEntityManagerFactory().getCache().evictAll();
    }

    /** Skips the back-off wait: the delivery is due now (as the clock will make it in a minute). */
    public void makeDue(long deliveryId) {
        em.find(Delivery.class, deliveryId, LockModeType.PESSIMISTIC_WRITE).scheduleAt(Instant.now().minusSeconds(1));
    }

    /** Records a status report as a feedback source would: with the row locked. */
    public boolean report(long deliveryId, StatusChange change) {
        return statuses.record(em.find(Delivery.class, deliveryId, LockModeType.PESSIMISTIC_WRITE), change);
    }

    /**
     * Pretends the delivery was accepted at {@code at} (moves its ACCEPTED event), so rules that look at
     * the time since delivery (tracking's machine windows) see old mail without the test waiting.
     */
    public void acceptedAt(long deliveryId, Instant at) {
        em.createNativeQuery("UPDATE delivery_event SET occurred_at = ? WHERE delivery_id = ? AND status = 'ACCEPTED'")
                .setParameter(1, java.sql.Timestamp.from(at)).setParameter(2, deliveryId).executeUpdate();
    }

    public void suppress(long accountId, String address, String reason) {
        suppressUntil(accountId, address, reason, null);
    }

    /** A suppression that ends at {@code expiresAt} (may be in the past: an expired entry). */
    public void suppressUntil(long accountId, String address, String reason, Instant expiresAt) {
        em.persist(new Suppression(accountId, address, reason, "added by a test", null, Instant.now(), expiresAt));
    }

    /** Forgets every failed sign-in, so a test's locks (all tests sign in from 127.0.0.1) do not reach the next test. */
    public void forgetSignInFailures() {
        em.createNativeQuery("DELETE FROM sign_in_throttle").executeUpdate();
    }

    public long count(String table) {
        return ((Number) em.createNativeQuery("SELECT COUNT(*) FROM " + table).getSingleResult()).longValue();
    }

    /**
     * Rows of {@code message}, {@code delivery} or {@code delivery_event} that belong to the given accounts.
     * A test asking "was nothing written?" counts only its own accounts: the dispatch timer may record an
     * event for another test's mail at any moment, and a global count would blame this test for it.
     */
    public long countOf(String table, long... accountIds) {
        String ids = java.util.Arrays.stream(accountIds).mapToObj(Long::toString)
                .collect(java.util.stream.Collectors.joining(","));
        String sql = switch (table) {
            case "message", "delivery" -> "SELECT COUNT(*) FROM " + table + " WHERE account_id IN (" + ids + ")";
            case "delivery_event" -> "SELECT COUNT(*) FROM delivery_event WHERE delivery_id IN"
                    + " (SELECT id FROM delivery WHERE account_id IN (" + ids + "))";
            default -> throw new IllegalArgumentException("no account scope known for table " + table);
        };
        return ((Number) em.createNativeQuery(sql).getSingleResult()).longValue();
    }

    /**
     * Pretends the delivery has sat in its status (PENDING) since {@code at}, so the stuck-queue check sees
     * an old queue without the test waiting half an hour.
     */
    public void statusSince(long deliveryId, Instant at) {
        em.createNativeQuery("UPDATE delivery SET status_at = ?, created_at = ? WHERE id = ?")
                .setParameter(1, java.sql.Timestamp.from(at)).setParameter(2, java.sql.Timestamp.from(at))
                .setParameter(3, deliveryId).executeUpdate();
        em.getEntityManagerFactory().getCache().evict(Delivery.class, deliveryId);
    }

    /** Puts the delivery's next attempt at {@code at}, as a back-off after a temporary failure would. */
    public void scheduleAt(long deliveryId, Instant at) {
        em.find(Delivery.class, deliveryId, LockModeType.PESSIMISTIC_WRITE).scheduleAt(at);
    }

    /**
     * Pretends the delivery (and its message) was raised at {@code at}: the widget and the reports count
     * by creation time, and a test cannot wait for yesterday.
     */
    public void createdAt(long deliveryId, Instant at) {
        java.sql.Timestamp time = java.sql.Timestamp.from(at);
        em.createNativeQuery("UPDATE delivery SET created_at = ? WHERE id = ?").setParameter(1, time)
                .setParameter(2, deliveryId).executeUpdate();
        em.createNativeQuery("UPDATE message SET created_at = ? WHERE id = (SELECT message_id FROM delivery WHERE id = ?)")
                .setParameter(1, time).setParameter(2, deliveryId).executeUpdate();
    }
}
