package io.distman.testsupport;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * {@code src-test/tools/starttls-relay} (aiosmtpd, Debian's python3-aiosmtpd; .ci/run installs it): an SMTP relay
 * that requires STARTTLS before MAIL and AUTH, and AUTH as one user, with the test relay's certificate for
 * {@code localhost} (DatabaseSetup made it and put it in the domain's trust store). GreenMail has no STARTTLS, so
 * this is the server that shows mail going out over STARTTLS. Started from in-container tests, stopped by
 * {@link #close()}.
 */
public final class StartTlsRelay implements AutoCloseable {

    /** What the relay recorded of one message it accepted. */
    public record Received(boolean tls, String tlsVersion, boolean authenticated, List<String> recipients, String content) {
    }

    private final Process process;
    private final Path out;

    private StartTlsRelay(Process process, Path out) {
        this.process = process;
        this.out = out;
    }

    public static StartTlsRelay start(int port, String user, String password) {
        Path tls = Path.of(TestEnvironment.get("distman.test.relayTls"));
        try {
            Path out = Files.createTempFile("starttls-relay-" + port + "-", ".jsonl");
            Path log = Files.createTempFile("starttls-relay-" + port + "-", ".log");
            Process process = new ProcessBuilder(TestEnvironment.get("distman.test.startTlsRelay"), String.valueOf(port),
                    tls.resolve("relay.crt").toString(), tls.resolve("relay.key").toString(), user, password, out.toString())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            // Python and aiosmtpd take a few seconds to start on a loaded machine.
            LocalServerProcess.awaitListening(process, port, Duration.ofSeconds(20),
                    "starttls-relay (is python3-aiosmtpd installed?)", () -> LocalServerProcess.output(log));
            return new StartTlsRelay(process, out);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start starttls-relay", e);
        }
    }

    /** The messages accepted so far, waiting up to {@code wait} for at least {@code atLeast}. */
    public List<Received> received(int atLeast, Duration wait) throws IOException {
        Instant until = Instant.now().plus(wait);
        List<Received> all = read();
        while (all.size() < atLeast && Instant.now().isBefore(until)) {
            LocalServerProcess.sleep(100);
            all = read();
        }
        return all;
    }

    private List<Received> read() throws IOException {
        return Files.readAllLines(out, StandardCharsets.UTF_8).stream().filter(line -> !line.isBlank()).map(line -> {
            try (JsonReader reader = Json.createReader(new StringReader(line))) {
                JsonObject o = reader.readObject();
                return new Received(o.getBoolean("tls"), o.isNull("tlsVersion") ? null : o.getString("tlsVersion"),
                        o.getBoolean("authenticated"),
                        o.getJsonArray("rcptTos").getValuesAs(JsonString.class).stream().map(JsonString::getString).toList(),
                        o.getString("content"));
            }
        }).toList();
    }

    @Override
    public void close() {
        LocalServerProcess.stop(process);
    }
}
