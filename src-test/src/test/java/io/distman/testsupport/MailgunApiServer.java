package io.distman.testsupport;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentDisposition;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A local stand-in for Mailgun's sending API, as documented: {@code POST /v3/{domain}/messages(.mime)}
 * with HTTP Basic {@code api:<key>} and a multipart/form-data body, answering 200
 * {@code {"id":"<...@domain>","message":"Queued. Thank you."}}, 401 "Forbidden" for a wrong key, 404 for
 * a domain it does not know, 400 {@code {"message": ...}} for a missing parameter. Tests make it answer
 * other statuses, or slowly, for chosen recipients. Runs on 127.0.0.1 on a free port, in whichever JVM
 * starts it (in-container tests: GlassFish's); close() stops it.
 */
public final class MailgunApiServer implements AutoCloseable {

    private static final Pattern PATH = Pattern.compile("/v3/([^/]+)/(messages|messages\\.mime)");
    private static final Session PARSING = Session.getInstance(new Properties());

    /** One request as the server understood it. */
    public record Request(String path, String domain, boolean mime, Map<String, List<String>> fields, byte[] message,
                          int status, String answer) {

        public String field(String name) {
            List<String> values = fields.get(name);
            return values == null || values.isEmpty() ? null : values.get(0);
        }

        /** The uploaded message (messages.mime), parsed. */
        public MimeMessage mimeMessage() {
            try {
                return new MimeMessage(PARSING, new ByteArrayInputStream(message));
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** What to answer a recipient's requests instead of 200. */
    private record Fault(int status, String retryAfter, String body, Duration delay) {
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(4);
    private final String domain;
    private final String apiKey;
    private final List<Request> received = new CopyOnWriteArrayList<>();
    private final Map<String, Fault> faults = new ConcurrentHashMap<>();

    private MailgunApiServer(String domain, String apiKey) throws IOException {
        this.domain = domain;
        this.apiKey = apiKey;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    /** A server that knows one sending domain and one API key. */
    public static MailgunApiServer start(String domain, String apiKey) {
        try {
            return new MailgunApiServer(domain, apiKey);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What to configure as the account's Mailgun base URL. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Answers requests for this recipient with the status (and Retry-After, if not null) and Mailgun's error shape. */
    public void answer(String recipient, int status, String retryAfter, String message) {
        faults.put(recipient.toLowerCase(), new Fault(status, retryAfter, "{\"message\": \"" + message + "\"}", null));
    }

    /** Answers requests for this recipient normally, but only after the delay. */
    public void delay(String recipient, Duration delay) {
        faults.put(recipient.toLowerCase(), new Fault(200, null, null, delay));
    }

    public void clearFaults() {
        faults.clear();
    }

    public List<Request> received() {
        return List.copyOf(received);
    }

    public List<Request> receivedFor(String recipient) {
        return received.stream().filter(r -> recipient.equalsIgnoreCase(r.field("to"))).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String path = exchange.getRequestURI().getPath();
            Matcher m = PATH.matcher(path);
            if (!"POST".equals(exchange.getRequestMethod()) || !m.matches()) {
                respond(exchange, 404, "{\"message\": \"Not Found\"}");
                return;
            }
            if (!authorised(exchange.getRequestHeaders().getFirst("Authorization"))) {
                respond(exchange, 401, "Forbidden"); // Mailgun's own 401 body is plain text
                return;
            }
            if (!domain.equals(m.group(1))) {
                respond(exchange, 404, "{\"message\": \"Domain not found: " + m.group(1) + "\"}");
                return;
            }
            boolean mime = m.group(2).endsWith(".mime");
            Map<String, List<String>> fields = new LinkedHashMap<>();
            byte[] message = parseForm(exchange.getRequestHeaders().getFirst("Content-Type"), body, fields);
            String missing = fields.containsKey("to") ? (mime && message == null ? "message" : null) : "to";
            if (missing != null) {
                record(path, m.group(1), mime, fields, message, 400, "{\"message\": \"" + missing + " parameter is missing\"}", exchange);
                return;
            }
            Fault fault = faults.get(fields.get("to").get(0).toLowerCase());
            if (fault != null && fault.delay() != null) {
                Thread.sleep(fault.delay().toMillis());
            }
            if (fault != null && fault.status() != 200) {
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                if (fault.retryAfter() != null) {
                    exchange.getResponseHeaders().add("Retry-After", fault.retryAfter());
                }
                record(path, m.group(1), mime, fields, message, fault.status(), fault.body(), exchange);
                return;
            }
            String id = "<" + System.currentTimeMillis() + "." + UUID.randomUUID().toString().replace("-", "").substring(0, 12)
                    + "@" + domain + ">";
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            record(path, m.group(1), mime, fields, message, 200,
                    "{\n  \"id\": \"" + id + "\",\n  \"message\": \"Queued. Thank you.\"\n}", exchange);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (MessagingException | RuntimeException e) {
            respond(exchange, 400, "{\"message\": \"cannot read the form: " + e.getMessage() + "\"}");
        }
    }

    private void record(String path, String domain, boolean mime, Map<String, List<String>> fields, byte[] message,
                        int status, String answer, HttpExchange exchange) throws IOException {
        received.add(new Request(path, domain, mime, fields, message, status, answer));
        respond(exchange, status, answer);
    }

    private boolean authorised(String header) {
        if (header == null || !header.startsWith("Basic ")) {
            return false;
        }
        String credentials = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
        return credentials.equals("api:" + apiKey);
    }

    /** Parses multipart/form-data with Jakarta Mail's MIME parser; text fields into {@code fields}. @return the "message" file */
    private static byte[] parseForm(String contentType, byte[] body, Map<String, List<String>> fields)
            throws MessagingException, IOException {
        if (contentType == null || !contentType.toLowerCase().startsWith("multipart/form-data")) {
            return null;
        }
        MimeMultipart form = new MimeMultipart(new ByteArrayDataSource(body, contentType));
        byte[] message = null;
        for (int i = 0; i < form.getCount(); i++) {
            BodyPart part = form.getBodyPart(i);
            String[] disposition = part.getHeader("Content-Disposition");
            if (disposition == null) {
                continue;
            }
            String name = new ContentDisposition(disposition[0]).getParameter("name");
            byte[] value = part.getInputStream().readAllBytes();
            if ("message".equals(name)) {
                message = value;
            } else {
                fields.computeIfAbsent(name, k -> new ArrayList<>()).add(new String(value, StandardCharsets.UTF_8));
            }
        }
        return message;
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
