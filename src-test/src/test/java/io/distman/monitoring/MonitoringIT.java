package io.distman.monitoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.distman.account.entity.UserRole;
import io.distman.message.entity.Category;
import io.distman.message.entity.DeliveryStatus;
import io.distman.notification.boundary.Notifications;
import io.distman.notification.control.StuckQueueCheck;
import io.distman.notification.entity.NotificationKind;
import io.distman.notification.entity.NotificationRow;
import io.distman.submission.entity.SubmitRequest;
import io.distman.testsupport.Deployments;
import io.distman.testsupport.Dispatching;
import io.distman.testsupport.SignedIn;
import io.distman.testsupport.TestEnvironment;
import io.distman.testsupport.TestMailServer;
import io.distman.testsupport.ejb.AsCaller;
import io.distman.testsupport.ejb.Fixtures.TestAccount;
import io.distman.testsupport.ejb.Fixtures;
import io.distman.testsupport.ejb.TestModule;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Seeing the queue's health: the probe reports the database, the relays and the oldest due mail (503 only when
 * the database does not answer) and tells anonymous callers nothing that names an account or a host; the metrics
 * count what was really sent and failed, in Prometheus text, for operators only; mail piling up in
 * TEMPORARY_FAILURE tells the account's admins once. Runs in the container, calling the API over HTTP.
 */
@ExtendWith(ArquillianExtension.class)
public class MonitoringIT {

    /** Nothing listens here: a dead relay (connection refused). */
    private static final int DEAD_PORT = 1;

    @Deployment
    public static EnterpriseArchive deployment() {
        return Deployments.ear(MonitoringIT.class);
    }

    @EJB
    TestModule manager;

    @Resource(lookup = "jdbc/distman")
    DataSource dataSource;

    @EJB
    Fixtures fixtures;

    @EJB
    AsCaller as;

    @EJB
    StuckQueueCheck stuckQueue;

    @EJB
    Notifications notifications;

    final HttpClient http = HttpClient.newHttpClient();
    TestAccount account;
    String operator;

    @BeforeEach
    void setUp() {
        account = fixtures.newAccount("monitor");
        operator = fixtures.newUser(account.id(), "operator", UserRole.OPERATOR, SignedIn.PASSWORD);
        System.setProperty("distman.metrics.cacheFor", "PT0S"); // each call reads the queue: the test counts exactly
    }

    @AfterEach
    void restoreSettings() {
        System.clearProperty("distman.metrics.cacheFor");
        System.clearProperty("distman.health.databaseTimeout");
        System.clearProperty("distman.notify.retryingAtLeast");
    }

    private List<Long> submit(TestAccount to, int count) {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(manager.submit(SubmitRequest.builder().account(to.code()).raisedBy("adam").category(Category.ESSENTIAL)
                    .sender("lettings@northside.example", "Northside").to(Fixtures.address("tenant")).subject("Rent " + i)
                    .text("Text.").build()).deliveries().get(0).deliveryId());
        }
        return ids;
    }

    /** An account whose relay is dead: every attempt fails temporarily without a reply. */
    private TestAccount deadRelayAccount() {
        TestAccount dead = fixtures.newAccount("monitor-dead");
        fixtures.useRelay(dead.id(), "127.0.0.1", DEAD_PORT);
        return dead;
    }

    private HttpResponse<String> get(String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(TestEnvironment.url("api/v1/" + path)).timeout(Duration.ofSeconds(30));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static JsonObject json(HttpResponse<String> response) {
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    /** The samples of a Prometheus text exposition, by name and labels as printed. */
    private Map<String, Double> metrics() throws Exception {
        HttpResponse<String> response = get("installation/metrics", basic(operator, SignedIn.PASSWORD));
        assertEquals(200, response.statusCode(), response.body());
        String type = response.headers().firstValue("Content-Type").orElse("").replace(" ", "");
        assertTrue(type.startsWith("text/plain;") && type.contains(";version=0.0.4"), type); // parameters in any order
        Map<String, Double> samples = new HashMap<>();
        for (String line : response.body().split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                int space = line.lastIndexOf(' ');
                samples.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
            }
        }
        return samples;
    }

    private static double delta(Map<String, Double> before, Map<String, Double> after, String sample) {
        return after.getOrDefault(sample, 0.0) - before.getOrDefault(sample, 0.0);
    }

    @Test
    void theMetricsCountWhatWasSentAndWhatFailedAndWhy() throws Exception {
        TestAccount dead = deadRelayAccount();
        Map<String, Double> before = metrics();
        TestMailServer.purge();
        submit(account, 3);
        List<Long> failing = submit(dead, 2);
        Map<String, Double> queued = metrics();
        assertEquals(5, delta(before, queued, "distman_queue_deliveries{status=\"PENDING\"}"), "submitted, not yet sent");

        Dispatching.sweep();
        TestMailServer.awaitMessages(3, Duration.ofSeconds(20));
        Map<String, Double> after = metrics();
        assertEquals(3, delta(before, after, "distman_deliveries_sent_total{transport=\"SMTP\"}"), after.toString());
        assertEquals(2, delta(before, after,
                "distman_delivery_failures_total{reason=\"none\",source=\"SMTP\",status=\"TEMPORARY_FAILURE\"}"), after.toString());
        assertEquals(0, delta(before, after, "distman_queue_deliveries{status=\"PENDING\"}"), "all were tried");
        assertEquals(2, delta(before, after, "distman_queue_deliveries{status=\"TEMPORARY_FAILURE\"}"), "the dead relay's");
        assertTrue(after.containsKey("distman_queue_oldest_due_age_seconds"), after.keySet().toString());
        cancel(dead, failing);
    }

    /** Out of the queue, so a later test's sweep does not retry them (their next attempt comes within minutes). */
    private void cancel(TestAccount of, List<Long> deliveries) {
        deliveries.forEach(id -> manager.cancel(of.code(), id, "adam"));
    }

    @Test
    void onlyOperatorsReadTheMetricsAndTheDetails() throws Exception {
        String admin = fixtures.newUser(account.id(), "admin", UserRole.ADMIN, SignedIn.PASSWORD);
        for (String path : List.of("installation/metrics", "installation/health")) {
            HttpResponse<String> anonymous = get(path, null);
            assertEquals(401, anonymous.statusCode(), path + ": " + anonymous.body());
            assertTrue(anonymous.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"));
            assertEquals(403, get(path, basic(admin, SignedIn.PASSWORD)).statusCode(), path + ": an account's admin is no operator");
            assertEquals(401, get(path, "Bearer " + account.apiKey()).statusCode(), path + ": an API key belongs to an account");
            assertFalse(get(path, basic(admin, SignedIn.PASSWORD)).body().contains("distman_"), "no metrics in a refusal");
        }
        assertEquals(200, get("installation/health", basic(operator, SignedIn.PASSWORD)).statusCode());
    }

    @Test
    void aDeadRelayDegradesTheRelayPartAndAWorkingOneRestoresIt() throws Exception {
        TestAccount dead = deadRelayAccount();
        List<Long> failing = submit(dead, 3); // three failures in a row: distman.health.relayFailures' default
        Dispatching.sweep();
        cancel(dead, failing);

        HttpResponse<String> anonymous = get("health", null);
        assertEquals(200, anonymous.statusCode(), "DEGRADED still takes mail: " + anonymous.body());
        JsonObject summary = json(anonymous);
        assertEquals("DEGRADED", summary.getString("status"), anonymous.body());
        assertEquals("DEGRADED", summary.getJsonObject("checks").getString("relay"), anonymous.body());
        assertEquals("UP", summary.getJsonObject("checks").getString("database"), anonymous.body());
        for (String secret : List.of(dead.code(), account.code(), "127.0.0.1", "refused", "transports")) {
            assertFalse(anonymous.body().contains(secret), "anonymous callers see no " + secret + ": " + anonymous.body());
        }

        HttpResponse<String> details = get("installation/health", basic(operator, SignedIn.PASSWORD));
        JsonObject smtp = json(details).getJsonArray("transports").getValuesAs(JsonObject.class).stream()
                .filter(t -> t.getString("transport").equals("SMTP")).findFirst().orElseThrow();
        assertEquals("DEGRADED", smtp.getString("status"), details.body());
        assertTrue(smtp.getJsonNumber("consecutiveFailures").longValue() >= 3, details.body());
        assertTrue(smtp.containsKey("lastFailure") && !smtp.getString("lastFailure").isBlank(), details.body());

        submit(account, 1);
        Dispatching.sweep();
        JsonObject healed = json(get("health", null));
        assertEquals("UP", healed.getJsonObject("checks").getString("relay"), healed.toString());
    }

    @Test
    void theOldestDueMailsAgeIsReportedAndALongWaitDegradesTheQueue() throws Exception {
        long waiting = submit(account, 1).get(0);
        fixtures.scheduleAt(waiting, Instant.now().minus(Duration.ofHours(2)));
        try {
            JsonObject health = json(get("health", null));
            long age = health.getJsonNumber("oldestDueSeconds").longValue();
            assertTrue(age >= 7200 && age < 7200 + 120, "due two hours ago: " + health);
            assertEquals("DEGRADED", health.getJsonObject("checks").getString("queue"), "past distman.health.queueLagLimit (30 min)");
            JsonObject details = json(get("installation/health", basic(operator, SignedIn.PASSWORD)));
            assertTrue(details.getJsonObject("queue").getJsonNumber("PENDING").longValue() >= 1, details.toString());
        } finally {
            manager.cancel(account.code(), waiting, "adam");
        }
    }

    @Test
    void aDatabaseThatDoesNotAnswerInTimeIsDownWith503() throws Exception {
        // A database that really hangs: the probe's query waits on a table this test holds locked.
        System.setProperty("distman.health.databaseTimeout", "PT2S");
        try (Connection holder = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            try (Statement lock = holder.createStatement()) {
                lock.execute(TestEnvironment.onPostgres() ? "LOCK TABLE account IN ACCESS EXCLUSIVE MODE"
                        : "LOCK TABLE account IN EXCLUSIVE MODE");
                HttpResponse<String> down = get("health", null);
                assertEquals(503, down.statusCode(), down.body());
                JsonObject report = json(down);
                assertEquals("DOWN", report.getString("status"));
                assertEquals("DOWN", report.getJsonObject("checks").getString("database"));
                assertEquals("UNKNOWN", report.getJsonObject("checks").getString("queue"), "the queue is not read then");
            } finally {
                holder.rollback();
            }
        } finally {
            System.clearProperty("distman.health.databaseTimeout");
        }
        HttpResponse<String> up = get("health", null);
        for (int i = 0; i < 20 && up.statusCode() != 200; i++) { // the probe's own timed-out query ends first
            Thread.sleep(250);
            up = get("health", null);
        }
        assertEquals(200, up.statusCode(), "answers again once the database does: " + up.body());
    }

    @Test
    void mailPilingUpInTemporaryFailureTellsTheAdminsOnce() {
        System.setProperty("distman.notify.retryingAtLeast", "3");
        TestAccount dead = deadRelayAccount();
        SignedIn admin = SignedIn.newUser(as, fixtures, dead.id(), "admin", UserRole.ADMIN);
        List<Long> failing = submit(dead, 3);
        Dispatching.sweep();
        for (long id : failing) {
            assertEquals(DeliveryStatus.TEMPORARY_FAILURE, fixtures.delivery(id).getStatus());
        }
        stuckQueue.check(Instant.now());
        assertEquals(0, admin.call(() -> notifications.count(dead.id())), "failing for minutes only: no news yet");

        for (long id : failing.subList(0, 2)) {
            fixtures.statusSince(id, Instant.now().minus(Duration.ofMinutes(45)));
        }
        stuckQueue.check(Instant.now());
        assertEquals(0, admin.call(() -> notifications.count(dead.id())), "two old ones are fewer than the three it takes");

        fixtures.statusSince(failing.get(2), Instant.now().minus(Duration.ofMinutes(45)));
        stuckQueue.check(Instant.now());
        stuckQueue.check(Instant.now());
        List<NotificationRow> told = admin.call(() -> notifications.page(dead.id(), 0, 100));
        assertEquals(1, told.size(), "one notice for three retrying mails and two checks: " + told);
        assertEquals(NotificationKind.QUEUE_STUCK, told.get(0).kind());
        assertTrue(told.get(0).title().contains("3 emails"), told.get(0).title());
        String detail = told.get(0).detail();
        assertTrue(detail.contains("Last failure: ") && !detail.contains("(none recorded)"), "names the last failure: " + detail);

        cancel(dead, failing);
        stuckQueue.check(Instant.now());
        assertEquals(1, admin.call(() -> notifications.count(dead.id())), "the episode closed without a new notice");
    }
}
