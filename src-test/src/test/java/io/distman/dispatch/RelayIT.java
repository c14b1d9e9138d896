package io.distman.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.distman.account.boundary.AccountService;
import io.distman.account.entity.InvalidSettingsException;
import io.distman.account.entity.RelaySecurity;
import io.distman.account.entity.RelaySettings;
import io.distman.dispatch.boundary.RelayCheck;
import io.distman.dispatch.entity.RelayStage;
import io.distman.dispatch.entity.RelayTestResult;
import io.distman.message.entity.Category;
import io.distman.message.entity.Delivery;
import io.distman.message.entity.DeliveryStatus;
import io.distman.submission.entity.SubmitRequest;
import io.distman.testsupport.Deployments;
import io.distman.testsupport.Dispatching;
import io.distman.testsupport.Mails;
import io.distman.testsupport.StartTlsRelay;
import io.distman.testsupport.TestMailServer;
import io.distman.testsupport.ejb.Fixtures.TestAccount;
import io.distman.testsupport.ejb.Fixtures;
import io.distman.testsupport.ejb.TestModule;
import jakarta.ejb.EJB;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An account's own SMTP relay with TLS and AUTH, against a real server: GreenMail's SMTPS (implicit TLS) on
 * 127.0.0.1:3465 inside GlassFish, with the certificate made for localhost by DatabaseSetup and trusted
 * through the domain's trust store (the application checks it; nothing trusts all certificates), and a
 * user with a password. GreenMail has no STARTTLS, so STARTTLS goes to {@link StartTlsRelay} (aiosmtpd on
 * 127.0.0.1:3587, the same certificate), which refuses MAIL and AUTH before STARTTLS; and it is shown refusing a
 * server that does not offer it.
 */
@ExtendWith(ArquillianExtension.class)
public class RelayIT {

    private static final int SMTPS_PORT = 3465;
    private static final int STARTTLS_PORT = 3587;
    private static final String USER = "relay-user";
    private static final String PASSWORD = "relay-pass-1234";

    @Deployment
    public static EnterpriseArchive deployment() {
        return Deployments.ear(RelayIT.class);
    }

    @EJB
    TestModule manager;

    @EJB
    Fixtures fixtures;

    @EJB
    AccountService accounts;

    @EJB
    RelayCheck relayCheck;

    /** GreenMail with SMTPS and one user; AUTH with anything else is refused (535). */
    private static GreenMail relay() {
        GreenMail server = new GreenMail(new ServerSetup(SMTPS_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTPS));
        server.setUser("relay-user@relay.test", USER, PASSWORD);
        server.start();
        return server;
    }

    private long submit(TestAccount account, String to) {
        return manager.submit(SubmitRequest.builder().account(account.code()).raisedBy("adam").source("demand", "77")
                .category(Category.TRANSACTIONAL).sender("lettings@northside.example", "Northside").to(to)
                .subject("Rent demand").text("Please pay.").build()).deliveries().get(0).deliveryId();
    }

    @Test
    void mailThroughTheAccountsRelayArrivesOverTlsAuthenticatedAsTheConfiguredUser() throws Exception {
        GreenMail server = relay();
        try {
            TestAccount account = fixtures.newAccount("relay");
            relay(account.id(), new RelaySettings("localhost", SMTPS_PORT, RelaySecurity.TLS, USER, PASSWORD));

            RelayTestResult check = relayCheck.test(account.id());
            assertTrue(check.ok(), check.message());
            assertEquals("Connected to localhost:3465 with TLS, authenticated as relay-user", check.message());

            TestMailServer.purge();
            String to = Fixtures.address("tenant");
            long id = submit(account, to);
            Dispatching.sweep();

            Delivery d = fixtures.delivery(id);
            assertEquals(DeliveryStatus.ACCEPTED, d.getStatus(), d.getStatusDetail());
            assertTrue(server.waitForIncomingEmail(10_000, 1), "the mail reached the account's relay");
            MimeMessage received = server.getReceivedMessages()[0];
            assertEquals(to, received.getRecipients(Message.RecipientType.TO)[0].toString());
            assertEquals("Rent demand", received.getSubject());
            // Only this mail: the sweep also sends what earlier test classes left due, through the installation's session.
            assertTrue(TestMailServer.received().stream().noneMatch(m -> Mails.isFor(m, to)),
                    "the mail did not go through the installation's mail session");
        } finally {
            server.stop();
        }
    }

    @Test
    void mailThroughARelayThatRequiresStartTlsArrivesEncryptedAndAuthenticated() throws Exception {
        try (StartTlsRelay server = StartTlsRelay.start(STARTTLS_PORT, USER, PASSWORD)) {
            TestAccount account = fixtures.newAccount("relay-starttls");
            relay(account.id(), new RelaySettings("localhost", STARTTLS_PORT, RelaySecurity.STARTTLS, USER, PASSWORD));

            RelayTestResult check = relayCheck.test(account.id());
            assertTrue(check.ok(), check.message());
            assertEquals("Connected to localhost:3587 with TLS, authenticated as relay-user", check.message());

            String to = Fixtures.address("tenant");
            long id = submit(account, to);
            Dispatching.sweep();

            Delivery d = fixtures.delivery(id);
            assertEquals(DeliveryStatus.ACCEPTED, d.getStatus(), d.getStatusDetail());
            List<StartTlsRelay.Received> received = server.received(1, Duration.ofSeconds(10));
            assertEquals(1, received.size(), "one mail reached the relay");
            StartTlsRelay.Received mail = received.get(0);
            assertEquals(List.of(to), mail.recipients());
            assertTrue(mail.tls(), "the relay saw the mail after STARTTLS");
            assertTrue(mail.tlsVersion() != null && mail.tlsVersion().matches("TLSv1\\.[23]"), String.valueOf(mail.tlsVersion()));
            assertTrue(mail.authenticated(), "the relay saw the mail after AUTH");
            assertTrue(mail.content().contains("Subject: Rent demand"), mail.content());
        }
    }

    @Test
    void aStartTlsRelayRefusesTheWrongPasswordAndTheMailWaits() throws Exception {
        try (StartTlsRelay server = StartTlsRelay.start(STARTTLS_PORT, USER, PASSWORD)) {
            TestAccount account = fixtures.newAccount("relay-starttls-auth");
            relay(account.id(), new RelaySettings("localhost", STARTTLS_PORT, RelaySecurity.STARTTLS, USER,
                    "not-the-password"));

            RelayTestResult check = relayCheck.test(account.id());
            assertEquals(RelayStage.AUTH, check.failedAt(), check.message());

            long id = submit(account, Fixtures.address("tenant"));
            Dispatching.sweep();
            assertEquals(DeliveryStatus.TEMPORARY_FAILURE, fixtures.delivery(id).getStatus());
            assertEquals(0, server.received(0, Duration.ZERO).size());
        }
    }

    @Test
    void aWrongPasswordIsNamedByTheTestAndTheMailWaitsAsATemporaryFailure() {
        GreenMail server = relay();
        try {
            TestAccount account = fixtures.newAccount("relay-auth");
            relay(account.id(), new RelaySettings("localhost", SMTPS_PORT, RelaySecurity.TLS, USER,
                    "not-the-password"));

            RelayTestResult check = relayCheck.test(account.id());
            assertEquals(RelayStage.AUTH, check.failedAt(), check.message());
            assertTrue(check.message().contains("refused AUTH as relay-user"), check.message());
            assertTrue(!check.message().contains("not-the-password"), "the password is never repeated");

            long id = submit(account, Fixtures.address("tenant"));
            Dispatching.sweep();
            Delivery d = fixtures.delivery(id);
            assertEquals(DeliveryStatus.TEMPORARY_FAILURE, d.getStatus(), d.getStatusDetail());
            assertTrue(d.getStatusDetail().contains("refused AUTH as relay-user"), d.getStatusDetail());
            assertNull(d.getEnhancedCode(), "the relay's 535 5.7.8 is about the account, not the recipient's address");
            assertEquals(0, server.getReceivedMessages().length);

            // The admin fixes the password (the user stays, so the form may leave the password empty only
            // when it is unchanged); the waiting mail goes at its next attempt.
            relay(account.id(), new RelaySettings("localhost", SMTPS_PORT, RelaySecurity.TLS, USER, PASSWORD));
            assertTrue(relayCheck.test(account.id()).ok());
            fixtures.makeDue(id);
            Dispatching.sweep();
            assertEquals(DeliveryStatus.ACCEPTED, fixtures.delivery(id).getStatus());
        } finally {
            server.stop();
        }
    }

    @Test
    void theTestNamesTheStepThatFailed() {
        TestAccount account = fixtures.newAccount("relay-steps");
        RelayTestResult dns = relayCheck.test(account.id(), new RelaySettings("relay.invalid", 587,
                RelaySecurity.STARTTLS, null, null));
        assertEquals(RelayStage.DNS, dns.failedAt(), dns.message());

        RelayTestResult connect = relayCheck.test(account.id(), new RelaySettings("localhost", 2599, RelaySecurity.TLS,
                null, null)); // nothing listens there
        assertEquals(RelayStage.CONNECT, connect.failedAt(), connect.message());

        // The test GreenMail on 3025 speaks plain SMTP and offers no STARTTLS: neither TLS setting may go on in the clear.
        RelayTestResult noStartTls = relayCheck.test(account.id(), new RelaySettings("localhost", TestMailServer.SMTP_PORT,
                RelaySecurity.STARTTLS, null, null));
        assertEquals(RelayStage.TLS, noStartTls.failedAt(), noStartTls.message());
        RelayTestResult noTls = relayCheck.test(account.id(), new RelaySettings("localhost", TestMailServer.SMTP_PORT,
                RelaySecurity.TLS, null, null));
        assertEquals(RelayStage.TLS, noTls.failedAt(), noTls.message());

        RelayTestResult plainLocal = relayCheck.test(account.id(), new RelaySettings("localhost", TestMailServer.SMTP_PORT,
                RelaySecurity.NONE, null, null));
        assertTrue(plainLocal.ok(), plainLocal.message());
    }

    @Test
    void settingsAreCheckedBeforeAnythingIsStored() {
        TestAccount account = fixtures.newAccount("relay-check");
        InvalidSettingsException plain = assertThrows(InvalidSettingsException.class, () -> relay(
                account.id(), new RelaySettings("smtp.example.org", 25, RelaySecurity.NONE, null, null)));
        assertTrue(plain.getMessage().startsWith("SMTP relay security"), plain.getMessage());
        assertThrows(InvalidSettingsException.class, () -> relay(account.id(),
                new RelaySettings("smtp.example.org", 587, RelaySecurity.STARTTLS, "user", null)), "a user without a password");
        assertTrue(accounts.smtpRelay(account.id()).isEmpty(), "nothing half-written");
    }

    /** AccountService's writes are provisioning's (the setting screens come with their own boundary). */
    private void relay(long accountId, RelaySettings settings) {
        fixtures.asProvisioner(() -> {
            accounts.useSmtpRelay(accountId, settings);
            return null;
        });
    }
}
