package io.distman.preference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.distman.account.entity.AccountAccessDeniedException;
import io.distman.message.entity.Category;
import io.distman.message.entity.DeliveryEvent;
import io.distman.message.entity.DeliveryStatus;
import io.distman.platform.entity.FieldError;
import io.distman.preference.boundary.PreferenceAdmin;
import io.distman.preference.entity.PreferenceChangeRow;
import io.distman.preference.entity.PreferenceInput;
import io.distman.preference.entity.PreferenceRefusedException;
import io.distman.submission.entity.DeliveryReceipt;
import io.distman.submission.entity.SubmissionRejectedException;
import io.distman.submission.entity.SubmitRequest;
import io.distman.testsupport.Deployments;
import io.distman.testsupport.Dispatching;
import io.distman.testsupport.Mails;
import io.distman.testsupport.TestMailServer;
import io.distman.testsupport.ejb.AsCaller;
import io.distman.testsupport.ejb.Fixtures;
import io.distman.testsupport.ejb.Fixtures.TestAccount;
import io.distman.testsupport.ejb.PreferenceProbe;
import io.distman.testsupport.ejb.TestModule;
import jakarta.ejb.EJB;
import java.util.List;
import java.util.Locale;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A recipient who opted out of non-essential mail: BULK mail to them is OPTED_OUT and never sent, TRANSACTIONAL mail
 * goes, ESSENTIAL mail goes with the override (who and why) in its timeline, and an opt-out made after submission
 * is applied by the dispatcher before sending. Addresses match whatever their case; refusals name the field.
 */
@ExtendWith(ArquillianExtension.class)
public class OptOutIT {

    private static final PreferenceInput OPTED_OUT = new PreferenceInput(true, "NONE", null, null, null);

    @Deployment
    public static EnterpriseArchive deployment() {
        return Deployments.ear(OptOutIT.class, PreferenceCalls.class);
    }

    @EJB
    TestModule manager;

    @EJB
    Fixtures fixtures;

    @EJB
    AsCaller as;

    @EJB
    PreferenceAdmin admin;

    @EJB
    PreferenceProbe preferences;

    TestAccount account;
    String address;

    @BeforeEach
    void setUp() {
        TestMailServer.reset();
        account = fixtures.newAccount("optout");
        address = Fixtures.address("tenant");
    }

    private DeliveryReceipt submit(Category category, String to, String subject, String reason) {
        return manager.submit(SubmitRequest.builder().account(account.code()).raisedBy("anna").category(category)
                .sender("lettings@northside.example", "Northside").to(to).subject(subject).text("Text.")
                .essentialReason(reason).build()).deliveries().get(0);
    }

    private void optOut(boolean out) {
        PreferenceCalls.save(as, admin, account.id(), address, new PreferenceInput(out, "NONE", null, null, null));
    }

    /** A batch asks the suppression list and the preference store once for all its messages: each still gets its own answer. */
    @Test
    void aBatchTreatsEachMessageAsItsOwnCategorySays() {
        optOut(true);
        String bounced = Fixtures.address("bounced");
        fixtures.suppress(account.id(), bounced, "HARD_BOUNCE");
        String other = Fixtures.address("other");
        List<SubmitRequest> batch = List.of(
                request(Category.BULK, address, null), request(Category.TRANSACTIONAL, address, null),
                request(Category.ESSENTIAL, address, "arrears letter"), request(Category.BULK, other, null),
                request(Category.TRANSACTIONAL, bounced.toUpperCase(Locale.ROOT), null));
        List<DeliveryStatus> statuses = manager.submitAll(account.code(), batch).stream()
                .map(r -> r.deliveries().get(0).status()).toList();
        assertEquals(List.of(DeliveryStatus.OPTED_OUT, DeliveryStatus.PENDING, DeliveryStatus.PENDING,
                DeliveryStatus.PENDING, DeliveryStatus.SUPPRESSED), statuses);
    }

    private SubmitRequest request(Category category, String to, String reason) {
        return SubmitRequest.builder().raisedBy("anna").category(category).sender("lettings@northside.example", "Northside")
                .to(to).subject("Batch " + System.nanoTime()).text("Text.").essentialReason(reason).build();
    }

    @Test
    void bulkMailToARecipientWhoOptedOutIsNeverSentButTransactionalMailIs() {
        optOut(true);
        String upper = address.toUpperCase(Locale.ROOT);
        assertTrue(preferences.optedOut(account.id(), upper), "the boundary's answer, whatever the case");
        assertFalse(preferences.optedOut(account.id() + 100_000, address), "another account's store");
        DeliveryReceipt bulk = submit(Category.BULK, upper, "Newsletter " + System.nanoTime(), null);
        assertEquals(DeliveryStatus.OPTED_OUT, bulk.status(), bulk.detail());
        assertTrue(bulk.detail().contains("opted out"), bulk.detail());
        String receipt = "Receipt " + System.nanoTime();
        assertEquals(DeliveryStatus.PENDING, submit(Category.TRANSACTIONAL, address, receipt, null).status());

        Dispatching.sweep();
        Mails.received(address, receipt);
        assertTrue(TestMailServer.received().stream().noneMatch(m -> Mails.subject(m).startsWith("Newsletter")),
                "the newsletter never left");
        assertEquals(DeliveryStatus.OPTED_OUT, fixtures.delivery(bulk.deliveryId()).getStatus());
    }

    @Test
    void essentialMailOverridesTheOptOutAndItsTimelineSaysWhoAndWhy() {
        optOut(true);
        String subject = "Demand " + System.nanoTime();
        DeliveryReceipt essential = submit(Category.ESSENTIAL, address, subject, "statutory rent demand");
        assertEquals(DeliveryStatus.PENDING, essential.status());
        String first = fixtures.events(essential.deliveryId()).get(0).getDiagnostic();
        assertTrue(first.contains("marked ESSENTIAL by " + TestModule.PRINCIPAL + " for anna"), first);
        assertTrue(first.contains("statutory rent demand"), first);

        DeliveryReceipt noReason = submit(Category.ESSENTIAL, address, subject + " (2)", null);
        assertEquals(DeliveryStatus.PENDING, noReason.status(), "an essential mail is not refused for lack of a reason");
        assertTrue(fixtures.events(noReason.deliveryId()).get(0).getDiagnostic().contains("reason: none given"));

        Dispatching.sweep();
        Mails.received(address, subject);
        Mails.received(address, subject + " (2)");
    }

    @Test
    void anOptOutAfterSubmissionIsAppliedBeforeSending() {
        DeliveryReceipt bulk = submit(Category.BULK, address, "Later newsletter " + System.nanoTime(), null);
        String demand = "Later demand " + System.nanoTime();
        DeliveryReceipt essential = submit(Category.ESSENTIAL, address, demand, "court deadline");
        assertEquals(DeliveryStatus.PENDING, bulk.status());
        optOut(true);

        Dispatching.sweep();
        assertEquals(DeliveryStatus.OPTED_OUT, fixtures.delivery(bulk.deliveryId()).getStatus());
        Mails.received(address, demand);
        assertTrue(fixtures.events(essential.deliveryId()).stream().map(DeliveryEvent::getDiagnostic)
                .anyMatch(d -> d != null && d.contains("marked ESSENTIAL") && d.contains("court deadline")),
                "the dispatcher recorded the override it made");
        assertTrue(TestMailServer.received().stream().noneMatch(m -> Mails.subject(m).startsWith("Later newsletter")));
    }

    @Test
    void changesAreAuditedAndRefusalsNameTheField() {
        optOut(true);
        optOut(false);
        List<PreferenceChangeRow> trail = PreferenceCalls.call(as, () -> admin.changes(account.id(), address));
        assertEquals(2, trail.size(), trail.toString());
        assertEquals("true", trail.get(0).oldValue());
        assertEquals("false", trail.get(0).newValue());
        assertEquals(TestModule.PRINCIPAL, trail.get(0).changedBy());

        PreferenceRefusedException bad = assertThrows(PreferenceRefusedException.class, () -> PreferenceCalls.save(as, admin,
                account.id(), address, new PreferenceInput(false, "WEEKLY", "someday", "8am", "Europe/London")));
        assertEquals(List.of("digestWeekday", "digestTime"), bad.errors().stream().map(FieldError::field).toList());
        assertEquals("address", assertThrows(PreferenceRefusedException.class, () -> PreferenceCalls.save(as, admin,
                account.id(), "not an address", OPTED_OUT)).errors().get(0).field());
        SubmissionRejectedException reason = assertThrows(SubmissionRejectedException.class,
                () -> submit(Category.BULK, address, "x", "because"));
        assertEquals("essentialReason", reason.errors().get(0).field());
        assertEquals(2, PreferenceCalls.call(as, () -> admin.changes(account.id(), address)).size(), "nothing half-written");
    }

    @Test
    void anotherAccountsPreferencesAreNotReachable() {
        optOut(true);
        TestAccount other = fixtures.newAccount("optout-other");
        assertEquals(DeliveryStatus.PENDING, manager.submit(SubmitRequest.builder().account(other.code()).raisedBy("bob")
                .category(Category.BULK).sender("lettings@northside.example", "Northside").to(address).subject("Other")
                .text("Text.").build()).deliveries().get(0).status(), "the opt-out is the first account's");
        assertThrows(AccountAccessDeniedException.class, () -> as.call("someone-else", java.util.Set.of("SUPPORT"),
                () -> admin.save(account.id(), address, OPTED_OUT)), "support for another account");
        assertThrows(jakarta.ejb.EJBAccessException.class, () -> as.call(TestModule.PRINCIPAL, java.util.Set.of(),
                () -> admin.save(account.id(), address, OPTED_OUT)), "the module is no support user");
    }
}
