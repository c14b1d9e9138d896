package io.distman.feedback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.distman.message.entity.Category;
import io.distman.message.entity.DeliveryStatus;
import io.distman.submission.entity.SubmitRequest;
import io.distman.testsupport.Deployments;
import io.distman.testsupport.Dispatching;
import io.distman.testsupport.Mails;
import io.distman.testsupport.TestMailServer;
import io.distman.testsupport.ejb.Fixtures.TestAccount;
import io.distman.testsupport.ejb.Fixtures;
import io.distman.testsupport.ejb.TestModule;
import jakarta.ejb.EJB;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * RFC 2369/8058 unsubscribe: BULK mail carries List-Unsubscribe (https and mailto) with a signed token
 * and List-Unsubscribe-Post; a GET only shows a page; the POST unsubscribes and stops BULK mail but not
 * TRANSACTIONAL or ESSENTIAL; a tampered token does nothing.
 */
@ExtendWith(ArquillianExtension.class)
public class UnsubscribeIT {

    @Deployment
    public static EnterpriseArchive deployment() {
        return Deployments.ear(UnsubscribeIT.class);
    }

    @EJB
    TestModule manager;

    @EJB
    Fixtures fixtures;

    private final HttpClient http = HttpClient.newHttpClient();
    TestAccount account;
    String address;

    @BeforeEach
    void setUp() {
        TestMailServer.reset();
        account = fixtures.newAccount("unsub");
        address = Fixtures.address("reader");
    }

    private long send(Category category) {
        long id = manager.submit(SubmitRequest.builder().account(account.code()).raisedBy("anna").category(category)
                .sender("news@northside.example", "Northside").to(address).subject(category + " mail").text("Text.").build())
                .deliveries().get(0).deliveryId();
        Dispatching.sweep();
        return id;
    }

    private MimeMessage received(String subject) {
        Dispatching.await(() -> TestMailServer.received().stream().anyMatch(m -> Mails.isFor(m, address) && subject(m).equals(subject)),
                Duration.ofSeconds(10), subject);
        return TestMailServer.received().stream().filter(m -> Mails.isFor(m, address) && subject(m).equals(subject)).findFirst().orElseThrow();
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String unsubscribeUrl(MimeMessage m) throws Exception {
        String header = m.getHeader("List-Unsubscribe")[0];
        Matcher https = Pattern.compile("<(https?://[^>]+)>").matcher(header);
        assertTrue(https.find(), header);
        assertTrue(header.contains("<mailto:unsubscribe+"), header);
        return https.group(1);
    }

    private HttpResponse<String> call(String method, String url) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
        request = "POST".equals(method)
                ? request.header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click"))
                : request.GET();
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void oneClickUnsubscribeStopsBulkMailOnly() throws Exception {
        long bulk = send(Category.BULK);
        MimeMessage mail = received("BULK mail");
        assertEquals("List-Unsubscribe=One-Click", mail.getHeader("List-Unsubscribe-Post")[0]);
        String url = unsubscribeUrl(mail);

        HttpResponse<String> page = call("GET", url);
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("<form method=\"post\">"), page.body());
        assertEquals(DeliveryStatus.ACCEPTED, fixtures.delivery(bulk).getStatus(), "looking at the link changes nothing");

        HttpResponse<String> done = call("POST", url);
        assertEquals(200, done.statusCode(), done.body());
        assertEquals(DeliveryStatus.UNSUBSCRIBED, fixtures.delivery(bulk).getStatus());
        assertEquals(200, call("POST", url).statusCode(), "a second click is harmless");
        assertEquals(1, fixtures.events(bulk).stream().filter(e -> e.getStatus() == DeliveryStatus.UNSUBSCRIBED).count());

        assertEquals(DeliveryStatus.SUPPRESSED, manager.submit(SubmitRequest.builder().account(account.code()).raisedBy("anna")
                .category(Category.BULK).sender("news@northside.example", null).to(address).subject("Next newsletter")
                .text("x").build()).deliveries().get(0).status());
        long demand = send(Category.ESSENTIAL);
        assertEquals(DeliveryStatus.ACCEPTED, fixtures.delivery(demand).getStatus(), "rent demands still go out");
        assertNull(received("ESSENTIAL mail").getHeader("List-Unsubscribe"), "only BULK mail offers unsubscribe");
    }

    @Test
    void aTamperedTokenDoesNothing() throws Exception {
        long bulk = send(Category.BULK);
        String url = unsubscribeUrl(received("BULK mail"));
        String token = url.substring(url.lastIndexOf('/') + 1);
        String tampered = url.substring(0, url.lastIndexOf('/') + 1) + (token.charAt(0) == 'A' ? 'B' : 'A') + token.substring(1);
        assertEquals(404, call("GET", tampered).statusCode());
        assertEquals(404, call("POST", tampered).statusCode());
        assertEquals(DeliveryStatus.ACCEPTED, fixtures.delivery(bulk).getStatus());
    }
}
