package io.distman.feedback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.distman.account.boundary.AccountService;
import io.distman.message.entity.Category;
import io.distman.message.entity.DeliveryEvent;
import io.distman.message.entity.DeliveryStatus;
import io.distman.submission.entity.SubmitRequest;
import io.distman.testsupport.Deployments;
import io.distman.testsupport.Dispatching;
import io.distman.testsupport.Mails;
import io.distman.testsupport.TestMailServer;
import io.distman.testsupport.ejb.Fixtures.TestAccount;
import io.distman.testsupport.ejb.Fixtures;
import io.distman.testsupport.ejb.TestModule;
import io.distman.tracking.boundary.TrackingConsent;
import io.distman.tracking.entity.TrackingChoice;
import jakarta.ejb.EJB;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Open and click tracking end to end: tracked mail as received, the pixel and click endpoints over
 * HTTP, human and machine events, forged and tampered links, and the consent that turns it off.
 * In-container, so the test can change the machine-window settings (system properties of this JVM)
 * and move a delivery's acceptance back in time instead of waiting.
 */
@ExtendWith(ArquillianExtension.class)
public class TrackingIT {

    private static final String BROWSER = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";
    private static final String GOOGLE = "Mozilla/5.0 (Windows NT 5.1; rv:11.0) Gecko Firefox/11.0 (via ggpht.com GoogleImageProxy)";
    private static final String FLATS = "https://northside.example/flats?area=north&rooms=2";
    private static final String VIEWING = "https://northside.example/viewing";
    private static final String HTML = "<html><body><p>New flats: <a href=\"https://northside.example/flats?area=north&amp;rooms=2\">"
            + "see them</a> or <a href=\"" + VIEWING + "\">book a viewing</a>. Questions? "
            + "<a href=\"mailto:office@northside.example\">Write to us</a>.</p>"
            + "<p><a href=\"https://northside.example/unsubscribe?list=news\">Unsubscribe</a></p></body></html>";
    private static final Pattern PIXEL = Pattern.compile("<img src=\"(http[^\"]*/api/v1/t/o/[^\"]+)\"");
    private static final Pattern CLICK = Pattern.compile("href=\"(http[^\"]*/api/v1/t/c/[^\"]+)\"");
    private static final List<String> WINDOWS = List.of("distman.tracking.machineOpenWithin",
            "distman.tracking.machineClickWithin", "distman.tracking.scannerBurst");

    @Deployment
    public static EnterpriseArchive deployment() {
        return Deployments.ear(TrackingIT.class);
    }

    @EJB
    TestModule manager;

    @EJB
    AccountService accounts;

    @EJB
    TrackingConsent trackingConsent;

    @EJB
    Fixtures fixtures;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    TestAccount account;
    String address;

    @BeforeEach
    void setUp() {
        TestMailServer.reset();
        account = fixtures.newAccount("track");
        address = Fixtures.address("reader");
    }

    @AfterEach
    void defaultWindows() {
        WINDOWS.forEach(System::clearProperty);
    }

    /** Sends a mail, and (unless said otherwise) moves its acceptance an hour back: old mail, read by a human. */
    private long send(Category category, String subject) {
        long id = manager.submit(SubmitRequest.builder().account(account.code()).raisedBy("anna").category(category)
                .sender("news@northside.example", "Northside").to(address).subject(subject).html(HTML)
                .text("New flats: " + FLATS).build()).deliveries().get(0).deliveryId();
        Dispatching.sweep();
        return id;
    }

    private String html(String subject) {
        return Mails.part(Mails.received(address, subject), "text/html");
    }

    private static String pixelUrl(String html) {
        Matcher m = PIXEL.matcher(html);
        assertTrue(m.find(), html);
        return m.group(1);
    }

    private static List<String> clickUrls(String html) {
        List<String> urls = new ArrayList<>();
        Matcher m = CLICK.matcher(html);
        while (m.find()) {
            urls.add(m.group(1));
        }
        return urls;
    }

    private HttpResponse<byte[]> call(String method, String url, String userAgent, String language) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).method(method, HttpRequest.BodyPublishers.noBody());
        if (userAgent != null) {
            request.header("User-Agent", userAgent);
        }
        if (language != null) {
            request.header("Accept-Language", language);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpResponse<byte[]> human(String url) throws Exception {
        return call("GET", url, BROWSER, "en-GB,en;q=0.8");
    }

    private List<DeliveryEvent> events(long id, DeliveryStatus status) {
        return fixtures.events(id).stream().filter(e -> e.getStatus() == status).toList();
    }

    private static String replaceLast(String url, String segment) {
        return url.substring(0, url.lastIndexOf('/') + 1) + segment;
    }

    @Test
    void bulkMailIsTrackedAndOnlyHumansCount() throws Exception {
        long id = send(Category.BULK, "Newsletter");
        String html = html("Newsletter");
        String pixel = pixelUrl(html);
        List<String> clicks = clickUrls(html);
        assertEquals(2, clicks.size(), html);
        assertTrue(clicks.get(0).endsWith("/0") && clicks.get(1).endsWith("/1"), clicks.toString());
        assertTrue(html.contains("href=\"mailto:office@northside.example\""), "mailto stays");
        assertTrue(html.contains("href=\"https://northside.example/unsubscribe?list=news\""), "the unsubscribe link stays");
        assertTrue(html.indexOf(pixel) < html.indexOf("</body>") && html.indexOf(pixel) > html.indexOf("Unsubscribe</a>"), html);
        assertEquals("New flats: " + FLATS, Mails.part(Mails.received(address, "Newsletter"), "text/plain").strip(),
                "the text part is not rewritten");
        fixtures.acceptedAt(id, Instant.now().minus(Duration.ofHours(1)));

        HttpResponse<byte[]> proxied = call("GET", pixel, GOOGLE, null);
        assertEquals(200, proxied.statusCode());
        assertEquals("image/gif", proxied.headers().firstValue("Content-Type").orElseThrow());
        assertEquals(43, proxied.body().length);
        assertTrue(proxied.headers().firstValue("Cache-Control").orElseThrow().contains("no-store"));
        assertEquals(DeliveryStatus.ACCEPTED, fixtures.delivery(id).getStatus(), "a proxy's open does not count");
        DeliveryEvent machine = events(id, DeliveryStatus.OPENED).get(0);
        assertTrue(machine.isMachine());
        assertTrue(machine.getDiagnostic().contains("Google image proxy"), machine.getDiagnostic());

        assertEquals(200, human(pixel).statusCode());
        assertEquals(DeliveryStatus.OPENED, fixtures.delivery(id).getStatus());

        HttpResponse<byte[]> checked = call("HEAD", clicks.get(0), BROWSER, "en");
        assertEquals(302, checked.statusCode(), "a link checker still gets its answer");
        assertEquals(FLATS, checked.headers().firstValue("Location").orElseThrow());
        assertEquals(DeliveryStatus.OPENED, fixtures.delivery(id).getStatus(), "a HEAD request is no click");
        assertTrue(events(id, DeliveryStatus.CLICKED).get(0).getDiagnostic().contains("HEAD request"));

        HttpResponse<byte[]> click = human(clicks.get(0));
        assertEquals(302, click.statusCode());
        assertEquals(FLATS, click.headers().firstValue("Location").orElseThrow());
        assertEquals(DeliveryStatus.CLICKED, fixtures.delivery(id).getStatus());
        List<DeliveryEvent> clicked = events(id, DeliveryStatus.CLICKED);
        assertEquals(2, clicked.size());
        assertEquals(1, clicked.stream().filter(e -> !e.isMachine()).count());
        assertTrue(clicked.stream().allMatch(e -> "CLICK".equals(e.getSource()) && e.getPayloadRef().startsWith("link:0 ")));
    }

    @Test
    void forgedAndTamperedLinksRecordNothingAndRedirectNowhere() throws Exception {
        long id = send(Category.BULK, "Offers");
        String html = html("Offers");
        String pixel = pixelUrl(html);
        String click = clickUrls(html).get(1);
        String token = click.split("/")[click.split("/").length - 2];
        String tampered = (token.charAt(0) == 'A' ? 'B' : 'A') + token.substring(1);
        fixtures.acceptedAt(id, Instant.now().minus(Duration.ofHours(1)));

        HttpResponse<byte[]> forgedPixel = human(replaceLast(pixel, tampered));
        assertEquals(200, forgedPixel.statusCode(), "the pixel answers alike, whatever the token");
        assertEquals(43, forgedPixel.body().length);
        assertEquals(404, human(click.replace(token, tampered)).statusCode());
        assertEquals(404, human(replaceLast(click, "2")).statusCode(), "the message has two tracked links");
        assertEquals(404, human(replaceLast(click, "-1")).statusCode());
        assertEquals(404, human(replaceLast(click, "x")).statusCode());
        String openToken = pixel.substring(pixel.lastIndexOf('/') + 1);
        HttpResponse<byte[]> misused = human(click.replace(token, openToken));
        assertEquals(404, misused.statusCode(), "an open token is no click token");
        assertFalse(misused.headers().firstValue("Location").isPresent());
        assertEquals(0, events(id, DeliveryStatus.OPENED).size() + events(id, DeliveryStatus.CLICKED).size());
        assertEquals(DeliveryStatus.ACCEPTED, fixtures.delivery(id).getStatus());

        assertEquals(VIEWING, human(click).headers().firstValue("Location").orElseThrow(), "the real link still works");
    }

    @Test
    void eventsSoonAfterDeliveryAndLinkBurstsAreMachines() throws Exception {
        long id = send(Category.BULK, "Soon");
        String html = html("Soon");
        // However long the test took since sending, it is "soon": the windows are an hour wide.
        System.setProperty("distman.tracking.machineOpenWithin", "PT1H");
        System.setProperty("distman.tracking.machineClickWithin", "PT1H");
        human(pixelUrl(html));
        human(clickUrls(html).get(0));
        assertEquals(DeliveryStatus.ACCEPTED, fixtures.delivery(id).getStatus());
        assertTrue(events(id, DeliveryStatus.OPENED).get(0).getDiagnostic().contains("after delivery"));
        assertTrue(events(id, DeliveryStatus.CLICKED).get(0).getDiagnostic().contains("after delivery"));

        defaultWindows();
        System.setProperty("distman.tracking.scannerBurst", "PT1H"); // "at once", however slow the machine
        fixtures.acceptedAt(id, Instant.now().minus(Duration.ofHours(1)));
        assertEquals(302, human(clickUrls(html).get(0)).statusCode());
        assertEquals(DeliveryStatus.CLICKED, fixtures.delivery(id).getStatus(), "same link again: a reader");
        assertEquals(302, human(clickUrls(html).get(1)).statusCode());
        DeliveryEvent scanned = events(id, DeliveryStatus.CLICKED).stream()
                .filter(e -> e.getPayloadRef().startsWith("link:1 ")).findFirst().orElseThrow();
        assertTrue(scanned.isMachine());
        assertTrue(scanned.getDiagnostic().contains("link scanner"), scanned.getDiagnostic());
    }

    @Test
    void transactionalMailAndAccountsWithoutConsentAreNotTracked() throws Exception {
        send(Category.TRANSACTIONAL, "Your ticket");
        String receipt = html("Your ticket");
        assertFalse(receipt.contains("/api/v1/t/"), receipt);
        assertTrue(receipt.contains("href=\"https://northside.example/flats?area=north&amp;rooms=2\""), receipt);

        send(Category.ESSENTIAL, "Rent demand");
        String demand = html("Rent demand");
        assertNotNull(pixelUrl(demand), "a demand's opening is tracked by default");
        assertTrue(clickUrls(demand).isEmpty(), "its links are not rewritten by default: " + demand);

        trackingConsent.setTracking(account.id(), Category.BULK, TrackingChoice.NONE);
        assertEquals(TrackingChoice.NONE, trackingConsent.tracking(account.id(), Category.BULK));
        send(Category.BULK, "Untracked newsletter");
        String untracked = html("Untracked newsletter");
        assertFalse(untracked.contains("/api/v1/t/"), untracked);
        assertTrue(untracked.contains("href=\"" + VIEWING + "\""), untracked);

        trackingConsent.setTracking(account.id(), Category.BULK, new TrackingChoice(false, true));
        send(Category.BULK, "Clicks only");
        String clicksOnly = html("Clicks only");
        assertFalse(PIXEL.matcher(clicksOnly).find(), clicksOnly);
        assertEquals(2, clickUrls(clicksOnly).size(), clicksOnly);
    }
}
