package io.distman.serial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.distman.account.entity.AccountAccessDeniedException;
import io.distman.directory.boundary.Worklists;
import io.distman.directory.control.DemoDirectory;
import io.distman.directory.entity.Contact;
import io.distman.directory.entity.ContactFilter;
import io.distman.directory.entity.ContactRole;
import io.distman.directory.entity.DirectoryRefusedException;
import io.distman.directory.entity.WorklistView;
import io.distman.message.entity.Category;
import io.distman.message.entity.Delivery;
import io.distman.message.entity.DeliveryStatus;
import io.distman.platform.entity.NotFoundException;
import io.distman.print.boundary.PrintQueue;
import io.distman.print.entity.PrintRow;
import io.distman.queue.entity.QueueOutcome;
import io.distman.serial.boundary.SerialMailings;
import io.distman.serial.boundary.Signatures;
import io.distman.serial.boundary.Templates;
import io.distman.serial.entity.MailingCount;
import io.distman.serial.entity.MailingProgress;
import io.distman.serial.entity.MailingRequest;
import io.distman.serial.entity.MailingStatus;
import io.distman.serial.entity.MergeSource;
import io.distman.serial.entity.Preview;
import io.distman.serial.entity.RecipientOutcome;
import io.distman.serial.entity.RecipientResult;
import io.distman.serial.entity.SerialRefusedException;
import io.distman.serial.entity.SignatureInput;
import io.distman.serial.entity.SignatureView;
import io.distman.serial.entity.TemplateInput;
import io.distman.serial.entity.TemplateView;
import io.distman.submission.entity.AttachmentInput;
import io.distman.testsupport.Deployments;
import io.distman.testsupport.Dispatching;
import io.distman.testsupport.Mails;
import io.distman.testsupport.RecordedEvents;
import io.distman.testsupport.TestMailServer;
import io.distman.testsupport.ejb.AsCaller;
import io.distman.testsupport.ejb.Fixtures;
import io.distman.testsupport.ejb.Fixtures.TestAccount;
import io.distman.testsupport.ejb.TestModule;
import io.distman.testsupport.host.ChangingDirectory;
import io.distman.preference.boundary.PreferenceAdmin;
import io.distman.preference.entity.PreferenceInput;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Serial mail end to end against the demo directory (the tests run with {@code distman.test=true}): the count and
 * its reasons, a preview with missing fields, the mailing sent through the normal queue to GreenMail with each
 * contact's own salutation, its progress and results, tracking only with consent, the host's activity entries,
 * scheduling and cancel, worklists from a filter, and another account's caller refused. Called as a module, the way
 * a back-office module would.
 */
@ExtendWith(ArquillianExtension.class)
public class SerialMailIT {

    private static final String SENDER = "letters@northside.example";
    private static final String HTML = "<p>{{ salutation }},</p><p>Your unit {{ unit }} in block {{ block }}.</p>"
            + "<p><a href=\"https://northside.example/portal\">Portal</a></p>";
    private static final String TEXT = "{{ salutation }},\nyour unit {{ unit }} in block {{ block }}.";

    @Deployment
    public static EnterpriseArchive deployment() {
        // The demo's contacts through a host directory whose contacts can opt out later, as a host's does.
        return Deployments.withHostBeans(Deployments.ear(SerialMailIT.class, RecordedEvents.class), ChangingDirectory.class);
    }

    @EJB
    SerialMailings mailings;

    @EJB
    Templates templates;

    @EJB
    Worklists worklists;

    @EJB
    Fixtures fixtures;

    @EJB
    TestModule testModule;

    @EJB
    AsCaller as;

    @Inject
    RecordedEvents activities;

    private final DemoDirectory directory = new DemoDirectory();
    TestAccount account;
    String token;
    /** Addresses the test opted out in the preference store. */
    Set<String> storeOptOuts = Set.of();

    @EJB
    PreferenceAdmin preferenceAdmin;

    @EJB
    PrintQueue printQueue;

    @EJB
    Signatures signatures;

    @BeforeEach
    void setUp() {
        TestMailServer.reset();
        ChangingDirectory.reset();
        account = fixtures.newAccount("serial");
        token = UUID.randomUUID().toString().substring(0, 6);
    }

    private <T> T module(Callable<T> work) {
        return as(TestModule.PRINCIPAL, work);
    }

    private <T> T as(String principal, Callable<T> work) {
        try {
            return as.call(principal, Set.of(), work);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private MailingProgress created(long mailingId) {
        Dispatching.await(() -> module(() -> mailings.progress(account.id(), mailingId)).status() != MailingStatus.CREATING,
                Duration.ofSeconds(60), "mailing " + mailingId + " to be created");
        return module(() -> mailings.progress(account.id(), mailingId));
    }

    /**
     * Mail of this test's mailing that reached the server: its subjects carry the test's token. Not all mail received,
     * which may include other tests' mail the dispatch timer or the digest job sent meanwhile.
     */
    private static long receivedAbout(String token) {
        return TestMailServer.received().stream().filter(m -> {
            try {
                return m.getSubject() != null && m.getSubject().contains(token);
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).count();
    }

    /** What the test expects of a contact, from the directory and the opt-outs it made: the reason it gets no mail, or null. */
    private RecipientOutcome expected(Contact c, Set<String> suppressed, boolean newsletterOnly) {
        if (c.optedOut() || (c.email() != null && storeOptOuts.contains(c.email()))) {
            return RecipientOutcome.OPTED_OUT;
        }
        if (newsletterOnly && !c.newsletter()) {
            return RecipientOutcome.NOT_NEWSLETTER;
        }
        if (!c.hasEmail()) {
            return RecipientOutcome.EMAIL_MISSING;
        }
        return suppressed.contains(c.email()) ? RecipientOutcome.SUPPRESSED : null;
    }

    @Test
    void eachContactGetsItsOwnMailThroughTheQueueAndTheCountSaysWhoDoesNot() throws Exception {
        ContactFilter blockA = new ContactFilter(null, "A", null, null);
        List<Contact> selected = directory.page(account.id(), blockA, 0, 1000);
        Contact suppressedOne = selected.stream().filter(c -> expected(c, Set.of(), true) == null).findFirst().orElseThrow();
        fixtures.suppress(account.id(), suppressedOne.email(), "HARD_BOUNCE");
        // And one opted out in our own preference store (support's), not in the host's directory: OPTED_OUT all the same.
        Contact optedOutHere = selected.stream().filter(c -> expected(c, Set.of(suppressedOne.email()), true) == null)
                .findFirst().orElseThrow();
        as.call(TestModule.PRINCIPAL, Set.of("SUPPORT"), () -> preferenceAdmin.save(account.id(),
                optedOutHere.email().toUpperCase(java.util.Locale.ROOT), new PreferenceInput(true, "NONE", null, null, null)));
        storeOptOuts = Set.of(optedOutHere.email());
        Map<RecipientOutcome, Integer> reasons = new EnumMap<>(RecipientOutcome.class);
        selected.forEach(c -> {
            RecipientOutcome r = expected(c, Set.of(suppressedOne.email()), true);
            if (r != null) {
                reasons.merge(r, 1, Integer::sum);
            }
        });
        List<Contact> receiving = selected.stream().filter(c -> expected(c, Set.of(suppressedOne.email()), true) == null).toList();
        assertTrue(reasons.keySet().containsAll(List.of(RecipientOutcome.OPTED_OUT, RecipientOutcome.NOT_NEWSLETTER,
                RecipientOutcome.EMAIL_MISSING, RecipientOutcome.SUPPRESSED)), "the demo block has every reason: " + reasons);

        MailingCount count = module(() -> mailings.count(account.id(), blockA, null, true));
        assertEquals(selected.size(), count.selected());
        assertEquals(receiving.size(), count.willReceive());
        assertEquals(reasons, count.notReceiving());
        assertNull(count.warning());
        MailingCount all = module(() -> mailings.count(account.id(), blockA, null, false));
        assertNotNull(all.warning(), "newsletter sending off is flagged");
        assertFalse(all.notReceiving().containsKey(RecipientOutcome.NOT_NEWSLETTER));

        TemplateView template = module(() -> templates.save(account.id(), null, new TemplateInput("Block notice " + token,
                "Unit {{ unit }} " + token, HTML, TEXT, false)));
        byte[] pdf = "%PDF-1.4 house rules".getBytes(StandardCharsets.US_ASCII);
        MailingProgress started = module(() -> mailings.create(account.id(), new MailingRequest(template.id(), null, SENDER,
                "Northside Lettings", blockA, null, null, null, null,
                List.of(new AttachmentInput("house-rules.pdf", "application/pdf", pdf)))));
        MailingProgress done = created(started.id());
        assertEquals(MailingStatus.CREATED, done.status());
        assertEquals(selected.size(), done.total());
        Dispatching.sweep();

        for (Contact c : receiving) {
            MimeMessage mail = Mails.received(c.email(), "Unit " + c.unit() + " " + token);
            String text = Mails.part(mail, "text/plain").replace("\r\n", "\n"); // SMTP carries CRLF lines
            assertTrue(text.startsWith(c.salutation() + ",\nyour unit " + c.unit() + " in block A."), text);
            String html = Mails.part(mail, "text/html");
            assertTrue(html.contains("<p>" + c.salutation() + ",</p>"), html);
            assertEquals(c.trackingConsent(), html.contains("/api/v1/t/o/"), "pixel only with consent: " + c.id());
            assertEquals(c.trackingConsent(), html.contains("/api/v1/t/c/"), "links rewritten only with consent: " + c.id());
        }
        assertEquals(receiving.size(), receivedAbout(token), "no mail to anyone else");

        Map<Long, RecipientResult> results = module(() -> mailings.recipients(account.id(), started.id(), 0, 500)).stream()
                .collect(Collectors.toMap(RecipientResult::contactId, Function.identity()));
        assertEquals(selected.size(), results.size());
        for (Contact c : selected) {
            RecipientOutcome reason = expected(c, Set.of(suppressedOne.email()), true);
            RecipientResult result = results.get(c.id());
            assertEquals(reason == null ? RecipientOutcome.QUEUED : reason, result.outcome(), "contact " + c.id());
            boolean messaged = reason != RecipientOutcome.NOT_NEWSLETTER; // the sender chose not to write to those
            assertEquals(messaged, result.messageId() != null, "contact " + c.id());
            if (messaged) {
                Delivery delivery = fixtures.delivery(result.deliveryId());
                assertEquals(started.id(), delivery.getMessage().getSerialMailingId(), "linked to its mailing");
                assertEquals(Category.BULK, delivery.getMessage().getCategory());
                assertEquals(reason == null ? DeliveryStatus.ACCEPTED : DeliveryStatus.valueOf(reason.name()), delivery.getStatus());
            }
        }
        // The caller's message view names the mailing too (GET /messages/{id}), so a module can go from one to the other.
        RecipientResult queued = results.values().stream().filter(r -> r.outcome() == RecipientOutcome.QUEUED).findFirst()
                .orElseThrow();
        assertEquals(started.id(), testModule.message(account.code(), queued.messageId()).serialMailingId());
        optedOutAndNoEmailGetDeliveriesThatAreNotSent(selected, results, optedOutHere);

        MailingProgress progress = module(() -> mailings.progress(account.id(), started.id()));
        assertEquals(receiving.size(), progress.sent() + progress.delivered());
        assertEquals(0, progress.queued());
        assertEquals(selected.size() - receiving.size(), progress.notSent());
        assertTrue(progress.finished());
        assertEquals(selected.size(), activities.mailed(started.id()).size(), "one activity entry per contact");
    }

    /**
     * An opted-out contact, in the directory or in our store, has a message whose delivery is OPTED_OUT and nothing
     * reached the mail server for them; a contact without email has an EMAIL_MISSING delivery that carries their
     * postal address, so its letter can be queued for print (and an OPTED_OUT one cannot).
     */
    private void optedOutAndNoEmailGetDeliveriesThatAreNotSent(List<Contact> selected, Map<Long, RecipientResult> results,
                                                               Contact optedOutHere) {
        Contact optedOutThere = selected.stream().filter(Contact::optedOut).filter(Contact::hasEmail).findFirst().orElseThrow();
        Delivery there = fixtures.delivery(results.get(optedOutThere.id()).deliveryId());
        assertEquals(DeliveryStatus.OPTED_OUT, there.getStatus());
        assertTrue(there.getStatusDetail().contains("recipient directory"), there.getStatusDetail());
        Delivery here = fixtures.delivery(results.get(optedOutHere.id()).deliveryId());
        assertEquals(DeliveryStatus.OPTED_OUT, here.getStatus());
        assertTrue(TestMailServer.received().stream().noneMatch(m -> Mails.isFor(m, optedOutThere.email())
                || Mails.isFor(m, optedOutHere.email())), "nothing sent to an opted-out contact");

        Contact noEmail = selected.stream().filter(c -> !c.hasEmail() && !c.optedOut()).findFirst().orElseThrow();
        long letter = results.get(noEmail.id()).deliveryId();
        assertEquals(DeliveryStatus.EMAIL_MISSING, fixtures.delivery(letter).getStatus());
        QueueOutcome queued = module(() -> printQueue.queue(account.id(), List.of(letter, there.getId())));
        assertEquals(List.of(letter), queued.done(), "the letter has the contact's postal address: " + queued.refused());
        assertTrue(queued.refused().get(0).reason().startsWith("not printable"), queued.refused().toString());
        PrintRow row = module(() -> printQueue.rows(account.id(), false)).stream().filter(r -> r.deliveryId() == letter)
                .findFirst().orElseThrow();
        assertEquals(noEmail.name(), row.recipientName());
        assertEquals("Northside", row.town(), "the last part of the directory's address line is the town");
    }

    @Test
    void previewMergesAnyContactAndNamesItsMissingFields() {
        Contact noEmail = directory.byIds(account.id(), List.of(11L)).get(0);
        MergeSource source = new MergeSource("For {{ name }}", "<p>{{ salutation }} ({{ email }}) {{ parkingSpace }}</p>", null);
        Preview preview = module(() -> mailings.preview(account.id(), null, source, noEmail.id()));
        assertEquals("For " + noEmail.name(), preview.subject());
        assertEquals(List.of("email", "parkingSpace"), preview.missingFields());
        Contact withAll = directory.byIds(account.id(), List.of(4L)).get(0);
        assertEquals(List.of(), module(() -> mailings.preview(account.id(), null, source, withAll.id())).missingFields());

        TemplateView draft = module(() -> templates.save(account.id(), null, new TemplateInput("Draft " + token, "Hi", null, "Hi {{ name }}", true)));
        SerialRefusedException refused = assertThrows(SerialRefusedException.class, () -> module(() -> mailings.create(account.id(),
                new MailingRequest(draft.id(), null, SENDER, null, ContactFilter.ALL, null, null, null, null, null))));
        assertEquals("templateId", refused.errors().get(0).field());
        SerialRefusedException sender = assertThrows(SerialRefusedException.class, () -> module(() -> mailings.create(account.id(),
                new MailingRequest(null, source, "boss@elsewhere.example", null, ContactFilter.ALL, null, null, null, null, null))));
        assertEquals("senderAddress", sender.errors().get(0).field());
        List<String> offered = module(() -> mailings.senderIdentities(account.id()));
        assertTrue(offered.contains("northside.example") && !offered.contains("elsewhere.example"), "Compose's senders: " + offered);
        SerialRefusedException syntax = assertThrows(SerialRefusedException.class, () -> module(() -> templates.save(account.id(),
                null, new TemplateInput("Broken " + token, "Hi", "<p>{{ name </p>", null, false))));
        assertEquals("htmlBody", syntax.errors().get(0).field());
    }

    @Test
    void aContactWhoOptsOutOrDeclinesTheNewsletterInTheDirectoryAfterTheMailingIsMadeIsNotSentTo() throws Exception {
        ContactFilter blockC = new ContactFilter(null, "C", null, null);
        List<Contact> receiving = directory.page(account.id(), blockC, 0, 1000).stream()
                .filter(c -> expected(c, Set.of(), true) == null).toList();
        assertTrue(receiving.size() >= 4, "block C has mailable contacts: " + receiving.size());
        MergeSource source = new MergeSource("Changed mind " + token, null, "{{ salutation }}, the garden opens.");
        // for newsletter readers only (newsletterOnly null: the default)
        MailingProgress started = module(() -> mailings.create(account.id(), new MailingRequest(null, source, SENDER, null,
                blockC, null, null, null, null, null)));
        assertEquals(MailingStatus.CREATED, created(started.id()).status());
        Map<Long, RecipientResult> results = module(() -> mailings.recipients(account.id(), started.id(), 0, 500)).stream()
                .collect(Collectors.toMap(RecipientResult::contactId, Function.identity()));
        Contact changedMind = receiving.get(1);
        Contact noMoreNews = receiving.get(2);
        assertEquals(RecipientOutcome.QUEUED, results.get(changedMind.id()).outcome(), "queued when the mailing was made");
        assertEquals(RecipientOutcome.QUEUED, results.get(noMoreNews.id()).outcome(), "queued when the mailing was made");

        // in the host's directory, before the mail went
        ChangingDirectory.optOut(changedMind.id());
        ChangingDirectory.declineNewsletter(noMoreNews.id());
        Dispatching.sweep();

        Delivery notSent = fixtures.delivery(results.get(changedMind.id()).deliveryId());
        assertEquals(DeliveryStatus.OPTED_OUT, notSent.getStatus());
        assertTrue(notSent.getStatusDetail().contains("opted out in the directory"), notSent.getStatusDetail());
        Delivery noNews = fixtures.delivery(results.get(noMoreNews.id()).deliveryId());
        assertEquals(DeliveryStatus.OPTED_OUT, noNews.getStatus());
        assertTrue(noNews.getStatusDetail().contains("opted out of the newsletter in the directory"), noNews.getStatusDetail());
        for (Contact other : List.of(receiving.get(0), receiving.get(3))) {
            Mails.received(other.email(), "Changed mind " + token); // the others are sent as before
            assertEquals(DeliveryStatus.ACCEPTED, fixtures.delivery(results.get(other.id()).deliveryId()).getStatus());
        }
        for (Contact left : List.of(changedMind, noMoreNews)) {
            assertTrue(TestMailServer.received().stream().noneMatch(m -> Mails.isFor(m, left.email())
                    && ("Changed mind " + token).equals(Mails.subject(m))), "nothing reached " + left.email());
        }

        // Declining the newsletter is not opting out: a mailing to every contact still reaches them.
        MergeSource notNews = new MergeSource("Water off " + token, null, "{{ salutation }}, the water is off on Monday.");
        MailingProgress toAll = module(() -> mailings.create(account.id(), new MailingRequest(null, notNews, SENDER, null,
                blockC, null, false, null, null, null)));
        assertEquals(MailingStatus.CREATED, created(toAll.id()).status());
        Dispatching.sweep();
        Mails.received(noMoreNews.email(), "Water off " + token);
    }

    @Test
    void aScheduledMailingOfAnySizeWaitsAndCancelStopsWhatHasNotGone() {
        MergeSource source = new MergeSource("Later " + token, null, "{{ salutation }}, see you later.");
        // every contact of the directory, newsletter or not: far above the 100 recipients others refuse to schedule
        MailingProgress started = module(() -> mailings.create(account.id(), new MailingRequest(null, source, SENDER, null,
                ContactFilter.ALL, null, false, false, Instant.now().plus(Duration.ofHours(1)), null)));
        MailingProgress created = created(started.id());
        assertEquals(DemoDirectory.SIZE, created.total());
        assertTrue(created.queued() > 100, "scheduled, all of them: " + created);
        assertEquals(0, activities.mailed(started.id()).size(), "no activity entries when asked not to");

        MailingProgress cancelled = module(() -> mailings.cancel(account.id(), started.id()));
        assertEquals(MailingStatus.CANCELLED, cancelled.status());
        assertEquals(0, cancelled.queued());
        assertEquals(DemoDirectory.SIZE, cancelled.notSent());
        Dispatching.sweep();
        assertEquals(0, receivedAbout(token));
        RecipientResult first = module(() -> mailings.recipients(account.id(), started.id(), 0, 1)).get(0);
        assertEquals(DeliveryStatus.CANCELLED, first.status());
    }

    @Test
    void aWorklistIsBuiltFromAFilterEditedByHandAndMailedAsItIsThen() {
        ContactFilter tenantsOfCInArrears = new ContactFilter(ContactRole.TENANT, "C", true, null);
        List<Contact> matching = directory.page(account.id(), tenantsOfCInArrears, 0, 1000);
        assertTrue(matching.size() >= 3, "the demo has some: " + matching.size());
        WorklistView list = module(() -> worklists.createFromFilter(account.id(), "Arrears C " + token, tenantsOfCInArrears));
        assertEquals(matching.size(), list.contacts());
        assertEquals(matching, module(() -> worklists.members(account.id(), list.id(), 0, 500)));

        long removed = matching.get(0).id();
        long added = 1L; // block B, not in the filter
        module(() -> worklists.remove(account.id(), list.id(), removed));
        WorklistView edited = module(() -> worklists.add(account.id(), list.id(), added));
        assertEquals(matching.size(), edited.contacts());
        List<Long> members = module(() -> worklists.members(account.id(), list.id(), 0, 500)).stream().map(Contact::id).toList();
        assertTrue(members.contains(added) && !members.contains(removed), members.toString());
        assertEquals(matching.size(), module(() -> mailings.count(account.id(), null, list.id(), false)).selected());

        MailingProgress started = module(() -> mailings.create(account.id(), new MailingRequest(null,
                new MergeSource("List " + token, null, "{{ salutation }}"), SENDER, null, null, list.id(), false, true, null, null)));
        MailingProgress created = created(started.id());
        assertEquals(matching.size(), created.total());
        List<Long> mailed = module(() -> mailings.recipients(account.id(), started.id(), 0, 500)).stream()
                .map(RecipientResult::contactId).toList();
        assertEquals(members, mailed);
        DirectoryRefusedException unknown = assertThrows(DirectoryRefusedException.class,
                () -> module(() -> worklists.add(account.id(), list.id(), 99_999L)), "only the directory's contacts");
        assertEquals("contactId", unknown.errors().get(0).field());
    }

    @Test
    void anotherAccountsCallerSeesNothingAndChangesNothing() {
        TestAccount other = fixtures.newAccount("serial-other");
        MailingProgress mine = module(() -> mailings.create(account.id(), new MailingRequest(null,
                new MergeSource("Mine " + token, null, "{{ salutation }}"), SENDER, null,
                new ContactFilter(ContactRole.OWNER, "E", null, null), null, null, null, Instant.now().plus(Duration.ofHours(1)), null)));
        created(mine.id());
        WorklistView myList = module(() -> worklists.createFromFilter(account.id(), "Mine " + token, new ContactFilter(null, "D", null, null)));
        String moduleOfOther = "module-" + other.code();
        fixtures.grantModule(moduleOfOther, other.id());

        assertThrows(AccountAccessDeniedException.class, () -> as(moduleOfOther, () -> mailings.progress(account.id(), mine.id())));
        assertThrows(AccountAccessDeniedException.class, () -> as(moduleOfOther, () -> mailings.cancel(account.id(), mine.id())));
        assertThrows(AccountAccessDeniedException.class, () -> as(moduleOfOther, () -> mailings.senderIdentities(account.id())));
        assertThrows(AccountAccessDeniedException.class, () -> as(moduleOfOther, () -> worklists.members(account.id(), myList.id(), 0, 10)));
        assertThrows(NotFoundException.class, () -> as(moduleOfOther, () -> mailings.progress(other.id(), mine.id())));
        assertThrows(NotFoundException.class, () -> as(moduleOfOther, () -> mailings.cancel(other.id(), mine.id())));
        assertThrows(NotFoundException.class, () -> as(moduleOfOther, () -> mailings.recipients(other.id(), mine.id(), 0, 10)));
        assertThrows(NotFoundException.class, () -> as(moduleOfOther, () -> worklists.add(other.id(), myList.id(), 1L)));
        SerialRefusedException foreignList = assertThrows(SerialRefusedException.class, () -> as(moduleOfOther,
                () -> mailings.count(other.id(), null, myList.id(), true)));
        assertEquals("worklistId", foreignList.errors().get(0).field());
        assertEquals(List.of(), as(moduleOfOther, () -> mailings.mailings(other.id(), 0, 50)));
        assertEquals(MailingStatus.CREATED, module(() -> mailings.progress(account.id(), mine.id())).status());
        assertTrue(module(() -> mailings.progress(account.id(), mine.id())).queued() > 0, "nothing of mine was cancelled");
    }

    @Test
    void theIdentitysSignatureSignsTheMailUnlessTheWriterHasTheirOwn() throws Exception {
        // An admin writes the sender identity's signature: cleaned on save, the script gone, the link kept.
        SignatureView identity = as.call(TestModule.PRINCIPAL, Set.of("ADMIN"), () -> signatures.saveForIdentity(account.id(),
                "Northside.Example", new SignatureInput("<p>Northside <b>Lettings</b> " + token
                        + "</p><script>alert(1)</script><a href=\"https://northside.example\" onclick=\"x()\">web</a>", null))).orElseThrow();
        assertEquals("northside.example", identity.owner());
        assertFalse(identity.htmlBody().contains("script") || identity.htmlBody().contains("onclick"), identity.htmlBody());
        assertEquals("Northside Lettings " + token + "web", identity.textBody().replace("\n", ""), "the text derived from the HTML");

        ContactFilter ownersOfE = new ContactFilter(ContactRole.OWNER, "E", null, null);
        List<Contact> receiving = directory.page(account.id(), ownersOfE, 0, 1000).stream()
                .filter(c -> expected(c, Set.of(), false) == null).toList();
        assertFalse(receiving.isEmpty());
        MailingProgress started = module(() -> mailings.create(account.id(), new MailingRequest(null,
                new MergeSource("Signed " + token, "<p>{{ salutation }},</p><p>The roof is mended.</p>",
                        "{{ salutation }},\nthe roof is mended."), SENDER, null, ownersOfE, null, false, false, null, null)));
        created(started.id());
        Dispatching.sweep();
        for (Contact c : receiving) {
            MimeMessage mail = Mails.received(c.email(), "Signed " + token);
            String html = Mails.part(mail, "text/html");
            assertTrue(html.contains("<div class=\"signature\"><p>Northside <b>Lettings</b> " + token + "</p>"), html);
            assertFalse(html.contains("alert(1)"), html);
            String text = Mails.part(mail, "text/plain").replace("\r\n", "\n");
            assertTrue(text.startsWith(c.salutation() + ",\nthe roof is mended.\n\n-- \nNorthside Lettings " + token), text);
        }

        // The writer's own signature comes first, and {{ signature }} places it; the contact's fields stay escaped.
        as.call(TestModule.PRINCIPAL, Set.of("AGENT"), () -> signatures.saveMine(account.id(),
                new SignatureInput(null, "Anna <Agent> " + token)));
        MergeSource placed = new MergeSource("Own " + token, "<p>{{ signature }}</p><p>{{ salutation }}</p>", "{{ salutation }}");
        Preview preview = module(() -> mailings.preview(account.id(), null, placed, receiving.get(0).id(), SENDER));
        assertEquals("<p>Anna &lt;Agent&gt; " + token + "</p><p>" + receiving.get(0).salutation() + "</p>", preview.htmlBody());
        assertEquals(receiving.get(0).salutation() + "\n\n-- \nAnna <Agent> " + token, preview.textBody());

        // Refusals name the field; an unknown identity (another account's too) is refused; nothing of it is stored.
        SerialRefusedException tooLong = assertThrows(SerialRefusedException.class, () -> as.call(TestModule.PRINCIPAL,
                Set.of("AGENT"), () -> signatures.saveMine(account.id(), new SignatureInput("x".repeat(10_001), null))));
        assertEquals("htmlBody", tooLong.errors().get(0).field());
        SerialRefusedException unknown = assertThrows(SerialRefusedException.class, () -> as.call(TestModule.PRINCIPAL,
                Set.of("ADMIN"), () -> signatures.saveForIdentity(account.id(), "elsewhere.example", new SignatureInput(null, "x"))));
        assertEquals("identity", unknown.errors().get(0).field());
        TestAccount other = fixtures.newAccount("serial-sig-other");
        String moduleOfOther = "module-" + other.code();
        fixtures.grantModule(moduleOfOther, other.id());
        assertThrows(AccountAccessDeniedException.class, () -> as.call(moduleOfOther, Set.of("ADMIN"),
                () -> signatures.ofIdentity(account.id(), "northside.example")));
        assertTrue(as.call(moduleOfOther, Set.of("AGENT"), () -> signatures.mine(other.id())).isEmpty(), "not the other account's");
        assertEquals("Anna <Agent> " + token, as.call(TestModule.PRINCIPAL, Set.of("AGENT"),
                () -> signatures.mine(account.id())).orElseThrow().textBody(), "the refused change left it as it was");
    }

    @Test
    void aMailingWithAFileOfAForbiddenTypeIsRefusedWhole() {
        SerialRefusedException refused = assertThrows(SerialRefusedException.class, () -> module(() -> mailings.create(account.id(),
                new MailingRequest(null, new MergeSource("Files " + token, null, "{{ salutation }}"), SENDER, null,
                        ContactFilter.ALL, null, null, null, Instant.now().plus(Duration.ofHours(1)),
                        List.of(new AttachmentInput("setup.exe", "application/x-msdownload", new byte[] {1}))))));
        assertEquals("attachments[0].contentType", refused.errors().get(0).field());
        assertEquals(List.of(), module(() -> mailings.mailings(account.id(), 0, 50)), "nothing stored");
    }
}
