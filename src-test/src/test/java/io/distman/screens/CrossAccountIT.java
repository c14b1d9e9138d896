package io.distman.screens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.distman.testsupport.browser.Browser;
import io.distman.testsupport.browser.ScreenTest;
import io.distman.testsupport.browser.TestData.Account;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Agency A's mail through every path a signed-in user or a back-office module has — the screens (Audit, Queue,
 * History, Notifications, Workbench, Monthly counts, View and its frame and attachment), both exports and the REST
 * API — once as A's own agent, who must see it (so a broken fixture cannot pass for isolation), and once as an agent
 * (and with the API key) of agency B, who must get nothing: no row, no text, a 404.
 */
public class CrossAccountIT extends ScreenTest {

    static final byte[] PDF = "%PDF-1.4 cross-account test".getBytes(StandardCharsets.US_ASCII);

    static Account agencyA;
    static Account agencyB;
    static String agentA;
    static String agentB;
    static String tag;
    static String subject;
    static long failed;
    static long failedMessage;
    static long queued;

    /** A's agent raises two emails: one that fails (audit, history, a notification) and one still queued or just sent. */
    @BeforeAll
    static void mail() throws Exception {
        agencyA = newAccount("xacct-a");
        agencyB = newAccount("xacct-b");
        agentA = newAgent(agencyA);
        agentB = newAgent(agencyB);
        tag = UUID.randomUUID().toString().substring(0, 8);
        subject = "Cross-account " + tag;
        var receipt = data.submit(agencyA, json("tenant-" + tag + "-1@tenant.example.org"));
        failedMessage = receipt.getJsonNumber("messageId").longValue();
        failed = receipt.getJsonArray("deliveries").getJsonObject(0).getJsonNumber("deliveryId").longValue();
        data.report(failed, "FAILED", Map.of("smtpCode", "550", "diagnostic", "user unknown"));
        queued = data.submit(agencyA, json("tenant-" + tag + "-2@tenant.example.org"))
                .getJsonArray("deliveries").getJsonObject(0).getJsonNumber("deliveryId").longValue();
    }

    private static String json(String to) {
        return """
                {"raisedBy":"%s","sourceModule":"demand","sourceRef":"4711","category":"ESSENTIAL",
                 "sender":{"address":"lettings@a.example"},"to":[{"address":"%s"}],
                 "subject":"%s","textBody":"Please pay.","htmlBody":"<p>Please pay %s.</p>",
                 "attachments":[{"filename":"demand.pdf","contentType":"application/pdf","content":"%s"}]}"""
                .formatted(agentA, to, subject, tag, Base64.getEncoder().encodeToString(PDF));
    }

    @Test
    void agencyAsOwnAgentSeesItsMailEverywhere() throws Exception {
        String cookie = signIn(agentA);
        assertTrue(page("app/audit.xhtml?status=FAILED&address=" + tag, cookie).contains(subject));
        assertTrue(page("app/queue.xhtml", cookie).contains(subject) || page("app/history.xhtml", cookie).contains(subject));
        assertTrue(page("app/history.xhtml?status=FAILED", cookie).contains(subject));
        assertTrue(page("app/notifications.xhtml", cookie).contains(subject));
        assertEquals(200, get("app/view.xhtml?id=" + failed, cookie).statusCode());
        assertTrue(get("app/content/" + failed, cookie).body().contains("Please pay " + tag));
        assertEquals(200, get("app/attachment/" + failed + "/0", cookie).statusCode());
        assertEquals(1, xlsxRows("app/export/audit.xlsx?status=FAILED&address=" + tag, cookie));
        assertTrue(pdfText("app/export/audit.pdf?status=FAILED&address=" + tag, cookie).contains(tag));
        assertEquals(200, api("GET", "api/v1/messages/" + failedMessage, agencyA).statusCode());
    }

    @Test
    void anotherAgencysAgentGetsNothingThroughAnyPath() throws Exception {
        String cookie = signIn(agentB);
        for (String path : new String[] {"app/audit.xhtml?status=FAILED&status=PENDING&address=" + tag,
                "app/audit.xhtml?from=2000-01-01&to=2100-01-01", "app/queue.xhtml", "app/history.xhtml",
                "app/history.xhtml?status=FAILED", "app/notifications.xhtml", "app/workbench.xhtml",
                "app/reports/monthly.xhtml", "app/index.xhtml"}) {
            String body = page(path, cookie);
            assertFalse(body.contains(subject), path + " shows agency A's subject");
            assertFalse(body.contains("tenant-" + tag), path + " shows agency A's recipient");
        }
        for (long delivery : new long[] {failed, queued}) {
            HttpResponse<String> view = get("app/view.xhtml?id=" + delivery, cookie);
            assertEquals(404, view.statusCode());
            assertFalse(view.body().contains(subject));
            HttpResponse<String> content = get("app/content/" + delivery, cookie);
            assertEquals(404, content.statusCode());
            assertFalse(content.body().contains("Please pay"));
            assertEquals(404, get("app/attachment/" + delivery + "/0", cookie).statusCode());
        }
        assertEquals(0, xlsxRows("app/export/audit.xlsx?status=FAILED&address=" + tag, cookie));
        assertEquals(0, xlsxRows("app/export/audit.xlsx?from=2000-01-01&to=2100-01-01", cookie));
        assertFalse(pdfText("app/export/audit.pdf?from=2000-01-01&to=2100-01-01", cookie).contains(tag));

        // The REST API: B's key cannot read, cancel or resend A's mail, and learns nothing from the answer.
        HttpResponse<String> message = api("GET", "api/v1/messages/" + failedMessage, agencyB);
        assertEquals(404, message.statusCode());
        assertFalse(message.body().contains(subject));
        assertEquals(404, api("POST", "api/v1/deliveries/" + queued + "/cancel", agencyB).statusCode());
        assertEquals(404, api("POST", "api/v1/deliveries/" + failed + "/resend", agencyB).statusCode());
        assertTrue(page("app/audit.xhtml?status=PENDING&status=CANCELLED&address=" + tag, signIn(agentA)).contains(subject),
                "A's queued mail is still there for A");
    }

    private static String signIn(String username) throws Exception {
        try (Browser browser = signedIn(username)) {
            assertFalse(browser.currentUrl().contains("login.xhtml"), "signed in as " + username);
            return "JSESSIONID=" + browser.driver().manage().getCookieNamed("JSESSIONID").getValue();
        }
    }

    /** A screen as the signed-in user gets it: always 200 (a page of one's own account, maybe empty). */
    private static String page(String path, String cookie) throws Exception {
        HttpResponse<String> response = get(path, cookie);
        assertEquals(200, response.statusCode(), path);
        assertFalse(response.body().contains("login:username"), path + " asked to sign in again");
        return response.body();
    }

    private static HttpResponse<String> get(String path, String cookie) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(BASE + path)).header("Cookie", cookie)
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static byte[] download(String path, String cookie) throws Exception {
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(BASE + path))
                .header("Cookie", cookie).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, response.statusCode(), path);
        return response.body();
    }

    /** Data rows of the exported workbook (the header row not counted). */
    private static int xlsxRows(String path, String cookie) throws Exception {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(download(path, cookie)))) {
            return workbook.getSheetAt(0).getLastRowNum();
        }
    }

    private static String pdfText(String path, String cookie) throws Exception {
        try (PDDocument document = Loader.loadPDF(download(path, cookie))) {
            return new PDFTextStripper().getText(document);
        }
    }

    private static HttpResponse<String> api(String method, String path, Account account) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(BASE + path))
                .header("Authorization", "Bearer " + account.apiKey()).header("Content-Type", "application/json")
                .method(method, method.equals("GET") ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
    }
}
