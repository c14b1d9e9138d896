package io.distman.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.distman.account.entity.UserRole;
import io.distman.message.boundary.DeliveryStatusChanged;
import io.distman.message.entity.Category;
import io.distman.message.entity.DeliveryStatus;
import io.distman.message.entity.StatusChange;
import io.distman.notification.boundary.Notifications;
import io.distman.notification.control.NotificationRecorder;
import io.distman.notification.entity.EmailTiming;
import io.distman.notification.entity.NotificationKind;
import io.distman.notification.entity.NotificationRefusedException;
import io.distman.notification.entity.NotificationRow;
import io.distman.notification.entity.NotificationSettings;
import io.distman.submission.entity.DeliveryReceipt;
import io.distman.submission.entity.SubmitRequest;
import io.distman.testsupport.Deployments;
import io.distman.testsupport.Dispatching;
import io.distman.testsupport.Mails;
import io.distman.testsupport.TestMailServer;
import io.distman.testsupport.ejb.Fixtures.TestAccount;
import io.distman.testsupport.ejb.Fixtures;
import io.distman.testsupport.ejb.TestModule;
import jakarta.ejb.EJB;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
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

    static final String PASSWORD = "quiet-harbour-lantern-42";

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

    @Inject
    Event<DeliveryStatusChanged> statusChanged;

    TestAccount account;
    String agent;
    String admin;

    @BeforeEach
    void setUp() {
        account = fixtures.newAccount("notify");
        agent = fixtures.newUser(account.id(), "agent", UserRole.AGENT, PASSWORD);
        admin = fixtures.newUser(account.id(), "admin", UserRole.ADMIN, PASSWORD);
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
        return notifications.page(account.id(), username, 0, 100);
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
        assertEquals(4, notifications.unreadCount(account.id(), agent));
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
        assertEquals(0, notifications.count(account.id(), agent));
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
        report(submit("demand-module", "Module letter").deliveryId(), DeliveryStatus.FAILED);
        report(submit(admin + "-not", "Stranger letter").deliveryId(), DeliveryStatus.FAILED);
        assertEquals(0, notifications.count(account.id(), "demand-module"));
        assertEquals(0, notifications.count(account.id(), admin));
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
        assertEquals(1, notifications.count(account.id(), agent));
    }

    @Test
    void theUsersOwnStatusesAreHonoured() {
        notifications.savePreferences(account.id(), agent, settings(Set.of(DeliveryStatus.COMPLAINED), true, false,
                EmailTiming.IMMEDIATE));
        report(submit(agent, "Bounced").deliveryId(), DeliveryStatus.FAILED);
        report(submit(agent, "Spam").deliveryId(), DeliveryStatus.COMPLAINED);
        assertEquals(List.of("COMPLAINED"), of(agent).stream().map(NotificationRow::status).toList());
        assertEquals("USER", notifications.preferences(account.id(), agent).source());
    }

    @Test
    void theAccountsDefaultsApplyToUsersWithoutTheirOwnChoice() {
        assertEquals("BUILT_IN", notifications.preferences(account.id(), agent).source());
        notifications.saveAccountDefaults(account.id(), admin, settings(Set.of(DeliveryStatus.REJECTED), true, false,
                EmailTiming.IMMEDIATE));
        assertEquals("ACCOUNT", notifications.preferences(account.id(), agent).source());
        report(submit(agent, "Bounced").deliveryId(), DeliveryStatus.FAILED);
        report(submit(agent, "Refused").deliveryId(), DeliveryStatus.REJECTED);
        assertEquals(List.of("REJECTED"), of(agent).stream().map(NotificationRow::status).toList());

        // The user's own choice wins over the defaults; resetting it brings the defaults back.
        notifications.savePreferences(account.id(), agent, settings(NotificationSettings.NOTIFIABLE, true, false,
                EmailTiming.IMMEDIATE));
        report(submit(agent, "Bounced again").deliveryId(), DeliveryStatus.FAILED);
        assertEquals(2, notifications.count(account.id(), agent));
        notifications.resetPreferences(account.id(), agent);
        assertEquals("ACCOUNT", notifications.preferences(account.id(), agent).source());
    }

    @Test
    void onlyAnAdminOfTheAccountSetsItsDefaults() {
        NotificationSettings none = settings(Set.of(), true, false, EmailTiming.IMMEDIATE);
        assertThrows(NotificationRefusedException.class, () -> notifications.saveAccountDefaults(account.id(), agent, none));
        TestAccount other = fixtures.newAccount("notify-other");
        String otherAdmin = fixtures.newUser(other.id(), "admin", UserRole.ADMIN, PASSWORD);
        assertThrows(NotificationRefusedException.class,
                () -> notifications.saveAccountDefaults(account.id(), otherAdmin, none));
        assertEquals("BUILT_IN", notifications.accountDefaults(account.id()).source());
    }

    @Test
    void anEmailNotificationIsSentThroughTheDistributionManagerAndArrives() {
        TestMailServer.reset();
        notifications.savePreferences(account.id(), agent, settings(NotificationSettings.NOTIFIABLE, false, true,
                EmailTiming.IMMEDIATE));
        long delivery = submit(agent, "Rent demand 4711").deliveryId();
        report(delivery, DeliveryStatus.FAILED);
        assertEquals(0, notifications.count(account.id(), agent), "email only: nothing in the app");

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
        notifications.savePreferences(account.id(), agent, settings(NotificationSettings.NOTIFIABLE, true, true,
                EmailTiming.DAILY));
        long first = submit(agent, "Demand 1").deliveryId();
        long second = submit(agent, "Demand 2").deliveryId();
        report(first, DeliveryStatus.FAILED);
        report(second, DeliveryStatus.COMPLAINED);
        assertEquals(2, notifications.count(account.id(), agent), "in the app at once");
        Dispatching.sweep();
        String to = agent + "@staff.example.org";
        assertTrue(TestMailServer.received().stream().noneMatch(m -> Mails.isFor(m, to)), "no mail before the summary");

        assertTrue(notifications.sendDailySummaries(Instant.now()) >= 1);
        Dispatching.sweep();
        String body = Mails.part(Mails.received(to, "Distribution Manager: daily summary, 2 notifications"), "text/plain");
        assertTrue(body.contains("Demand 1") && body.contains("Demand 2"), body);
        assertTrue(body.contains("/app/view.xhtml?id=" + first) && body.contains("/app/view.xhtml?id=" + second), body);

        notifications.sendDailySummaries(Instant.now());
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
        notifications.checkStuckQueues(Instant.now());
        notifications.checkStuckQueues(Instant.now());
        List<NotificationRow> told = of(admin);
        assertEquals(1, told.size(), "one notification for three stuck mails and two checks");
        assertEquals(NotificationKind.QUEUE_STUCK, told.get(0).kind());
        assertTrue(told.get(0).title().contains("3 emails"), told.get(0).title());
        assertEquals(0, notifications.count(account.id(), agent), "admins only");

        // The queue moves (the mail is cancelled): the episode ends; a new stuck spell is a new episode.
        for (long delivery : stuck) {
            manager.cancel(account.code(), delivery, agent);
        }
        notifications.checkStuckQueues(Instant.now());
        assertEquals(1, notifications.count(account.id(), admin));
        long again = submit(agent, "Waiting again").deliveryId();
        fixtures.statusSince(again, Instant.now().minus(Duration.ofMinutes(31)));
        notifications.checkStuckQueues(Instant.now());
        assertEquals(2, notifications.count(account.id(), admin));
        manager.cancel(account.code(), again, agent);
    }

    @Test
    void mailPendingForLessThanTheLimitIsNotStuck() {
        long recent = submit(agent, "Just queued").deliveryId();
        fixtures.statusSince(recent, Instant.now().minus(Duration.ofMinutes(10)));
        notifications.checkStuckQueues(Instant.now());
        assertEquals(0, notifications.count(account.id(), admin));
        manager.cancel(account.code(), recent, agent);
    }

    @Test
    void nobodySeesOrMarksAnotherAccountsNotifications() {
        report(submit(agent, "Ours").deliveryId(), DeliveryStatus.FAILED);
        long ours = of(agent).get(0).id();
        TestAccount other = fixtures.newAccount("notify-other");
        String stranger = fixtures.newUser(other.id(), "agent", UserRole.AGENT, PASSWORD);

        assertEquals(0, notifications.count(other.id(), stranger));
        assertEquals(0, notifications.count(other.id(), agent), "the user's name with another account finds nothing");
        assertEquals(0, notifications.count(account.id(), stranger));
        assertFalse(notifications.markRead(other.id(), stranger, ours));
        assertFalse(notifications.markRead(account.id(), admin, ours), "not even a colleague");
        assertEquals(1, notifications.unreadCount(account.id(), agent));

        assertTrue(notifications.markRead(account.id(), agent, ours));
        assertEquals(0, notifications.unreadCount(account.id(), agent));
        report(submit(agent, "Ours too").deliveryId(), DeliveryStatus.FAILED);
        assertEquals(1, notifications.markAllRead(account.id(), agent));
        assertEquals(0, notifications.unreadCount(account.id(), agent));
    }
}
