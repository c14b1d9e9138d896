package io.distman.message;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.distman.account.entity.AccountAccessDeniedException;
import io.distman.account.entity.UserRole;
import io.distman.audit.boundary.DeliveryDetails;
import io.distman.audit.boundary.DeliveryViews;
import io.distman.message.entity.Category;
import io.distman.message.entity.DeliveryStatus;
import io.distman.message.entity.StatusChange;
import io.distman.submission.entity.AttachmentInput;
import io.distman.submission.entity.SubmitRequest;
import io.distman.testsupport.Deployments;
import io.distman.testsupport.SignedIn;
import io.distman.testsupport.ejb.AsCaller;
import io.distman.testsupport.ejb.Fixtures.TestAccount;
import io.distman.testsupport.ejb.Fixtures;
import io.distman.testsupport.ejb.TestModule;
import jakarta.ejb.EJB;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The View dialog's queries, as a signed-in agent: one account's delivery with its message, status, timeline and
 * advice, nothing of another.
 */
@ExtendWith(ArquillianExtension.class)
public class DeliveryViewsIT {

    @Deployment
    public static EnterpriseArchive deployment() {
        return Deployments.ear(DeliveryViewsIT.class);
    }

    @EJB
    TestModule manager;

    @EJB
    DeliveryViews views;

    @EJB
    Fixtures fixtures;

    @EJB
    AsCaller as;

    TestAccount account;
    TestAccount other;
    String address;
    long delivery;
    SignedIn agent;
    SignedIn otherAgent;
    final byte[] pdf = "%PDF-1.4 demand letter".getBytes(StandardCharsets.US_ASCII);

    @BeforeEach
    void submit() {
        account = fixtures.newAccount("views");
        other = fixtures.newAccount("views-other");
        agent = SignedIn.newUser(as, fixtures, account.id(), "views-agent", UserRole.AGENT);
        otherAgent = SignedIn.newUser(as, fixtures, other.id(), "views-stranger", UserRole.AGENT);
        address = Fixtures.address("olivia");
        delivery = manager.submit(SubmitRequest.builder().account(account.code()).raisedBy("anna")
                        .source("demand", "4711").category(Category.ESSENTIAL)
                        .sender("lettings@northside.example", "Northside Lettings").to(address).cc(Fixtures.address("guarantor"))
                        .subject("Rent demand 4711").text("Please pay.").html("<p>Please <b>pay</b>.</p>")
                        .attachments(List.of(new AttachmentInput("demand-4711.pdf", "application/pdf", pdf)))
                        .headers(Map.of("X-Demand-No", "4711")).build())
                .deliveries().get(0).deliveryId();
    }

    @Test
    void anotherAccountFindsNothing() {
        assertTrue(otherAgent.call(() -> views.find(other.id(), delivery)).isEmpty());
        assertTrue(otherAgent.call(() -> views.html(other.id(), delivery)).isEmpty());
        assertTrue(otherAgent.call(() -> views.attachment(other.id(), delivery, 0)).isEmpty());
        assertTrue(agent.call(() -> views.find(account.id(), Long.MAX_VALUE)).isEmpty());
        // Naming the delivery's own account is refused to a user of another account.
        assertThrows(AccountAccessDeniedException.class, () -> otherAgent.call(() -> views.find(account.id(), delivery)));
        assertThrows(AccountAccessDeniedException.class, () -> otherAgent.call(() -> views.html(account.id(), delivery)));
    }

    @Test
    void theDetailsShowTheMessageAsSentWithBodiesHeadersAndAttachments() {
        DeliveryDetails d = agent.call(() -> views.find(account.id(), delivery)).orElseThrow();
        assertEquals("Rent demand 4711", d.subject());
        assertEquals("Northside Lettings <lettings@northside.example>", d.from());
        assertEquals(address, d.address());
        assertEquals(List.of(address), d.to());
        assertEquals(1, d.cc().size());
        assertEquals("anna", d.raisedBy());
        assertEquals("demand", d.sourceModule());
        assertEquals("Please pay.", d.textBody());
        assertTrue(d.hasHtml());
        assertEquals("<p>Please <b>pay</b>.</p>", agent.call(() -> views.html(account.id(), delivery)).orElseThrow());
        assertEquals(1, d.attachments().size());
        DeliveryDetails.AttachmentInfo info = d.attachments().get(0);
        assertEquals("demand-4711.pdf", info.filename());
        assertEquals(pdf.length, info.sizeBytes());
        DeliveryDetails.AttachmentFile file = agent.call(() -> views.attachment(account.id(), delivery, info.ordinal())).orElseThrow();
        assertArrayEquals(pdf, file.content());
        assertEquals("application/pdf", file.contentType());
        assertTrue(agent.call(() -> views.attachment(account.id(), delivery, info.ordinal() + 1)).isEmpty());
        Map<String, String> headers = d.headers().stream()
                .collect(java.util.stream.Collectors.toMap(DeliveryDetails.Header::name, DeliveryDetails.Header::value));
        assertEquals(fixtures.delivery(delivery).getMessageIdHeader(), headers.get("Message-ID"));
        assertEquals("4711", headers.get("X-Demand-No"));
        assertEquals("Rent demand 4711", headers.get("Subject"));
    }

    @Test
    void aWrongAddressShowsItsCodesTimelineAndTheAdviceToCheckTheSpelling() {
        Instant bounced = Instant.now().plusSeconds(30);
        fixtures.report(delivery, new StatusChange(DeliveryStatus.FAILED, bounced, "DSN", 550, "5.1.1",
                "550 5.1.1 user unknown", "smtp", "dsn:" + delivery, null, false));
        DeliveryDetails d = agent.call(() -> views.find(account.id(), delivery)).orElseThrow();
        assertEquals(DeliveryStatus.FAILED, d.status());
        assertEquals(550, d.smtpCode());
        assertEquals("5.1.1", d.enhancedCode());
        assertEquals("550 5.1.1 user unknown", d.diagnostic());
        assertEquals(List.of(DeliveryStatus.PENDING, DeliveryStatus.FAILED),
                d.timeline().stream().map(DeliveryDetails.Event::status).toList());
        DeliveryDetails.Event last = d.timeline().get(1);
        assertEquals("DSN", last.source());
        assertEquals("5.1.1", last.enhancedCode());
        assertNotNull(last.recordedAt());
        assertTrue(d.recommendedAction().contains("spelling"), d.recommendedAction());
    }

    @Test
    void aSuppressedAddressShowsWhyAndAResendIsLinked() {
        String blocked = Fixtures.address("blocked");
        fixtures.suppress(account.id(), blocked, "COMPLAINT");
        long suppressed = manager.submit(SubmitRequest.builder().account(account.code()).raisedBy("anna")
                        .category(Category.TRANSACTIONAL).sender("lettings@northside.example", null).to(blocked)
                        .subject("Ticket 12").text("Done.").build())
                .deliveries().get(0).deliveryId();
        DeliveryDetails d = agent.call(() -> views.find(account.id(), suppressed)).orElseThrow();
        assertEquals(DeliveryStatus.SUPPRESSED, d.status());
        assertEquals("COMPLAINT", d.suppression().reason());
        assertEquals("added by a test", d.suppression().detail());
        assertTrue(d.recommendedAction().contains("COMPLAINT") && d.recommendedAction().contains("support"),
                d.recommendedAction());
        assertEquals("Done.", d.textBody());
        assertTrue(!d.hasHtml());

        long resent = agent.call(() -> views.resend(account.id(), delivery, Fixtures.address("corrected")));
        assertTrue(fixtures.events(resent).stream().anyMatch(e -> e.getDiagnostic() != null
                && e.getDiagnostic().startsWith("resent by " + agent.username() + " (of delivery")), "the signed-in user resent it");
        assertEquals(List.of(resent), agent.call(() -> views.find(account.id(), delivery)).orElseThrow().resends());
        assertEquals(delivery, agent.call(() -> views.find(account.id(), resent)).orElseThrow().resendOf());
    }
}
