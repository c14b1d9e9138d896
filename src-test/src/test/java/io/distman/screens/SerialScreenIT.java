package io.distman.screens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.distman.directory.control.DemoDirectory;
import io.distman.directory.entity.Contact;
import io.distman.directory.entity.ContactFilter;
import io.distman.testsupport.browser.Browser;
import io.distman.testsupport.browser.ScreenTest;
import io.distman.testsupport.browser.TestData.Account;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Serial mail as an agent uses it: writes a letter with merge fields, wraps it as HTML, saves it as a template,
 * counts a block's contacts (with the reasons, and the warning when newsletter sending is off), previews a contact
 * who lacks a merge field, sends, watches the mailing's progress, reads its results and cancels what has not gone;
 * and writes their own signature, attaches files (one refused, one removed) and sends a mail that arrives with the
 * file and the signature.
 * Screenshots for the README.
 */
public class SerialScreenIT extends ScreenTest {

    /** The sender is one of the account's verified identities (a domain, with the name typed before it), not typed. */
    private static void chooseSender(Browser browser, String name, String domain) {
        browser.type(By.id("tabs:compose:senderLocalPart"), name);
        browser.click(By.id("tabs:compose:senderIdentity"));
        browser.click(By.cssSelector("#tabs\\:compose\\:senderIdentity_items li[data-label='@" + domain + "']"));
    }

    @Test
    void composeCountPreviewSendWatchAndCancel() throws Exception {
        Account account = newAccount("serial-screen");
        String token = UUID.randomUUID().toString().substring(0, 6);
        try (Browser browser = signedIn(newAgent(account))) {
            browser.go("app/serial.xhtml");
            browser.type(By.id("tabs:compose:templateName"), "Lift service " + token);
            browser.type(By.id("tabs:compose:subject"), "Lift service in block {{ block }} " + token);
            browser.type(By.id("tabs:compose:textBody"), "{{ salutation }},\nthe lift of {{ unit }} is serviced on Monday."
                    + "\n\n{% if parkingSpace %}Your parking space {{ parkingSpace }} stays open.{% endif %}");
            browser.click(By.id("tabs:compose:formatHtml"));
            browser.waitUntil(d -> d.findElement(By.id("tabs:compose:htmlBody")).getAttribute("value").contains("<p>{{ salutation }},<br>"));
            browser.click(By.id("tabs:compose:saveTemplate"));
            browser.waitUntil(d -> d.findElement(By.id("tabs:compose:messages")).getText().contains("saved"));
            chooseSender(browser, "letters", "northside.example");
            browser.type(By.id("tabs:compose:block"), "A");

            browser.click(By.id("tabs:compose:count"));
            browser.waitUntil(d -> d.findElement(By.id("tabs:compose:countPanel")).getText().contains("will get mail"));
            String count = browser.find(By.id("tabs:compose:countPanel")).getText();
            assertTrue(count.contains("60 selected") && count.contains("OPTED_OUT") && count.contains("NOT_NEWSLETTER"), count);
            browser.click(By.cssSelector("#tabs\\:compose\\:newsletterOnly .ui-chkbox-box"));
            browser.click(By.id("tabs:compose:count"));
            browser.waitUntil(d -> d.findElement(By.id("tabs:compose:countPanel")).getText().contains("Newsletter sending is off"));
            browser.click(By.cssSelector("#tabs\\:compose\\:newsletterOnly .ui-chkbox-box")); // back on
            // The count shown answered for newsletter sending off: it goes, and counting again answers for "on".
            browser.waitUntil(d -> !d.findElement(By.id("tabs:compose:countPanel")).getText().contains("will get mail"));
            browser.click(By.id("tabs:compose:count"));
            browser.waitUntil(d -> d.findElement(By.id("tabs:compose:countPanel")).getText().contains("will get mail"));
            assertFalse(browser.find(By.id("tabs:compose:countPanel")).getText().contains("Newsletter sending is off"));

            browser.type(By.id("tabs:compose:previewContact_input"), "5");
            browser.click(By.id("tabs:compose:preview"));
            browser.waitUntil(d -> d.findElement(By.id("tabs:compose:previewPanel")).getText().contains("Missing merge fields"));
            String preview = browser.find(By.id("tabs:compose:previewPanel")).getText();
            assertTrue(preview.contains("parkingSpace") && preview.contains("A-105"), preview);
            browser.screenshot("serial-compose");

            // tomorrow: the mailing stays queued for the cancel below, whatever the dispatch timer does meanwhile
            browser.type(By.id("tabs:compose:sendAt_input"), java.time.LocalDateTime.now().plusDays(1)
                    .format(java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm")));
            browser.click(By.id("tabs:compose:send"));
            browser.click(By.cssSelector(".ui-confirmdialog-yes"));
            browser.waitUntil(d -> d.findElement(By.id("tabs:compose:messages")).getText().contains("created"));

            browser.click(By.xpath("//a[normalize-space()='Mailings']"));
            browser.waitUntil(d -> d.findElement(By.id("tabs:mailingsForm:mailings")).getText().contains("CREATED"));
            String row = browser.find(By.id("tabs:mailingsForm:mailings")).getText();
            assertTrue(row.contains("of 60"), row);
            browser.click(By.cssSelector("[id$=':results']"));
            browser.waitUntil(d -> d.findElement(By.id("tabs:mailingsForm:resultRows")).getText().contains("OPTED_OUT"));
            browser.screenshot("serial-mailings");

            browser.click(By.cssSelector("[id$=':cancel']"));
            browser.click(By.cssSelector(".ui-confirmdialog-yes"));
            browser.waitUntil(d -> d.findElement(By.id("tabs:mailingsForm:mailings")).getText().contains("CANCELLED"));
        }
    }

    /**
     * A serial mail is marked as such where agents look: the Email Audit (with its "serial mail only" filter), History
     * and the View carry a "Serial" badge that opens the mailing's results. The sender drop-down offers only the
     * account's verified identities, and one not chosen is refused naming the field.
     */
    @Test
    void serialMailIsMarkedInTheAuditHistoryAndViewAndLinksToItsMailing() throws Exception {
        Account account = newAccount("serial-marks");
        String token = UUID.randomUUID().toString().substring(0, 6);
        String plain = "Plain notice " + token;
        data.submitOne(account, """
                {"raisedBy":"anna","category":"BULK","sender":{"address":"letters@northside.example"},
                 "to":[{"address":"plain.%s@tenant.example.org"}],"subject":"%s","textBody":"Hello."}""".formatted(token, plain));
        try (Browser browser = signedIn(newAgent(account))) {
            browser.go("app/serial.xhtml");
            browser.type(By.id("tabs:compose:subject"), "Marked " + token);
            browser.type(By.id("tabs:compose:textBody"), "{{ salutation }},\nthe bins move to Tuesday.");
            browser.type(By.id("tabs:compose:block"), "B");
            browser.click(By.id("tabs:compose:role"));
            browser.click(By.cssSelector("#tabs\\:compose\\:role_items li[data-label='OWNER']"));
            // the menu's hidden <select> holds what the server offered (its list items are made when it opens)
            List<String> offered = browser.findAll(By.cssSelector("#tabs\\:compose\\:senderIdentity_input option"))
                    .stream().map(e -> e.getAttribute("value")).toList();
            assertTrue(offered.contains("northside.example") && offered.contains("harbour.example")
                    && !offered.contains("elsewhere.example"), offered.toString());
            browser.click(By.id("tabs:compose:send"));
            browser.click(By.cssSelector(".ui-confirmdialog-yes"));
            browser.waitUntil(d -> d.findElement(By.id("tabs:compose:messages")).getText().contains("senderAddress"));

            chooseSender(browser, "letters", "northside.example");
            browser.click(By.id("tabs:compose:send"));
            browser.click(By.cssSelector(".ui-confirmdialog-yes"));
            browser.waitUntil(d -> d.findElement(By.id("tabs:compose:messages")).getText().contains("created"));
            Matcher created = Pattern.compile("Serial mailing (\\d+) created").matcher(browser.find(By.id("tabs:compose:messages")).getText());
            assertTrue(created.find());
            String badge = "Serial " + created.group(1);
            browser.click(By.xpath("//a[normalize-space()='Mailings']"));
            browser.waitUntil(d -> d.findElement(By.id("tabs:mailingsForm:mailings")).getText().contains("CREATED"));
            data.sweep();

            browser.go("app/audit.xhtml?serial=true");
            String serialOnly = browser.find(By.id("audit:rows")).getText();
            assertTrue(serialOnly.contains(badge) && !serialOnly.contains(plain), serialOnly);
            browser.go("app/audit.xhtml");
            String all = browser.find(By.id("audit:rows")).getText();
            assertTrue(all.contains(badge) && all.contains(plain), all);

            browser.go("app/history.xhtml");
            assertTrue(browser.find(By.cssSelector(".dm-serial-badge")).getText().equals(badge));
            browser.click(By.cssSelector(".dm-serial-badge"));
            browser.waitUntil(d -> !d.findElements(By.id("tabs:mailingsForm:resultsOf")).isEmpty());
            assertTrue(browser.currentUrl().contains("serial.xhtml?mailing=" + created.group(1)), browser.currentUrl());
            assertTrue(browser.find(By.id("tabs:mailingsForm:resultsOf")).getText().endsWith(created.group(1)));

            browser.click(By.cssSelector("[id$=':view']"));
            browser.waitUntil(d -> !d.findElements(By.cssSelector("[id$=':serialMailing']")).isEmpty());
            assertTrue(browser.find(By.cssSelector("[id$=':serialMailing']")).getText().contains(badge));
        }
    }

    @Test
    void attachmentsAndTheWritersSignatureGoWithTheMail() throws Exception {
        Account account = newAccount("serial-files");
        String token = UUID.randomUUID().toString().substring(0, 6);
        Contact contact = new DemoDirectory().page(account.id(), new ContactFilter(null, "E", null, null), 0, 1000).stream()
                .filter(c -> c.hasEmail() && c.newsletter() && !c.optedOut()).findFirst().orElseThrow();
        Path dir = Files.createTempDirectory("serial-files");
        Path pdf = Files.write(dir.resolve("house rules.pdf"), ("%PDF-1.4 rules " + token).getBytes(StandardCharsets.US_ASCII));
        Path notes = Files.writeString(dir.resolve("notes.txt"), "notes " + token);
        Path exe = Files.write(dir.resolve("setup.exe"), new byte[] {'M', 'Z', 0, 1});
        try (Browser browser = signedIn(newAgent(account))) {
            browser.go("app/serial.xhtml");
            browser.click(By.xpath("//a[normalize-space()='Signature']"));
            browser.type(By.id("tabs:signatureForm:signatureText"), "Sam Screen, Northside " + token);
            browser.click(By.id("tabs:signatureForm:saveSignature"));
            browser.waitUntil(d -> d.findElement(By.id("tabs:signatureForm:messages")).getText().contains("signature is saved"));
            assertTrue(browser.find(By.id("tabs:signatureForm:signatureHtml")).getAttribute("value").contains("Sam Screen"),
                    "the HTML form is derived from the text");
            browser.screenshot("serial-signature");

            browser.click(By.xpath("//a[normalize-space()='Compose']"));
            browser.type(By.id("tabs:compose:subject"), "Files " + token);
            browser.type(By.id("tabs:compose:textBody"), "{{ salutation }},\nthe house rules are attached.");
            chooseSender(browser, "letters", "northside.example");
            browser.type(By.id("tabs:compose:block"), "E");
            By fileInput = By.cssSelector("[id='tabs:compose:upload'] input[type=file]");
            browser.driver().findElement(fileInput).sendKeys(pdf.toString());
            browser.waitUntil(d -> d.findElement(By.id("tabs:compose:attachments")).getText().contains("house rules.pdf"));
            browser.driver().findElement(fileInput).sendKeys(notes.toString());
            browser.waitUntil(d -> d.findElement(By.id("tabs:compose:attachments")).getText().contains("notes.txt"));
            browser.driver().findElement(fileInput).sendKeys(exe.toString());
            browser.waitUntil(d -> d.findElement(By.id("tabs:compose:messages")).getText().contains("contentType"));
            assertFalse(browser.find(By.id("tabs:compose:attachments")).getText().contains("setup.exe"), "refused, not listed");
            browser.click(By.cssSelector("[id='tabs:compose:attachments:1:removeAttachment']"));
            browser.waitUntil(d -> !d.findElement(By.id("tabs:compose:attachments")).getText().contains("notes.txt"));

            browser.type(By.id("tabs:compose:previewContact_input"), Long.toString(contact.id()));
            browser.click(By.id("tabs:compose:preview"));
            browser.waitUntil(d -> d.findElement(By.id("tabs:compose:previewPanel")).getText().contains("Attachments"));
            String preview = browser.find(By.id("tabs:compose:previewPanel")).getText();
            assertTrue(preview.contains("house rules.pdf") && !preview.contains("notes.txt"), preview);
            assertTrue(preview.contains("Sam Screen, Northside " + token), "signed as the mailing will be: " + preview);
            browser.screenshot("serial-attachments");

            browser.click(By.id("tabs:compose:send"));
            browser.click(By.cssSelector(".ui-confirmdialog-yes"));
            browser.waitUntil(d -> d.findElement(By.id("tabs:compose:messages")).getText().contains("created"));
            assertTrue(browser.find(By.id("tabs:compose:attachments")).getText().contains("No attachments"), "sent: cleared");
        }
        JsonObject mail = null;
        for (int i = 0; i < 40 && (mail == null || !mail.containsKey("text")); i++) {
            data.sweep();
            mail = data.mail(contact.email(), "Files " + token);
            if (!mail.containsKey("text")) {
                Thread.sleep(500);
            }
        }
        assertTrue(mail.containsKey("text"), "the mail arrived");
        assertEquals(List.of("house rules.pdf"), mail.getJsonArray("attachments").getValuesAs(JsonString::getString));
        assertTrue(mail.getString("text").replace("\r\n", "\n").endsWith("\n\n-- \nSam Screen, Northside " + token), mail.getString("text"));
    }
}
