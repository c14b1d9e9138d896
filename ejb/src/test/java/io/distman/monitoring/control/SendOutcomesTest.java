package io.distman.monitoring.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.distman.message.boundary.DeliveryStatusChanged;
import io.distman.message.entity.DeliveryStatus;
import io.distman.monitoring.entity.PartStatus;
import io.distman.monitoring.entity.TransportHealth;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The counters and the relay's run of failures, from the after-commit events alone. */
class SendOutcomesTest {

    private SendOutcomes outcomes;
    private MetricsRegistry metrics;

    @BeforeEach
    void setUp() {
        metrics = new MetricsRegistry();
        metrics.snapshots = new QueueSnapshots();
        metrics.gauges();
        outcomes = new SendOutcomes();
        outcomes.metrics = metrics;
    }

    private void change(DeliveryStatus previous, DeliveryStatus current, String source, Integer code) {
        outcomes.observe(new DeliveryStatusChanged(1, 2, 3, "a@b.example", "adam", null, null, previous, current,
                Instant.now(), source, "421 4.4.2 relay.example.org closing", code));
    }

    private double sample(String line) {
        for (String l : metrics.registry().scrape().split("\n")) {
            if (l.startsWith(line + " ")) {
                return Double.parseDouble(l.substring(line.length() + 1));
            }
        }
        return 0;
    }

    @Test
    void threeTemporaryFailuresInARowDegradeATransportAndOneAcceptedSendRestoresIt() {
        change(DeliveryStatus.SENDING, DeliveryStatus.TEMPORARY_FAILURE, "SMTP", 421);
        change(DeliveryStatus.SENDING, DeliveryStatus.FAILED, "SMTP", 550); // the receiver spoke: not the relay's fault
        change(DeliveryStatus.SENDING, DeliveryStatus.TEMPORARY_FAILURE, "SMTP", null);
        assertEquals(PartStatus.UP, outcomes.transports().get(0).status());
        change(DeliveryStatus.SENDING, DeliveryStatus.TEMPORARY_FAILURE, "SMTP", null);
        TransportHealth smtp = outcomes.transports().get(0);
        assertEquals(PartStatus.DEGRADED, smtp.status());
        assertEquals(3, smtp.consecutiveFailures());
        assertEquals(4, smtp.failed());
        assertTrue(smtp.lastFailure().contains("closing"), smtp.lastFailure());

        change(DeliveryStatus.SENDING, DeliveryStatus.ACCEPTED, "SMTP", 250);
        assertEquals(PartStatus.UP, outcomes.transports().get(0).status());
        assertEquals(1, sample("distman_deliveries_sent_total{transport=\"SMTP\"}"));
        assertEquals(2, sample("distman_delivery_failures_total{reason=\"none\",source=\"SMTP\",status=\"TEMPORARY_FAILURE\"}"));
        assertEquals(1, sample("distman_delivery_failures_total{reason=\"421\",source=\"SMTP\",status=\"TEMPORARY_FAILURE\"}"));
        assertEquals(1, sample("distman_delivery_failures_total{reason=\"550\",source=\"SMTP\",status=\"FAILED\"}"));
    }

    @Test
    void feedbackCountsAsFailureButSaysNothingAboutTheRelay() {
        change(DeliveryStatus.ACCEPTED, DeliveryStatus.FAILED, "WEBHOOK:mailgun", 550);
        assertTrue(outcomes.transports().isEmpty());
        assertEquals(1, sample("distman_delivery_failures_total{reason=\"550\",source=\"WEBHOOK:mailgun\",status=\"FAILED\"}"));
    }

    @Test
    void labelsStayInASmallVocabularyWhateverTheInput() {
        assertEquals("none", SendOutcomes.reason(-1));
        assertEquals("none", SendOutcomes.reason(250));
        assertEquals("none", SendOutcomes.reason(99999));
        assertEquals("451", SendOutcomes.reason(451));
        assertEquals("other", SendOutcomes.label("x".repeat(41)));
        assertEquals("other", SendOutcomes.label("SMTP\"} 1\nfake_metric"));
        assertEquals("other", SendOutcomes.label(null));
    }

    @Test
    void theQueueGaugesAreNotANumberBeforeTheFirstReading() {
        assertTrue(metrics.registry().scrape().contains("distman_queue_deliveries{status=\"PENDING\"} NaN"),
                metrics.registry().scrape());
    }

    @Test
    void onlyADownPartMakesTheWholeDown() {
        assertEquals(PartStatus.DEGRADED, PartStatus.UP.worse(PartStatus.DEGRADED).worse(PartStatus.UNKNOWN));
        assertEquals(PartStatus.DOWN, PartStatus.DEGRADED.worse(PartStatus.DOWN));
        assertEquals(PartStatus.UP, PartStatus.UP.worse(PartStatus.UNKNOWN));
    }
}
