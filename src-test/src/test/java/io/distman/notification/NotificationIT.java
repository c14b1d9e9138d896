package io.distman.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.distman.account.entity.AccountAccessDeniedException;
import io.distman.account.entity.UserRole;
import io.distman.adminlog.boundary.AdminLog;
import io.distman.adminlog.entity.AdminChangeRow;
import io.distman.message.boundary.DeliveryStatusChanged;
import io.distman.message.entity.Category;
import io.distman.message.entity.DeliveryStatus;
import io.distman.message.entity.StatusChange;
import io.distman.notification.boundary.Notifications;
import io.distman.notification.control.DailySummary;
import io.distman.notification.control.NotificationRecorder;
import io.distman.notification.control.StuckQueueCheck;
import io.distman.notification.entity.EmailTiming;
import io.distman.notification.entity.NotificationKind;
import io.distman.notification.entity.NotificationRow;
import io.distman.notification.entity.NotificationSettings;
import io.distman.submission.entity.DeliveryReceipt;
import io.distman.submission.entity.SubmitRequest;
import io.distman.testsupport.Deployments;
import io.distman.testsupport.Dispatching;
import io.distman.testsupport.Mails;
import io.distman.testsupport.SignedIn;
import io.distman.testsupport.TestMailServer;
import io.distman.testsupport.ejb.AsCaller;
import io.distman.testsupport.ejb.Fixtures.TestAccount;
import io.distman.testsupport.ejb.Fixtures;
import io.distman.testsupport.ejb.TestModule;
import jakarta.ejb.EJB;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Notifications: the user who raised a mail is told when it fails, is complained about, rejected or
 * unsubscribed (and of nothing else, and once), as their preferences or the account's defaults say, in
 * the app and by mail sent through the Distribution Manager itself; admins are told once per stuck queue;
 * nobody sees another's notifications.
 */
@ExtendWith(ArquillianExtension.class)
public class NotificationIT {

    @Deployment
    public static EnterpriseArchive deployment() {
        return Deployments.ear(NotificationIT.class);
    }

    @EJB
    TestModule manager;

    @EJB
    Fixtures fixtures;

    @EJB
    Notifications notifications;

    @EJB
    NotificationRecorder recorder;

    /** The timers' work, which no signed-in user may start (not on the Notifications boundary). */
    @EJB
    DailySummary dailySummary;

    @EJB
    StuckQueueCheck stuckQueue;

    @EJB
    AdminLog adminLog;

    @EJB
    AsCaller as;

    final Map<String, SignedIn> users = new HashMap<>();

    @Inject
    Event<DeliveryStatusChanged> statusChanged;

    TestAccount account;
    String agent;
    String admin;

    @BeforeEach
    void setUp() {
        account = fixtures.newAccount("notify");
        agent = newUser(account.id(), "agent", UserRole.AGENT);
        admin = newUser(account.id(), "admin", UserRole.ADMIN);
    }

    private String newUser(long accountId, String prefix, UserRole role) {
        SignedIn user = SignedIn.newUser(as, fixtures, accountId, prefix, role);
        users.put(user.username(), user);
        return user.username();
    }

    /** The user signed in: the notifications EJB works on the caller's own notifications. */
    private SignedIn as(String username) {
        return users.get(username);
    }

    private DeliveryReceipt submit(String raisedBy, String subject) {
        return manager.submit(SubmitRequest.builder().account(account.code()).raisedBy(raisedBy).category(Category.ESSENTIAL)
                .sender("lettings@northside.example", "Northside").to(Fixtures.address("tenant")).subject(subject)
                .text("Text.").build()).deliveries().get(0);
    }

    private void report(long delivery, DeliveryStatus status) {
        fixtures.report(delivery, new StatusChange(status, Instant.now(), "TEST", 550, "5.1.1", "550 5.1.1 user unknown",
                null, "test:" + UUID.randomUUID(), null, false));
    }

    private List<NotificationRow> of(String username) {
        return as(username).call(() -> notifications.page(account.id(), 0, 100));
    }

    private static NotificationSettings settings(Set<DeliveryStatus> statuses, boolean inApp, boolean byEmail, EmailTiming timing) {
        return new NotificationSettings(statuses, inApp, byEmail, timing, null);
    }

    @Test
    void eachOfTheFourStatusesNotifiesTheUserWhoRaisedTheMail() {
        for (DeliveryStatus status : NotificationSettings.NOTIFIABLE) {
            long delivery = submit(agent, "Letter " + status).deliveryId();
            report(delivery, status);
            List<NotificationRow> rows = of(agent).stream().filter(n -> n.deliveryId() == delivery).toList();
            assertEquals(1, rows.size(), status.name());
            assertEquals(status.name(), rows.get(0).status());
            assertTrue(rows.get(0).title().contains("Letter " + status), rows.get(0).title());
            assertFalse(rows.get(0).read());
        }
        assertEquals(4, as(agent).call(() -> notifications.unreadCount(account.id())));
        assertEquals(0, of(admin).size(), "only the user who raised the mail is told");
    }

    @Test
    void otherStatusesNotifyNobody() {
        for (DeliveryStatus status : List.of(DeliveryStatus.TEMPORARY_FAILURE, DeliveryStatus.ACCEPTED,
                DeliveryStatus.DELIVERED, DeliveryStatus.OPENED, DeliveryStatus.CLICKED)) {
            report(submit(agent, "Letter " + status).deliveryId(), status);
        }
        long cancelled = submit(agent, "Cancelled letter").deliveryId();
        manager.cancel(account.code(), cancelled, agent);
        assertEquals(0, as(agent).call(() -> notifications.count(account.id())));
    }

    @Test
    void aMailRejectedAtSubmissionNotifiesToo() {
        DeliveryReceipt rejected = manager.submit(SubmitRequest.builder().account(account.code()).raisedBy(agent)
                .category(Category.ESSENTIAL).sender("lettings@northside.example", "Northside")
                .to("harry.davies@@tenant.example").subject("Mistyped").text("Text.").build()).deliveries().get(0);
        assertEquals(DeliveryStatus.REJECTED, rejected.status());
        assertEquals(List.of("REJECTED"), of(agent).stream().map(NotificationRow::status).toList());
    }

    @Test
    void aRaisedByThatIsNoUserOfTheAccountNotifiesNobody() {
        long before = fixtures.count("notification");
        report(submit("demand-module", "Module letter").deliveryId(), DeliveryStatus.FAILED);
        report(submit(admin + "-not", "Stranger letter").deliveryId(), DeliveryStatus.FAILED);
        assertEquals(before, fixtures.count("notification"), "nobody at all, not a user named demand-module");
        assertEquals(0, as(admin).call(() -> notifications.count(account.id())));
    }

    @Test
    void theSameChangeAnnouncedTwiceNotifiesOnce() {
        long delivery = submit(agent, "Twice").deliveryId();
        report(delivery, DeliveryStatus.FAILED);
        DeliveryStatusChanged again = new DeliveryStatusChanged(account.id(), 0L, delivery, "x@tenant.example.org", agent,
                null, null, DeliveryStatus.SENDING, DeliveryStatus.FAILED, Instant.now(), "WEBHOOK:mailgun", "again");
        statusChanged.fire(again); // a webhook re-delivered, a second server: the observer sees it again
        statusChanged.fire(again);
        assertTrue(recorder.record(again).isEmpty());
        assertEquals(1, as(agent).call(() -> notifications.count(account.id())));
    }

    @Test
    void theUsersOwnStatusesAreHonoured() {
        as(agent).run(() -> notifications.savePreferences(account.id(), settings(Set.of(DeliveryStatus.COMPLAINED), true, false,
                EmailTiming.IMMEDIATE)));
        report(submit(agent, "Bounced").deliveryId(), DeliveryStatus.FAILED);
        report(submit(agent, "Spam").deliveryId(), DeliveryStatus.COMPLAINED);
        assertEquals(List.of("COMPLAINED"), of(agent).stream().map(NotificationRow::status).toList());
        assertEquals("USER", as(agent).call(() -> notifications.preferences(account.id())).source());
    }

    @Test
    void theAccountsDefaultsApplyToUsersWithoutTheirOwnChoice() {
        assertEquals("BUILT_IN", as(agent).call(() -> notifications.preferences(account.id())).source());
        as(admin).run(() -> notifications.saveAccountDefaults(account.id(), settings(Set.of(DeliveryStatus.REJECTED), true, false,
                EmailTiming.IMMEDIATE)));
        assertEquals("ACCOUNT", as(agent).call(() -> notifications.preferences(account.id())).source());
        AdminChangeRow logged = adminLog.page(account.id(), 0, 10).get(0);
        assertEquals(List.of(admin, "notification.defaults", "REJECTED; in the app; no email"),
                List.of(logged.actor(), logged.action(), logged.after()), "the signed-in admin's change, in the admin log");
        assertEquals(null, logged.before(), "there were no defaults before");
        report(submit(agent, "Bounced").deliveryId(), DeliveryStatus.FAILED);
        report(submit(agent, "Refused").deliveryId(), DeliveryStatus.REJECTED);
        assertEquals(List.of("REJECTED"), of(agent).stream().map(NotificationRow::status).toList());

        // The user's own choice wins over the defaults; resetting it brings the defaults back.
        as(agent).run(() -> notifications.savePreferences(account.id(), settings(NotificationSettings.NOTIFIABLE, true, false,
                EmailTiming.IMMEDIATE)));
        report(submit(agent, "Bounced again").deliveryId(), DeliveryStatus.FAILED);
        assertEquals(2, as(agent).call(() -> notifications.count(account.id())));
        as(agent).run(() -> notifications.resetPreferences(account.id()));
        assertEquals("ACCOUNT", as(agent).call(() -> notifications.preferences(account.id())).source());
    }

    @Test
    void onlyAnAdminOfTheAccountSetsItsDefaults() {
        NotificationSettings none = settings(Set.of(), true, false, EmailTiming.IMMEDIATE);
        SignedIn.assertRefusedByRole(() -> as(agent).run(() -> notifications.saveAccountDefaults(account.id(), none)));
        SignedIn.assertRefusedByRole(() -> as(agent).call(() -> notifications.accountDefaults(account.id())));
        TestAccount other = fixtures.newAccount("notify-other");
        String otherAdmin = newUser(other.id(), "admin", UserRole.ADMIN);
        assertThrows(AccountAccessDeniedException.class,
                () -> as(otherAdmin).run(() -> notifications.saveAccountDefaults(account.id(), none)));
        assertEquals("BUILT_IN", as(admin).call(() -> notifications.accountDefaults(account.id())).source());
        assertEquals(0, adminLog.count(account.id()), "nothing changed, nothing logged");
    }

    @Test
    void anEmailNotificationIsSentThroughTheDistributionManagerAndArrives() {
        TestMailServer.reset();
        as(agent).run(() -> notifications.savePreferences(account.id(), settings(NotificationSettings.NOTIFIABLE, false, true,
                EmailTiming.IMMEDIATE)));
        long delivery = submit(agent, "Rent demand 4711").deliveryId();
        report(delivery, DeliveryStatus.FAILED);
        assertEquals(0, as(agent).call(() -> notifications.count(account.id())), "email only: nothing in the app");

        Dispatching.sweep();
        String to = agent + "@staff.example.org";
        MimeMessage mail = Mails.received(to, "Distribution Manager: Could not be delivered to "
                + fixtures.delivery(delivery).getAddress() + ": Rent demand 4711");
        String body = Mails.part(mail, "text/plain");
        assertTrue(body.contains("/app/view.xhtml?id=" + delivery), body);
        assertTrue(body.contains("550 5.1.1 user unknown"), body);
    }

    @Test
    void theDailySummaryGathersTheDaysNotificationsInOneMail() {
        TestMailServer.reset();
        as(agent).run(() -> notifications.savePreferences(account.id(), settings(NotificationSettings.NOTIFIABLE, true, true,
                EmailTiming.DAILY)));
        long first = submit(agent, "Demand 1").deliveryId();
        long second = submit(agent, "Demand 2").deliveryId();
        report(first, DeliveryStatus.FAILED);
        report(second, DeliveryStatus.COMPLAINED);
        assertEquals(2, as(agent).call(() -> notifications.count(account.id())), "in the app at once");
        Dispatching.sweep();
        String to = agent + "@staff.example.org";
        assertTrue(TestMailServer.received().stream().noneMatch(m -> Mails.isFor(m, to)), "no mail before the summary");

        assertTrue(dailySummary.send(Instant.now()) >= 1);
        Dispatching.sweep();
        String body = Mails.part(Mails.received(to, "Distribution Manager: daily summary, 2 notifications"), "text/plain");
        assertTrue(body.contains("Demand 1") && body.contains("Demand 2"), body);
        assertTrue(body.contains("/app/view.xhtml?id=" + first) && body.contains("/app/view.xhtml?id=" + second), body);

        dailySummary.send(Instant.now());
        Dispatching.sweep();
        assertEquals(1, TestMailServer.received().stream().filter(m -> Mails.isFor(m, to)).count(), "sent once");
    }

    @Test
    void aStuckQueueTellsTheAdminsOncePerEpisode() {
        long[] stuck = new long[3];
        for (int i = 0; i < stuck.length; i++) {
            stuck[i] = submit(agent, "Waiting " + i).deliveryId();
            fixtures.statusSince(stuck[i], Instant.now().minus(Duration.ofMinutes(45)));
        }
        stuckQueue.check(Instant.now());
        stuckQueue.check(Instant.now());
        List<NotificationRow> told = of(admin);
        assertEquals(1, told.size(), "one notification for three stuck mails and two checks");
        assertEquals(NotificationKind.QUEUE_STUCK, told.get(0).kind());
        assertTrue(told.get(0).title().contains("3 emails"), told.get(0).title());
        assertEquals(0, as(agent).call(() -> notifications.count(account.id())), "admins only");

        // The queue moves (the mail is cancelled): the episode ends; a new stuck spell is a new episode.
        for (long delivery : stuck) {
            manager.cancel(account.code(), delivery, agent);
        }
        stuckQueue.check(Instant.now());
        assertEquals(1, as(admin).call(() -> notifications.count(account.id())));
        long again = submit(agent, "Waiting again").deliveryId();
        fixtures.statusSince(again, Instant.now().minus(Duration.ofMinutes(31)));
        stuckQueue.check(Instant.now());
        assertEquals(2, as(admin).call(() -> notifications.count(account.id())));
        manager.cancel(account.code(), again, agent);
    }

    @Test
    void mailPendingForLessThanTheLimitIsNotStuck() {
        long recent = submit(agent, "Just queued").deliveryId();
        fixtures.statusSince(recent, Instant.now().minus(Duration.ofMinutes(10)));
        stuckQueue.check(Instant.now());
        assertEquals(0, as(admin).call(() -> notifications.count(account.id())));
        manager.cancel(account.code(), recent, agent);
    }

    @Test
    void nobodySeesOrMarksAnotherAccountsNotifications() {
        report(submit(agent, "Ours").deliveryId(), DeliveryStatus.FAILED);
        long ours = of(agent).get(0).id();
        TestAccount other = fixtures.newAccount("notify-other");
        String stranger = newUser(other.id(), "agent", UserRole.AGENT);

        assertEquals(0, as(stranger).call(() -> notifications.count(other.id())));
        assertThrows(AccountAccessDeniedException.class, () -> as(agent).call(() -> notifications.count(other.id())),
                "a user naming another account");
        assertThrows(AccountAccessDeniedException.class, () -> as(stranger).call(() -> notifications.count(account.id())));
        assertThrows(AccountAccessDeniedException.class, () -> as(stranger).call(() -> notifications.markRead(account.id(), ours)));
        assertFalse(as(stranger).call(() -> notifications.markRead(other.id(), ours)));
        assertFalse(as(admin).call(() -> notifications.markRead(account.id(), ours)), "not even a colleague");
        assertEquals(1, as(agent).call(() -> notifications.unreadCount(account.id())));

        assertTrue(as(agent).call(() -> notifications.markRead(account.id(), ours)));
        assertEquals(0, as(agent).call(() -> notifications.unreadCount(account.id())));
        report(submit(agent, "Ours too").deliveryId(), DeliveryStatus.FAILED);
        assertEquals(1, as(agent).call(() -> notifications.markAllRead(account.id())));
        assertEquals(0, as(agent).call(() -> notifications.unreadCount(account.id())));
    }
}
