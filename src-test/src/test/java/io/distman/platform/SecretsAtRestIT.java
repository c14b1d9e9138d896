package io.distman.platform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.distman.account.boundary.AccountService;
import io.distman.account.entity.MailgunAccount;
import io.distman.account.entity.RelaySecurity;
import io.distman.account.entity.RelaySettings;
import io.distman.feedback.boundary.Unsubscribes;
import io.distman.feedback.boundary.WebhookSettings;
import io.distman.message.entity.Category;
import io.distman.platform.boundary.SecretBox;
import io.distman.platform.boundary.SecretSealing;
import io.distman.platform.boundary.Secrets;
import io.distman.platform.entity.KeyVersion;
import io.distman.submission.entity.SubmitRequest;
import io.distman.testsupport.Deployments;
import io.distman.testsupport.ejb.Fixtures.TestAccount;
import io.distman.testsupport.ejb.Fixtures;
import io.distman.testsupport.ejb.TestModule;
import io.distman.tracking.boundary.LinkTokens;
import jakarta.ejb.EJB;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.naming.InitialContext;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Secrets at rest, read back from the tables with JDBC as someone holding a copy of the database would:
 * every stored secret is sealed and its plaintext appears nowhere; rows stored in plaintext before sealing
 * existed are sealed by the next pass; a new installation key moves every secret to it; and a link signed
 * with an older link-signing key works within its validity and not after.
 */
@ExtendWith(ArquillianExtension.class)
public class SecretsAtRestIT {

    private static final String MAILGUN_KEY = "key-PLAIN-mailgun-0123456789abcdef";
    private static final String WEBHOOK_KEY = "PLAIN-webhook-signing-key-0123456789";
    private static final String RELAY_PASSWORD = "PLAIN-relay-password-42";

    /** The tables holding secrets: the secret column, and the rows' description. */
    private static final Map<String, String> SECRET_COLUMNS = Map.of(
            "mailgun_account", "api_key", "webhook_credential", "secret", "smtp_relay", "password",
            "signing_key", "secret");

    @Deployment
    public static EnterpriseArchive deployment() {
        return Deployments.ear(SecretsAtRestIT.class);
    }

    @EJB
    Fixtures fixtures;

    @EJB
    AccountService accounts;

    @EJB
    WebhookSettings webhooks;

    @EJB
    SecretBox box;

    @EJB
    SecretSealing sealing;

    @EJB
    Secrets secrets;

    @EJB
    Unsubscribes unsubscribes;

    @EJB
    TestModule manager;

    private TestAccount accountWithSecrets() {
        TestAccount account = fixtures.newAccount("secrets");
        fixtures.asProvisioner(() -> {
            accounts.useMailgun(account.id(), MAILGUN_KEY, "mg.example.org", io.distman.account.entity.MailgunRegion.EU, null);
            return null;
        });
        webhooks.setMailgunWebhookKey(account.id(), WEBHOOK_KEY);
        webhooks.setPostmarkWebhookLogin(account.id(), "pm-hook", RELAY_PASSWORD + "-postmark");
        fixtures.asProvisioner(() -> {
            accounts.useSmtpRelay(account.id(), new RelaySettings("smtp.example.org", 587, RelaySecurity.STARTTLS,
                    "relay-user", RELAY_PASSWORD));
            return null;
        });
        return account;
    }

    @Test
    void everyStoredSecretIsSealedAndItsPlaintextIsNowhereInTheTables() throws Exception {
        TestAccount account = accountWithSecrets();
        secrets.current(LinkTokens.SECRET); // a signing key exists

        for (Map.Entry<String, String> table : SECRET_COLUMNS.entrySet()) {
            List<String> values = column("SELECT " + table.getValue() + " FROM " + table.getKey()
                    + " WHERE " + table.getValue() + " IS NOT NULL"
                    + (table.getKey().equals("webhook_credential") ? " AND provider IN ('mailgun', 'postmark')" : ""));
            assertFalse(values.isEmpty(), table.getKey());
            for (String value : values) {
                assertTrue(value.startsWith("v1:it-1:"), table.getKey() + " holds " + value);
            }
        }
        String everything = String.join("\n", allText());
        for (String plaintext : List.of(MAILGUN_KEY, WEBHOOK_KEY, RELAY_PASSWORD)) {
            assertFalse(everything.contains(plaintext), plaintext + " is stored in plaintext");
        }
        assertEquals(MAILGUN_KEY, box.open(column("SELECT api_key FROM mailgun_account WHERE account_id = "
                + account.id()).get(0), MailgunAccount.purpose(account.id())));
        // what screens and the REST API may show: when, not what
        assertEquals("relay-user", accounts.smtpRelay(account.id()).orElseThrow().username());
        assertTrue(accounts.mailgun(account.id()).orElseThrow().apiKeySetAt() != null);
        assertFalse(accounts.smtpRelay(account.id()).orElseThrow().toString().contains(RELAY_PASSWORD));
    }

    @Test
    void plaintextStoredBeforeSealingExistedIsSealedByTheNextPass() throws Exception {
        TestAccount account = accountWithSecrets();
        byte[] legacyKey = new byte[32];
        new SecureRandom().nextBytes(legacyKey);
        String legacyName = "it-legacy-" + account.id();
        // As the upgrade leaves them: the migration copies, it cannot seal.
        update("UPDATE mailgun_account SET api_key = ? WHERE account_id = ?", MAILGUN_KEY, account.id());
        update("UPDATE webhook_credential SET secret = ? WHERE account_id = ? AND provider = 'mailgun'", WEBHOOK_KEY, account.id());
        update("INSERT INTO signing_key (name, version, secret, created_at) VALUES (?, 0, ?, ?)", legacyName,
                Base64.getEncoder().encodeToString(legacyKey), Timestamp.from(Instant.now()));

        sealing.run();

        String apiKey = column("SELECT api_key FROM mailgun_account WHERE account_id = " + account.id()).get(0);
        String webhookKey = column("SELECT secret FROM webhook_credential WHERE provider = 'mailgun' AND account_id = "
                + account.id()).get(0);
        assertTrue(apiKey.startsWith("v1:"), apiKey);
        assertTrue(webhookKey.startsWith("v1:"), webhookKey);
        assertTrue(column("SELECT secret FROM signing_key WHERE name = '" + legacyName + "'").get(0).startsWith("v1:"));
        assertEquals(MAILGUN_KEY, box.open(apiKey, MailgunAccount.purpose(account.id())));
        assertArrayEquals(legacyKey, secrets.current(legacyName).secret(), "the old key signs on, sealed");
    }

    @Test
    void aNewInstallationKeyTakesOverEveryStoredSecretAndTheOldKeyCanThenGo() throws Exception {
        TestAccount account = accountWithSecrets();
        Path keyFile = SecretBox.keyFilePath();
        String original = Files.readString(keyFile);
        String newKey = "it-2=" + Base64.getEncoder().encodeToString(random(32)) + "\n";
        try {
            Files.writeString(keyFile, original + newKey); // appended: the newest seals
            sealing.run();
            for (Map.Entry<String, String> table : SECRET_COLUMNS.entrySet()) {
                for (String value : column("SELECT " + table.getValue() + " FROM " + table.getKey() + " WHERE "
                        + table.getValue() + " LIKE 'v1:%'")) {
                    assertTrue(value.startsWith("v1:it-2:"), table.getKey() + " still on the old key: " + value);
                }
            }
            assertEquals(MAILGUN_KEY, box.open(column("SELECT api_key FROM mailgun_account WHERE account_id = "
                    + account.id()).get(0), MailgunAccount.purpose(account.id())));
        } finally {
            // Back again the same way (it-1 newest once more), so later tests and runs find it-1 alone.
            Files.writeString(keyFile, newKey + original);
            sealing.run();
            Files.writeString(keyFile, original);
        }
        assertEquals(MAILGUN_KEY, box.open(column("SELECT api_key FROM mailgun_account WHERE account_id = "
                + account.id()).get(0), MailgunAccount.purpose(account.id())));
    }

    @Test
    void aLinkSignedWithAnOlderKeyWorksWithinItsValidityAndNotAfter() throws Exception {
        TestAccount account = fixtures.newAccount("links");
        long delivery = manager.submit(SubmitRequest.builder().account(account.code()).raisedBy("adam")
                .source("newsletter", "7").category(Category.BULK).sender("news@northside.example", "News")
                .to(Fixtures.address("reader")).subject("News").text("News.").build()).deliveries().get(0).deliveryId();
        KeyVersion before = secrets.current(LinkTokens.SECRET);
        String oldLink = LinkTokens.sign(before, LinkTokens.UNSUBSCRIBE, delivery);
        // A link in mail sent before tokens named their key version, signed with version 0.
        String unversioned = secrets.verifying(LinkTokens.SECRET, 0)
                .map(v0 -> unversionedToken(v0.secret(), delivery)).orElse(null);

        KeyVersion after = secrets.rotate(LinkTokens.SECRET);
        assertEquals(before.version() + 1, after.version());
        String newLink = LinkTokens.sign(secrets.current(LinkTokens.SECRET), LinkTokens.UNSUBSCRIBE, delivery);
        assertTrue(unsubscribes.target(oldLink).isPresent(), "the old key verifies within its validity");
        assertTrue(unsubscribes.target(newLink).isPresent());
        if (unversioned != null && before.version() == 0) {
            assertTrue(unsubscribes.target(unversioned).isPresent(), "an unversioned link is version 0");
        }

        System.setProperty("distman.secrets.signingKeyCache", "PT0S"); // see the row as changed below at once
        try {
            // 91 days later: the old key retired more than the default 90 days ago.
            update("UPDATE signing_key SET retired_at = ? WHERE name = ? AND version = ?",
                    Timestamp.from(Instant.now().minus(Duration.ofDays(91))), LinkTokens.SECRET, before.version());
            assertFalse(unsubscribes.target(oldLink).isPresent(), "the old key stopped verifying after its validity");
            if (unversioned != null && before.version() == 0) {
                assertFalse(unsubscribes.target(unversioned).isPresent());
            }
            assertTrue(unsubscribes.target(newLink).isPresent(), "the current key verifies");

            System.setProperty("distman.links.oldKeyValidity", "P120D"); // a longer validity brings it back
            assertTrue(unsubscribes.target(oldLink).isPresent());
        } finally {
            System.clearProperty("distman.links.oldKeyValidity");
            System.clearProperty("distman.secrets.signingKeyCache");
        }
    }

    /** The token format of mail sent before tokens carried a key version: delivery id and 12 bytes of MAC. */
    private static String unversionedToken(byte[] key, long deliveryId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update((LinkTokens.UNSUBSCRIBE + ":").getBytes(StandardCharsets.US_ASCII));
            byte[] tag = Arrays.copyOf(mac.doFinal(ByteBuffer.allocate(8).putLong(deliveryId).array()), 12);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    ByteBuffer.allocate(20).putLong(deliveryId).put(tag).array());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static byte[] random(int n) {
        byte[] bytes = new byte[n];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }

    private static DataSource dataSource() throws Exception {
        return (DataSource) new InitialContext().lookup("jdbc/distman");
    }

    private static List<String> column(String sql) throws Exception {
        try (Connection c = dataSource().getConnection(); PreparedStatement st = c.prepareStatement(sql);
                ResultSet rs = st.executeQuery()) {
            List<String> values = new ArrayList<>();
            while (rs.next()) {
                values.add(rs.getString(1));
            }
            return values;
        }
    }

    /** Every text column of the tables that hold secrets, as a dump of the database would show them. */
    private static List<String> allText() throws Exception {
        List<String> text = new ArrayList<>();
        for (String table : SECRET_COLUMNS.keySet()) {
            try (Connection c = dataSource().getConnection(); PreparedStatement st = c.prepareStatement("SELECT * FROM " + table);
                    ResultSet rs = st.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    for (int i = 1; i <= columns; i++) {
                        text.add(String.valueOf(rs.getObject(i)));
                    }
                }
            }
        }
        return text;
    }

    private static void update(String sql, Object... parameters) throws Exception {
        try (Connection c = dataSource().getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                st.setObject(i + 1, parameters[i]);
            }
            st.executeUpdate();
        }
    }
}
