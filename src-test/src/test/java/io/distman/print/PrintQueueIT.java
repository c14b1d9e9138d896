package io.distman.print;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.distman.testsupport.Deployments;
import io.distman.testsupport.TestEnvironment;
import io.distman.testsupport.browser.TestData;
import io.distman.testsupport.browser.TestData.Account;
import io.distman.testsupport.contract.ApiContract;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.PDFTextStripperByArea;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The print queue through its REST API, as a back office would use it: letters submitted with a postal address and
 * no email, and one whose email failed for good, are queued; the merged PDF is read back with PDFBox (page count,
 * each letter's address inside the DIN 5008 form B window, the attachment's pages); marking printed puts PRINTED in
 * the timeline, and printing again says so; another account's key can neither list, print, mark nor remove them.
 */
@ExtendWith(ArquillianExtension.class)
public class PrintQueueIT {

    private static final TestData data = new TestData(toUrl(TestEnvironment.baseUrl()));
    private static final float MM = 72f / 25.4f;

    @Deployment(testable = false)
    public static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    /** Each delivery's message, from its receipt: GET /messages/{id} shows the timeline. */
    final Map<Long, Long> messages = new java.util.HashMap<>();
    Account northside;
    Account harbour;
    String tag;
    /** Northside: no email + address + three attachments; failed for good + address; no email, no address; pending + address. */
    long noEmail;
    long failed;
    long nowhere;
    long pending;
    /** Harbour's letter: no email + address. */
    long foreign;

    @BeforeEach
    void letters() throws Exception {
        northside = data.newAccount("print-a");
        harbour = data.newAccount("print-b");
        tag = UUID.randomUUID().toString().substring(0, 8);
        noEmail = submit(northside, null, address("Ms Olivia Brown", "12 Harbour Street", "AB1 2CD", "Northtown"),
                "Rent demand 4711 " + tag, attachments());
        failed = submit(northside, "jack." + tag + "@tenant.example.org", address("Mr Jack Smith", "1 Quay Road", "AB1 9XY", "Northtown"),
                "Rent demand 4712 " + tag, "[]");
        data.report(failed, "FAILED", Map.of("smtpCode", "550", "enhancedCode", "5.1.1", "diagnostic", "550 5.1.1 no such user"));
        nowhere = submit(northside, null, null, "Rent demand 4713 " + tag, "[]");
        pending = submit(northside, "mia." + tag + "@tenant.example.org", address("Ms Mia Jones", "3 Dock Lane", "AB1 3EF", "Northtown"),
                "Rent demand 4714 " + tag, "[]");
        foreign = submit(harbour, null, address("Mr Harbour Tenant", "9 Pier Road", "ZZ9 9ZZ", "Southport"),
                "Harbour letter " + tag, "[]");
    }

    @Test
    void lettersAreQueuedPrintedAsOnePdfAndMarkedPrinted() throws Exception {
        JsonObject queued = post(northside, "print-queue", ids(noEmail, failed, nowhere, pending, foreign), 200).asJsonObject();
        assertEquals(List.of(noEmail, failed), longs(queued.getJsonArray("done")));
        Map<Long, String> refused = refusals(queued);
        assertEquals("no postal address", refused.get(nowhere));
        assertTrue(refused.get(pending).startsWith("not printable"), refused.toString());
        assertEquals("not found", refused.get(foreign), "another account's delivery is unknown");
        assertEquals("already in the print queue", refusals(post(northside, "print-queue", ids(noEmail), 200).asJsonObject()).get(noEmail));

        JsonObject list = get(northside, "print-queue");
        assertEquals(2, list.getInt("count"));
        assertEquals(List.of(noEmail, failed), list.getJsonArray("letters").stream()
                .map(l -> l.asJsonObject().getJsonNumber("deliveryId").longValue()).toList());

        HttpResponse<byte[]> response = pdf(northside, ids(noEmail, failed));
        assertEquals(200, response.statusCode());
        assertEquals("application/pdf", response.headers().firstValue("Content-Type").orElse(""));
        try (PDDocument pdf = Loader.loadPDF(response.body())) {
            // letter 1: its page, the PNG's page, the attached statement's two pages; letter 2: its page
            assertEquals(5, pdf.getNumberOfPages());
            String first = window(pdf, 0);
            assertTrue(first.contains("Ms Olivia Brown") && first.contains("12 Harbour Street") && first.contains("AB1 2CD Northtown"), first);
            assertTrue(first.contains("lettings@northside.example"), "the return line: " + first);
            String second = window(pdf, 4);
            assertTrue(second.contains("Mr Jack Smith") && second.contains("AB1 9XY Northtown"), second);
            String statement = text(pdf, 3, 4);
            assertTrue(statement.contains("Statement page 1") && statement.contains("Statement page 2"), statement);
            String body = text(pdf, 1, 1);
            assertTrue(body.contains("Rent demand 4711 " + tag) && body.contains("Please pay by Friday."), body);
            assertTrue(body.contains("lease.docx (not printed"), body);
        }

        JsonObject postal = delivery(northside, noEmail).getJsonObject("postalAddress");
        assertEquals("Northtown", postal.getString("town"), "GET /messages/{id} shows the postal address: " + postal);
        assertEquals("12 Harbour Street", postal.getJsonArray("streetLines").getString(0));

        JsonObject marked = post(northside, "print-queue/printed", ids(noEmail, failed), 200).asJsonObject();
        assertEquals(List.of(noEmail, failed), longs(marked.getJsonArray("done")));
        JsonObject printed = lastEvent(northside, noEmail);
        assertEquals("PRINTED", printed.getString("status"));
        assertEquals("PRINT", printed.getString("source"));
        assertTrue(printed.getString("diagnostic").startsWith("printed as a letter by API key"), printed.toString());
        assertEquals("PRINTED", delivery(northside, failed).getString("status"), "printed beats failed");
        assertEquals(0, get(northside, "print-queue").getInt("count"));
        assertEquals(2, get(northside, "print-queue?printed=true").getInt("count"));

        // Printed again (a jammed printer): a second event, the status stays PRINTED.
        assertEquals(200, pdf(northside, ids(noEmail)).statusCode());
        post(northside, "print-queue/printed", ids(noEmail), 200);
        assertTrue(lastEvent(northside, noEmail).getString("diagnostic").startsWith("printed again (print 2) by "));
        assertEquals("already printed", refusals(post(northside, "print-queue/remove", ids(noEmail), 200).asJsonObject()).get(noEmail));
        assertEquals("already printed", refusals(post(northside, "print-queue", ids(noEmail), 200).asJsonObject()).get(noEmail));
    }

    @Test
    void anotherAccountCanNeitherListPrintMarkNorRemoveTheLetters() throws Exception {
        post(northside, "print-queue", ids(noEmail, failed), 200);
        assertEquals(0, get(harbour, "print-queue").getInt("count"));
        HttpResponse<byte[]> refused = pdf(harbour, ids(noEmail));
        assertEquals(400, refused.statusCode());
        String error = new String(refused.body(), StandardCharsets.UTF_8);
        assertTrue(error.contains("deliveryIds") && error.contains("not in the print queue: " + noEmail), error);
        assertEquals("not in the print queue", refusals(post(harbour, "print-queue/printed", ids(noEmail), 200).asJsonObject()).get(noEmail));
        assertEquals("not in the print queue", refusals(post(harbour, "print-queue/remove", ids(noEmail), 200).asJsonObject()).get(noEmail));
        assertEquals("EMAIL_MISSING", delivery(northside, noEmail).getString("status"), "untouched");
        // A mixed selection is refused whole, before a byte of PDF.
        post(harbour, "print-queue", ids(foreign), 200);
        assertEquals(400, pdf(northside, ids(noEmail, foreign)).statusCode());

        // Removing an unprinted letter: it leaves the queue and stays as it was.
        assertEquals(List.of(failed), longs(post(northside, "print-queue/remove", ids(failed), 200).asJsonObject().getJsonArray("done")));
        assertEquals(1, get(northside, "print-queue").getInt("count"));
        assertEquals("FAILED", delivery(northside, failed).getString("status"));
    }

    @Test
    void aSelectionIsBoundedAndAPostalAddressIsValidatedByField() throws Exception {
        String tooMany = ids(LongStream.rangeClosed(1, 501).toArray());
        String error = new String(pdf(northside, tooMany).body(), StandardCharsets.UTF_8);
        assertTrue(error.contains("at most 500 letters"), error);
        assertTrue(new String(pdf(northside, ids()).body(), StandardCharsets.UTF_8).contains("no letters selected"));

        HttpResponse<String> rejected = submitRaw(northside, null, """
                {"nameLines":["Ms Olivia Brown"],"streetLines":["12 Harbour Street"],"postcode":"%s","town":""}"""
                .formatted("X".repeat(17)), "Bad address", "[]", false);
        assertEquals(400, rejected.statusCode());
        assertTrue(rejected.body().contains("to[0].postalAddress.postcode") && rejected.body().contains("to[0].postalAddress.town"),
                rejected.body());
        HttpResponse<String> lines = submitRaw(northside, null, """
                {"streetLines":["a","b","c","d"],"town":"Northtown"}""", "Bad address", "[]", false);
        assertTrue(lines.body().contains("to[0].postalAddress.streetLines"), lines.body());
    }

    // --- the REST API, with each account's own key

    private static String address(String name, String street, String postcode, String town) {
        return Json.createObjectBuilder().add("nameLines", Json.createArrayBuilder().add(name))
                .add("streetLines", Json.createArrayBuilder().add(street)).add("postcode", postcode).add("town", town)
                .build().toString();
    }

    private long submit(Account account, String email, String postalAddress, String subject, String attachments) {
        HttpResponse<String> response = submitRaw(account, email, postalAddress, subject, attachments);
        assertTrue(response.statusCode() == 201, response.body());
        JsonObject receipt = Json.createReader(new StringReader(response.body())).readObject();
        long deliveryId = receipt.getJsonArray("deliveries").getJsonObject(0).getJsonNumber("deliveryId").longValue();
        messages.put(deliveryId, receipt.getJsonNumber("messageId").longValue());
        return deliveryId;
    }

    private static HttpResponse<String> submitRaw(Account account, String email, String postalAddress, String subject,
                                                  String attachments) {
        return submitRaw(account, email, postalAddress, subject, attachments, true);
    }

    /** @param valid false for a request wrong on purpose: then only the answer is checked against the document */
    private static HttpResponse<String> submitRaw(Account account, String email, String postalAddress, String subject,
                                                  String attachments, boolean valid) {
        String to = "{" + (email == null ? "" : "\"address\":\"" + email + "\",") + "\"name\":\"Tenant\""
                + (postalAddress == null ? "" : ",\"postalAddress\":" + postalAddress) + "}";
        String json = """
                {"raisedBy":"anna","sourceModule":"demand","sourceRef":"4711","category":"ESSENTIAL",
                 "sender":{"address":"lettings@northside.example","name":"Northside Lettings"},"to":[%s],
                 "subject":"%s","textBody":"Dear tenant,\\n\\nPlease pay by Friday.","attachments":%s}"""
                .formatted(to, subject, attachments);
        String key = ApiContract.bearer(account.apiKey());
        return valid ? contract().call("POST", "messages", key, json)
                : contract().refused("POST", "messages", key, "application/json", json);
    }

    /** Every JSON request and answer is also checked against the served OpenAPI document. */
    private static JsonValue post(Account account, String path, String body, int status) {
        HttpResponse<String> response = contract().call("POST", path, ApiContract.bearer(account.apiKey()), body);
        assertEquals(status, response.statusCode(), response.body());
        return Json.createReader(new StringReader(response.body())).readValue();
    }

    private static JsonObject get(Account account, String path) {
        String[] parts = path.split("\\?", 2);
        Map<String, String> query = parts.length == 1 ? Map.of() : Map.of(parts[1].split("=")[0], parts[1].split("=")[1]);
        HttpResponse<String> response = contract().call("GET", parts[0], query, ApiContract.bearer(account.apiKey()));
        assertEquals(200, response.statusCode(), response.body());
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    private static ApiContract contract;

    private static synchronized ApiContract contract() {
        if (contract == null) {
            contract = ApiContract.of(TestEnvironment.baseUrl());
        }
        return contract;
    }

    private static HttpResponse<byte[]> pdf(Account account, String body) {
        return send(HttpRequest.newBuilder(TestEnvironment.url("api/v1/print-queue/pdf"))
                .header("Authorization", "Bearer " + account.apiKey()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** The delivery as GET /messages/{id} shows it. */
    private JsonObject delivery(Account account, long deliveryId) {
        JsonObject view = get(account, "messages/" + messages.get(deliveryId));
        return view.getJsonArray("deliveries").stream().map(JsonValue::asJsonObject)
                .filter(d -> d.getJsonNumber("id").longValue() == deliveryId).findFirst().orElseThrow();
    }

    private JsonObject lastEvent(Account account, long deliveryId) {
        JsonArray timeline = delivery(account, deliveryId).getJsonArray("timeline");
        return timeline.getJsonObject(timeline.size() - 1);
    }

    private static String window(PDDocument pdf, int page) throws IOException {
        PDFTextStripperByArea stripper = new PDFTextStripperByArea();
        // DIN 5008 form B: the address field, 20 mm from the left, 45 mm from the top, 85 x 45 mm
        stripper.addRegion("window", new Rectangle2D.Float(20 * MM, 45 * MM, 85 * MM, 45 * MM));
        stripper.extractRegions(pdf.getPage(page));
        return stripper.getTextForRegion("window");
    }

    private static String text(PDDocument pdf, int from, int to) throws IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setStartPage(from);
        stripper.setEndPage(to);
        return stripper.getText(pdf);
    }

    private static String ids(long... ids) {
        return "{\"deliveryIds\":[" + LongStream.of(ids).mapToObj(String::valueOf).collect(Collectors.joining(",")) + "]}";
    }

    private static List<Long> longs(JsonArray array) {
        return array.stream().map(v -> ((jakarta.json.JsonNumber) v).longValue()).toList();
    }

    private static Map<Long, String> refusals(JsonObject outcome) {
        return outcome.getJsonArray("refused").stream().map(JsonValue::asJsonObject)
                .collect(Collectors.toMap(r -> r.getJsonNumber("deliveryId").longValue(), r -> r.getString("reason")));
    }

    private static String attachments() throws IOException {
        return Json.createArrayBuilder()
                .add(attachment("statement.pdf", "application/pdf", statement()))
                .add(attachment("plan.png", "image/png", png()))
                .add(attachment("lease.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                        "not a real document".getBytes(StandardCharsets.UTF_8)))
                .build().toString();
    }

    private static JsonObject attachment(String name, String type, byte[] content) {
        return Json.createObjectBuilder().add("filename", name).add("contentType", type)
                .add("content", Base64.getEncoder().encodeToString(content)).build();
    }

    /** A two-page PDF, "Statement page 1" and "Statement page 2". */
    static byte[] statement() throws IOException {
        try (PDDocument document = new PDDocument()) {
            for (int i = 1; i <= 2; i++) {
                PDPage page = new PDPage();
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    content.beginText();
                    content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 14);
                    content.newLineAtOffset(72, 700);
                    content.showText("Statement page " + i);
                    content.endText();
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        }
    }

    static byte[] png() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(60, 40, BufferedImage.TYPE_INT_RGB), "png", out);
        return out.toByteArray();
    }

    private static <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> body) {
        try {
            return HttpClient.newHttpClient().send(request, body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static java.net.URL toUrl(String url) {
        try {
            return URI.create(url).toURL();
        } catch (java.net.MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }
}
