package io.distman.dispatch.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.distman.dispatch.entity.OutgoingMail;
import io.distman.dispatch.entity.RenderedMime;
import io.distman.dispatch.entity.SendOutcome;
import io.distman.dispatch.entity.SendResult;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The transport against a local HTTP server: order of results, overlapping requests, and stopping a block. */
class MailgunTransportTest {

    private static final Pattern DELIVERY_ID = Pattern.compile("name=\"v:distman-delivery-id\"\r\n\r\n(\\d+)\\.sig\r\n");

    private final HttpClient http = HttpClient.newHttpClient();
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger mostInFlight = new AtomicInteger();
    private ExecutorService threads;
    private HttpServer server;
    private volatile int status = 200;
    private volatile CountDownLatch overlap = new CountDownLatch(0);

    @BeforeEach
    void start() throws IOException {
        threads = Executors.newFixedThreadPool(8);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(threads);
        server.createContext("/v3/", this::handle);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
        threads.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        try {
            requests.incrementAndGet();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.ISO_8859_1);
            overlap.countDown();
            overlap.await(10, TimeUnit.SECONDS); // holds each request until a second one is in flight (or 10 s pass)
            Matcher id = DELIVERY_ID.matcher(body);
            String answer = status == 200 && id.find()
                    ? "{\"id\":\"<" + id.group(1) + "@mg.test>\",\"message\":\"Queued. Thank you.\"}" : "{\"message\":\"no\"}";
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            inFlight.decrementAndGet();
            exchange.close();
        }
    }

    private MailgunTransport transport(int port, int concurrency) {
        return new MailgunTransport(http, new OutgoingMail.Mailgun(URI.create("http://127.0.0.1:" + port), "mg.test", "key-1"),
                Clock.systemUTC(), Duration.ofSeconds(30), concurrency);
    }

    private static List<OutgoingMail> mails(int count) {
        List<OutgoingMail> mails = new ArrayList<>();
        LongStream.rangeClosed(1, count).forEach(id -> mails.add(new OutgoingMail(id, 0, "<" + id + "@distman>", "b@x.example",
                "r" + id + "@tenant.example", RenderedMime.of("Subject: x\r\n\r\nx\r\n".getBytes(StandardCharsets.US_ASCII)), null, "", "transactional", id + ".sig")));
        return mails;
    }

    @Test
    void overlapsRequestsUpToTheLimitAndReportsInTheBlocksOrder() {
        overlap = new CountDownLatch(2);
        List<SendResult> results = transport(server.getAddress().getPort(), 3).sendAll(mails(10));
        assertEquals(10, requests.get());
        assertTrue(mostInFlight.get() >= 2, "requests overlapped: " + mostInFlight.get());
        assertTrue(mostInFlight.get() <= 3, "never more than the limit at once: " + mostInFlight.get());
        for (int i = 0; i < 10; i++) {
            assertEquals(i + 1, results.get(i).deliveryId());
            assertEquals(SendOutcome.ACCEPTED, results.get(i).outcome());
            assertEquals((i + 1) + "@mg.test", results.get(i).providerMessageId());
        }
    }

    @Test
    void refusedCredentialsStopTheBlockAfterOneRequest() {
        status = 401;
        List<SendResult> results = transport(server.getAddress().getPort(), 1).sendAll(mails(5));
        assertEquals(1, requests.get(), "the other four would have been refused the same way");
        assertTrue(results.stream().allMatch(r -> r.outcome() == SendOutcome.TEMPORARY_FAILURE));
        assertEquals("Mailgun HTTP 401: no", results.get(0).reply());
        assertEquals("not sent: Mailgun HTTP 401: no", results.get(4).reply());
    }

    @Test
    void aServerErrorConcernsOnlyItsRequest() {
        status = 500;
        List<SendResult> results = transport(server.getAddress().getPort(), 2).sendAll(mails(4));
        assertEquals(4, requests.get());
        assertTrue(results.stream().allMatch(r -> r.outcome() == SendOutcome.TEMPORARY_FAILURE));
    }

    @Test
    void noServerAtAllIsTemporaryForTheWholeBlock() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        List<SendResult> results = transport(closed, 1).sendAll(mails(3));
        assertTrue(results.stream().allMatch(r -> r.outcome() == SendOutcome.TEMPORARY_FAILURE), results.toString());
        assertTrue(results.get(2).reply().startsWith("not sent: Mailgun no answer"), results.get(2).reply());
    }
}
