package io.distman.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.distman.account.entity.AccountAccessDeniedException;
import io.distman.account.entity.RelaySecurity;
import io.distman.account.entity.RelaySettings;
import io.distman.account.entity.UserRole;
import io.distman.adminlog.boundary.AdminLog;
import io.distman.adminlog.entity.AdminChangeRow;
import io.distman.dispatch.boundary.TransportAdmin;
import io.distman.dispatch.entity.RelayTestResult;
import io.distman.dispatch.entity.TransportMode;
import io.distman.dispatch.entity.TransportView;
import io.distman.feedback.boundary.WebhookAdmin;
import io.distman.feedback.entity.WebhookSetup;
import io.distman.identity.boundary.IdentityAdmin;
import io.distman.identity.entity.DnsRecord;
import io.distman.identity.entity.IdentityView;
import io.distman.message.entity.Category;
import io.distman.testsupport.Deployments;
import io.distman.testsupport.TestMailServer;
import io.distman.testsupport.ejb.AsCaller;
import io.distman.testsupport.ejb.Fixtures;
import io.distman.testsupport.ejb.Fixtures.TestAccount;
import io.distman.tracking.boundary.TrackingAdmin;
import io.distman.tracking.entity.TrackingChoice;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The account's sending set-up through its admin boundaries (issue 11, part 4): only an admin, only of their own
 * account; every change in the admin log with its actor, readable values and never a secret.
 */
@ExtendWith(ArquillianExtension.class)
public class SendingSetupIT {

    private static final String PASSWORD = "quiet-harbour-lantern-42";
    private static final String RELAY_PASSWORD = "relay-Secret-4711";
    private static final String MAILGUN_KEY = "key-mailgun-Secret-0815";
    private static final String WEBHOOK_KEY = "webhook-Secret-signing-2342";

    @Deployment
    public static EnterpriseArchive deployment() {
        return Deployments.ear(SendingSetupIT.class);
    }

    @EJB
    Fixtures fixtures;

    @EJB
    AsCaller as;

    @EJB
    TransportAdmin transport;

    @EJB
    IdentityAdmin identities;

    @EJB
    WebhookAdmin webhooks;

    @EJB
    TrackingAdmin tracking;

    @EJB
    AdminLog log;

    private String admin(TestAccount account) {
        return fixtures.newUser(account.id(), "admin", UserRole.ADMIN, PASSWORD);
    }

    private <T> T asAdmin(String username, Callable<T> work) throws Exception {
        return as.call(username, Set.of("ADMIN"), work);
    }

    private List<AdminChangeRow> changes(TestAccount account) {
        return log.page(account.id(), 0, 100);
    }

    private static void noSecretIn(Object anything) {
        String text = String.valueOf(anything);
        for (String secret : List.of(RELAY_PASSWORD, MAILGUN_KEY, WEBHOOK_KEY)) {
            assertFalse(text.contains(secret), "a secret in " + text);
        }
    }

    @Test
    void anAdminSetsARelayTestsItAndTheLogSaysWhatChangedWithoutThePassword() throws Exception {
        TestAccount account = fixtures.newAccount("setup-relay");
        String admin = admin(account);
        TestMailServer.start();

        RelaySettings unsaved = new RelaySettings("localhost", TestMailServer.SMTP_PORT, RelaySecurity.NONE, null, null);
        RelayTestResult before = asAdmin(admin, () -> transport.testRelay(account.id(), unsaved));
        assertTrue(before.ok(), before.message());

        TransportView saved = asAdmin(admin, () -> transport.useSmtpRelay(account.id(),
                new RelaySettings("LocalHost", TestMailServer.SMTP_PORT, RelaySecurity.NONE, "billing", RELAY_PASSWORD)));
        assertEquals(TransportMode.RELAY, saved.mode());
        assertEquals("localhost", saved.relay().host());
        assertNotNull(saved.relay().passwordSetAt(), "the password shows as the time it was set");
        noSecretIn(saved);

        RelayTestResult after = asAdmin(admin, () -> transport.testRelay(account.id(), unsaved));
        assertTrue(after.ok(), after.message());

        asAdmin(admin, () -> transport.useMailgun(account.id(), MAILGUN_KEY, "mg.northside.example", io.distman.account.entity.MailgunRegion.US, null));
        AdminChangeRow mailgun = changes(account).get(0);
        assertEquals("transport.mailgun", mailgun.action());
        assertEquals("relay localhost:3025 NONE AUTH billing", mailgun.before());
        assertTrue(mailgun.after().startsWith("Mailgun mg.northside.example US"), mailgun.after());
        assertTrue(mailgun.after().endsWith("API key set"), mailgun.after());

        asAdmin(admin, () -> transport.useInstallationMailSession(account.id()));
        List<AdminChangeRow> rows = changes(account);
        assertEquals(List.of("transport.installation", "transport.mailgun", "transport.relay"),
                rows.stream().map(AdminChangeRow::action).toList());
        AdminChangeRow relay = rows.get(2);
        assertEquals(admin, relay.actor(), "the actor is the signed-in caller, not a parameter");
        assertEquals("installation mail session", relay.before());
        assertEquals("relay localhost:3025 NONE AUTH billing, password set", relay.after());
        assertEquals("installation mail session", rows.get(0).after());
        noSecretIn(rows);
    }

    @Test
    void anAdminOfOneAccountCannotTouchAnother() throws Exception {
        TestAccount mine = fixtures.newAccount("setup-mine");
        TestAccount theirs = fixtures.newAccount("setup-theirs");
        String admin = admin(mine);
        assertThrows(AccountAccessDeniedException.class, () -> asAdmin(admin, () -> transport.transport(theirs.id())));
        assertThrows(AccountAccessDeniedException.class, () -> asAdmin(admin, () -> transport.useInstallationMailSession(theirs.id())));
        assertThrows(AccountAccessDeniedException.class, () -> asAdmin(admin, () -> identities.addDomain(theirs.id(), "theirs.example")));
        assertThrows(AccountAccessDeniedException.class, () -> asAdmin(admin, () -> identities.list(theirs.id())));
        assertThrows(AccountAccessDeniedException.class, () -> asAdmin(admin, () -> {
            webhooks.setMailgunKey(theirs.id(), WEBHOOK_KEY);
            return null;
        }));
        assertThrows(AccountAccessDeniedException.class, () -> asAdmin(admin, () -> tracking.setTracking(theirs.id(),
                Category.BULK, TrackingChoice.NONE)));
        assertEquals(0, log.count(theirs.id()), "nothing was changed in the other account");
    }

    @Test
    void anAgentAndAnAnonymousCallerAreRefused() throws Exception {
        TestAccount account = fixtures.newAccount("setup-agent");
        String agent = fixtures.newUser(account.id(), "agent", UserRole.AGENT, PASSWORD);
        assertThrows(EJBAccessException.class, () -> as.call(agent, Set.of("AGENT"), () -> transport.transport(account.id())));
        assertThrows(EJBAccessException.class, () -> as.call(agent, Set.of("AGENT"), () -> identities.list(account.id())));
        assertThrows(EJBAccessException.class, () -> as.call(agent, Set.of("AGENT"), () -> webhooks.webhooks(account.id())));
        assertThrows(EJBAccessException.class, () -> as.call(agent, Set.of("AGENT"), () -> tracking.tracking(account.id())));
        assertThrows(EJBAccessException.class, () -> transport.transport(account.id()));
    }

    @Test
    void anAdminAddsADomainSeesItsRecordsAndRotatesItsKey() throws Exception {
        TestAccount account = fixtures.newAccountWithoutIdentities("setup-identity");
        String admin = admin(account);
        IdentityView added = asAdmin(admin, () -> identities.addDomain(account.id(), "Lettings.Example"));
        assertFalse(added.verified());
        DnsRecord verification = added.records().stream().filter(r -> r.purpose().equals("verification")).findFirst().orElseThrow();
        assertEquals("_distman.lettings.example", verification.name());
        assertTrue(verification.value().startsWith("distman-verification="), verification.value());
        DnsRecord dkim = added.records().stream().filter(r -> r.purpose().equals("dkim")).findFirst().orElseThrow();
        assertTrue(dkim.name().endsWith("._domainkey.lettings.example"), dkim.name());
        assertTrue(dkim.value().startsWith("v=DKIM1; k=rsa; p="), dkim.value());

        String first = added.dkimKeys().get(0).selector();
        var rotated = asAdmin(admin, () -> identities.rotateDkimKey(account.id(), "lettings.example"));
        long previous = added.dkimKeys().get(0).id();
        asAdmin(admin, () -> {
            identities.retireDkimKey(account.id(), previous);
            return null;
        });
        List<AdminChangeRow> rows = changes(account);
        assertEquals(List.of("dkim.retire", "dkim.rotate", "identity.add"), rows.stream().map(AdminChangeRow::action).toList());
        assertEquals("domain lettings.example, not verified", rows.get(2).after());
        assertEquals("signing key " + first, rows.get(1).before());
        assertEquals("signing key " + rotated.selector(), rows.get(1).after());
        assertEquals("previous key " + first, rows.get(0).before());
        rows.forEach(r -> assertFalse(String.valueOf(r.after()).contains("PRIVATE"), "no key material in the log"));
    }

    @Test
    void webhookKeysAreWriteOnlyAndLoggedAsSet() throws Exception {
        TestAccount account = fixtures.newAccount("setup-webhook");
        String admin = admin(account);
        asAdmin(admin, () -> {
            webhooks.setMailgunKey(account.id(), WEBHOOK_KEY);
            webhooks.setMailgunKey(account.id(), WEBHOOK_KEY + "-2");
            return null;
        });
        List<WebhookSetup> setups = asAdmin(admin, () -> webhooks.webhooks(account.id()));
        WebhookSetup mailgun = setups.stream().filter(s -> s.provider().equals("mailgun")).findFirst().orElseThrow();
        assertEquals("api/v1/webhooks/mailgun/" + account.code(), mailgun.path());
        assertTrue(mailgun.hasOwnCredential());
        assertFalse(setups.stream().filter(s -> s.provider().equals("sendgrid")).findFirst().orElseThrow().hasOwnCredential());
        noSecretIn(setups);

        asAdmin(admin, () -> {
            webhooks.remove(account.id(), "mailgun");
            return null;
        });
        List<AdminChangeRow> rows = changes(account);
        assertEquals(List.of("webhook.remove", "webhook.set", "webhook.set"), rows.stream().map(AdminChangeRow::action).toList());
        assertEquals("signing key set", rows.get(2).after());
        assertEquals("signing key changed", rows.get(1).after());
        assertEquals("installation's credentials", rows.get(0).after());
        noSecretIn(rows);
    }

    @Test
    void trackingConsentIsSetPerCategoryAndLogged() throws Exception {
        TestAccount account = fixtures.newAccount("setup-tracking");
        String admin = admin(account);
        assertEquals(new TrackingChoice(true, true), asAdmin(admin, () -> tracking.tracking(account.id())).get(Category.BULK));
        asAdmin(admin, () -> tracking.setTracking(account.id(), Category.BULK, new TrackingChoice(true, false)));
        asAdmin(admin, () -> tracking.setTracking(account.id(), Category.BULK, new TrackingChoice(true, false)));
        assertEquals(new TrackingChoice(true, false), asAdmin(admin, () -> tracking.tracking(account.id())).get(Category.BULK));
        List<AdminChangeRow> rows = changes(account);
        assertEquals(1, rows.size(), "an unchanged choice is no change");
        assertEquals("BULK", rows.get(0).subject());
        assertEquals("opens on, clicks on", rows.get(0).before());
        assertEquals("opens on, clicks off", rows.get(0).after());
    }
}
