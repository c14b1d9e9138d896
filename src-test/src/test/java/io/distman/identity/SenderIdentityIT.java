package io.distman.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.distman.identity.boundary.SenderIdentities;
import io.distman.identity.entity.DkimKeyView;
import io.distman.identity.entity.DnsRecord;
import io.distman.identity.entity.IdentityView;
import io.distman.identity.entity.InvalidIdentityException;
import io.distman.message.entity.Category;
import io.distman.message.entity.DeliveryStatus;
import io.distman.platform.boundary.SecretBox;
import io.distman.submission.entity.SubmissionRejectedException;
import io.distman.submission.entity.SubmitRequest;
import io.distman.testsupport.Deployments;
import io.distman.testsupport.Dispatching;
import io.distman.testsupport.DkimVerify;
import io.distman.testsupport.MailgunApiServer;
import io.distman.testsupport.Mails;
import io.distman.testsupport.TestDnsServer;
import io.distman.testsupport.TestEnvironment;
import io.distman.testsupport.TestMailServer;
import io.distman.testsupport.ejb.Fixtures.TestAccount;
import io.distman.testsupport.ejb.Fixtures;
import io.distman.testsupport.ejb.TestModule;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.mail.internet.MimeMessage;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Sender identities and DKIM as an account lives them: mail From outside its verified identities is refused
 * (EJB and REST), a domain is verified by its TXT record through the application's real DNS client (asking
 * {@link TestDnsServer} over UDP), verified mail leaves DKIM-signed and dkimpy (not our code) verifies it
 * against the record the admin was told to publish, over SMTP and Mailgun's MIME path alike; a tampered
 * copy fails, a rotation signs with the new selector, and the private key is nowhere in plaintext.
 */
@ExtendWith(ArquillianExtension.class)
public class SenderIdentityIT {

    @Deployment
    public static EnterpriseArchive deployment() {
        return Deployments.ear(SenderIdentityIT.class);
    }

    @EJB
    TestModule manager;

    @EJB
    SenderIdentities identities;

    @EJB
    SecretBox secretBox;

    @EJB
    Fixtures fixtures;

    @Resource(lookup = "jdbc/distman")
    DataSource database;

    TestDnsServer dns;
    TestAccount account;

    @BeforeEach
    void setUp() {
        TestMailServer.reset();
        dns = TestDnsServer.start();
        account = fixtures.newAccountWithoutIdentities("identity");
    }

    @AfterEach
    void tearDown() {
        dns.close();
    }

    private SubmitRequest letter(String from, String to) {
        return SubmitRequest.builder().account(account.code()).raisedBy("anna").source("demand", "4711")
                .category(Category.ESSENTIAL).sender(from, "Lettings").to(to).subject("Rent demand 4711")
                .text("Please pay £850.").build();
    }

    private static String senderError(SubmissionRejectedException e) {
        assertEquals(1, e.errors().size(), e.getMessage());
        assertEquals("sender.address", e.errors().get(0).field(), e.getMessage());
        return e.errors().get(0).message();
    }

    /** Publishes the identity's verification record in the test DNS and has the application check it. */
    private IdentityView verifiedByDns(IdentityView identity) {
        DnsRecord record = record(identity, "verification");
        dns.publishTxt(record.name(), "v=spf1 -all", record.value());
        return identities.verify(account.id(), identity.id());
    }

    private static DnsRecord record(IdentityView identity, String purpose) {
        return identity.records().stream().filter(r -> r.purpose().equals(purpose)).findFirst().orElseThrow();
    }

    @Test
    void aFromOutsideTheAccountsIdentitiesIsRefusedAndNothingIsStored() {
        long messages = fixtures.count("message");
        String reason = senderError(assertThrows(SubmissionRejectedException.class,
                () -> manager.submit(letter("lettings@northside.example", Fixtures.address("olivia")))));
        assertTrue(reason.contains("not a sender identity of this account"), reason);

        verifiedByDns(identities.addDomain(account.id(), "northside.example"));
        assertThrows(SubmissionRejectedException.class, () -> manager.submit(
                letter("lettings@mail.northside.example", Fixtures.address("olivia"))), "a subdomain is not covered");
        assertThrows(SubmissionRejectedException.class, () -> manager.submit(
                letter("rent@harbour.example", Fixtures.address("olivia"))), "another agency's domain");
        TestAccount other = fixtures.newAccountWithoutIdentities("identity-other");
        assertThrows(SubmissionRejectedException.class, () -> manager.submit(SubmitRequest.builder().account(other.code())
                .raisedBy("x").category(Category.ESSENTIAL).sender("lettings@northside.example", null)
                .to(Fixtures.address("olivia")).subject("s").text("t").build()), "another account's verified domain");
        assertEquals(messages, fixtures.count("message"), "nothing stored for refused mail");
    }

    @Test
    void aFromOutsideTheIdentitiesIsA400NamingTheFieldOverRest() throws Exception {
        String body = """
                {"raisedBy":"anna","category":"ESSENTIAL","sender":{"address":"lettings@northside.example"},
                 "to":[{"address":"%s"}],"subject":"Rent demand","textBody":"Please pay."}""".formatted(Fixtures.address("o"));
        HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(
                HttpRequest.newBuilder(TestEnvironment.url("api/v1/messages")).header("Content-Type", "application/json")
                        .header("Authorization", "Bearer " + account.apiKey())
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(400, response.statusCode(), response.body());
        JsonObject error = Json.createReader(new StringReader(response.body())).readObject().getJsonArray("errors")
                .getJsonObject(0);
        assertEquals("sender.address", error.getString("field"), response.body());
        assertTrue(error.getString("message").contains("northside.example"), response.body());
    }

    @Test
    void anUnverifiedIdentityIsRefusedUntilItsRecordIsFound() {
        IdentityView added = identities.addAddress(account.id(), "Lettings@Northside.example");
        assertEquals("lettings@northside.example", added.value());
        assertFalse(added.verified());
        DnsRecord verification = record(added, "verification");
        assertEquals("_distman.northside.example", verification.name());
        assertTrue(verification.value().matches("distman-verification=[a-z2-9]{26}"), verification.value());

        String reason = senderError(assertThrows(SubmissionRejectedException.class,
                () -> manager.submit(letter("lettings@northside.example", Fixtures.address("olivia")))));
        assertTrue(reason.contains("not verified yet") && reason.contains(verification.value()), reason);

        dns.publishTxt(verification.name(), "distman-verification=someone-elses-token");
        IdentityView wrong = identities.verify(account.id(), added.id());
        assertFalse(wrong.verified(), "another token proves nothing");
        assertTrue(wrong.checkResult().contains("someone-elses-token"), wrong.checkResult());
        assertTrue(dns.asked().contains("_distman.northside.example"), "the real DNS client asked: " + dns.asked());

        IdentityView verified = verifiedByDns(added);
        assertTrue(verified.verified(), verified.checkResult());
        assertEquals("dns", verified.verifiedBy());
        assertEquals(DeliveryStatus.PENDING, manager.submit(letter("lettings@northside.example", Fixtures.address("olivia")))
                .deliveries().get(0).status());
        assertThrows(SubmissionRejectedException.class, () -> manager.submit(
                letter("credit@northside.example", Fixtures.address("olivia"))), "an address identity covers that address only");

        dns.remove(verification.name());
        assertFalse(identities.verify(account.id(), added.id()).verified(), "a removed record withdraws the verification");
        assertThrows(SubmissionRejectedException.class, () -> manager.submit(
                letter("lettings@northside.example", Fixtures.address("olivia"))));
    }

    @Test
    void verifiedMailLeavesSignedAndDkimpyVerifiesItAgainstThePublishedRecordButNotATamperedCopy() throws Exception {
        IdentityView identity = verifiedByDns(identities.addDomain(account.id(), "northside.example"));
        DnsRecord dkim = record(identity, "dkim");
        assertTrue(dkim.name().matches("dm\\d{6}[a-z2-9]{4}\\._domainkey\\.northside\\.example"), dkim.name());
        assertTrue(dkim.value().startsWith("v=DKIM1; k=rsa; p=MII"), dkim.value());
        assertEquals("v=spf1 mx ~all", record(identity, "spf").value());

        String to = Fixtures.address("olivia");
        manager.submit(letter("lettings@northside.example", to));
        Dispatching.sweep();
        MimeMessage received = Mails.received(to, "Rent demand 4711");
        String signature = received.getHeader("DKIM-Signature")[0];
        assertTrue(signature.contains("d=northside.example") && signature.contains("c=relaxed/relaxed")
                && signature.contains("s=" + dkim.name().substring(0, dkim.name().indexOf('.'))), signature);
        assertTrue(signature.contains("h=from:to:subject:date:message-id:mime-version:content-type"), signature);

        byte[] raw = DkimVerify.raw(received);
        DkimVerify.Verdict verdict = DkimVerify.verify(raw, List.of(dkim));
        assertTrue(verdict.passed(), verdict.output());

        byte[] tampered = new String(raw, StandardCharsets.ISO_8859_1).replace("Rent demand 4711", "Rent demand 4712")
                .getBytes(StandardCharsets.ISO_8859_1);
        DkimVerify.Verdict forged = DkimVerify.verify(tampered, List.of(dkim));
        assertFalse(forged.passed(), "a changed Subject must not verify: " + forged.output());

        IdentityView other = identities.declareVerified(fixtures.newAccountWithoutIdentities("identity-stranger").id(),
                "northside.example", "test");
        assertFalse(DkimVerify.verify(raw, List.of(new DnsRecord(dkim.name(), "TXT", record(other, "dkim").value(), "dkim")))
                .passed(), "another key published under the selector must not verify");
    }

    @Test
    void mailgunsMimePathIsSignedToo() throws Exception {
        verifiedByDns(identities.addDomain(account.id(), "northside.example"));
        IdentityView identity = identities.list(account.id()).get(0);
        try (MailgunApiServer mailgun = MailgunApiServer.start("mg.northside.example", "key-test")) {
            fixtures.useMailgun(account.id(), "key-test", "mg.northside.example", mailgun.baseUrl());
            String to = Fixtures.address("olivia");
            manager.submit(letter("lettings@northside.example", to));
            Dispatching.sweep();
            MailgunApiServer.Request request = mailgun.receivedFor(to).get(0);
            assertTrue(request.mime(), "sent as MIME");
            DkimVerify.Verdict verdict = DkimVerify.verify(request.message(), List.of(record(identity, "dkim")));
            assertTrue(verdict.passed(), verdict.output());
            assertEquals("v=spf1 include:mailgun.org ~all", record(identities.list(account.id()).get(0), "spf").value());
        }
    }

    @Test
    void aRotationSignsWithTheNewSelectorAndKeepsTheOldKeyPublishedUntilRetired() throws Exception {
        IdentityView identity = verifiedByDns(identities.addDomain(account.id(), "northside.example"));
        DkimKeyView first = identity.dkimKeys().get(0);
        DkimKeyView second = identities.rotateDkimKey(account.id(), "northside.example");
        assertNotEquals(first.selector(), second.selector());
        assertTrue(second.signing());

        List<DkimKeyView> keys = identities.list(account.id()).get(0).dkimKeys();
        assertEquals(2, keys.size(), "the old key stays listed for DNS until retired");
        assertEquals("dkim-previous", keys.stream().filter(k -> k.id() == first.id()).findFirst().orElseThrow().record().purpose());

        String to = Fixtures.address("olivia");
        manager.submit(letter("lettings@northside.example", to));
        Dispatching.sweep();
        MimeMessage received = Mails.received(to, "Rent demand 4711");
        assertTrue(received.getHeader("DKIM-Signature")[0].contains("s=" + second.selector() + ";"),
                received.getHeader("DKIM-Signature")[0]);
        byte[] raw = DkimVerify.raw(received);
        assertTrue(DkimVerify.verify(raw, List.of(second.record())).passed(), "verifies with the new key");
        assertFalse(DkimVerify.verify(raw, List.of(new DnsRecord(second.record().name(), "TXT", first.record().value(), "x")))
                .passed(), "and not with the old one");

        InvalidIdentityException refused = assertThrows(InvalidIdentityException.class,
                () -> identities.retireDkimKey(account.id(), second.id()));
        assertEquals("keyId", refused.error().field());
        identities.retireDkimKey(account.id(), first.id());
        assertEquals(List.of(second.selector()), identities.list(account.id()).get(0).dkimKeys().stream()
                .map(DkimKeyView::selector).toList());
    }

    @Test
    void thePrivateKeyIsStoredSealedAndOpensOnlyForItsOwnPurpose() throws Exception {
        identities.addDomain(account.id(), "northside.example");
        List<String[]> rows = new ArrayList<>();
        try (Connection c = database.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT domain, selector, public_key, private_key_sealed FROM dkim_key WHERE account_id = ?")) {
            s.setLong(1, account.id());
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    rows.add(new String[] {r.getString(1), r.getString(2), r.getString(3), r.getString(4)});
                }
            }
        }
        assertEquals(1, rows.size());
        String[] row = rows.get(0);
        String sealed = row[3];
        assertTrue(SecretBox.isSealed(sealed), sealed.substring(0, 20));

        // Opened with its purpose it is the private half of the published key; with another purpose it does not open.
        String pkcs8 = secretBox.open(sealed, "dkim:" + account.id() + ":" + row[0] + ":" + row[1]);
        assertFalse(sealed.contains(pkcs8.substring(0, 40)) || sealed.contains(pkcs8.substring(pkcs8.length() - 40)),
                "no part of the plaintext key in the column");
        RSAPrivateCrtKey key = (RSAPrivateCrtKey) KeyFactory.getInstance("RSA")
                .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pkcs8)));
        assertEquals(2048, key.getModulus().bitLength());
        assertEquals(row[2], Base64.getEncoder().encodeToString(KeyFactory.getInstance("RSA")
                .generatePublic(new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent())).getEncoded()));
        assertThrows(RuntimeException.class, () -> secretBox.open(sealed, "dkim:" + (account.id() + 1) + ":" + row[0] + ":" + row[1]));
    }
}
