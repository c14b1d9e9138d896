package io.distman.tracking.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.distman.tracking.boundary.MachineDetector.PriorClick;
import io.distman.tracking.boundary.MachineDetector.Thresholds;
import io.distman.tracking.entity.TrackingRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MachineDetectorTest {

    private static final String FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";
    private static final Instant SENT = Instant.parse("2026-11-20T10:00:00Z");
    private static final Instant LATER = SENT.plus(Duration.ofMinutes(30));
    private static final Thresholds LIMITS = new Thresholds(Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(2));

    private static TrackingRequest browser() {
        return new TrackingRequest("GET", FIREFOX, "en-GB,en;q=0.8");
    }

    private static Optional<String> open(TrackingRequest request, Instant at) {
        return MachineDetector.open(request, at, SENT, LIMITS);
    }

    private static Optional<String> click(TrackingRequest request, int link, Instant at, List<PriorClick> earlier) {
        return MachineDetector.click(request, link, at, SENT, earlier, LIMITS);
    }

    @Test
    void aBrowserLateEnoughIsHuman() {
        assertEquals(Optional.empty(), open(browser(), LATER));
        assertEquals(Optional.empty(), click(browser(), 0, LATER, List.of()));
        assertEquals(Optional.empty(), MachineDetector.open(browser(), LATER, null, LIMITS), "no delivery time known");
        assertEquals(Optional.empty(), open(new TrackingRequest("GET", "Mozilla/4.0 (compatible; ms-office; MSOffice 16)", null), LATER),
                "Outlook for Windows showing the mail is a reader");
    }

    @Test
    void googleAndYahooImageProxies() {
        String google = "Mozilla/5.0 (Windows NT 5.1; rv:11.0) Gecko Firefox/11.0 (via ggpht.com GoogleImageProxy)";
        assertEquals(Optional.of("Google image proxy"), open(new TrackingRequest("GET", google, null), LATER));
        assertEquals(Optional.of("Yahoo Mail image proxy"),
                open(new TrackingRequest("GET", "YahooMailProxy; https://help.yahoo.com/kb/yahoo-mail-proxy-SLN28749.html", null), LATER));
    }

    @Test
    void appleMailPrivacyProtectionByItsRequestShapeOnly() {
        assertTrue(open(new TrackingRequest("GET", "Mozilla/5.0", null), LATER).orElseThrow().startsWith("Apple Mail Privacy Protection"));
        assertEquals(Optional.empty(), open(new TrackingRequest("GET", "Mozilla/5.0", "en-GB"), LATER),
                "with a language it may be a real client");
    }

    @Test
    void scannerAgentsAndMissingAgents() {
        assertEquals(Optional.of("scanner User-Agent (barracuda)"),
                click(new TrackingRequest("GET", "Barracuda Sentinel (EE)", "en"), 0, LATER, List.of()));
        assertEquals(Optional.of("scanner User-Agent (java-http-client)"),
                open(new TrackingRequest("GET", "Java-http-client/17.0.12", null), LATER));
        assertEquals(Optional.of("no User-Agent"), click(new TrackingRequest("GET", null, "en"), 0, LATER, List.of()));
        assertEquals(Optional.of("no User-Agent"), open(new TrackingRequest("GET", " ", "en"), LATER));
    }

    @Test
    void headRequestsAreMachinesWhateverElse() {
        assertTrue(click(new TrackingRequest("HEAD", FIREFOX, "en"), 0, LATER, List.of()).orElseThrow().startsWith("HEAD request"));
        assertTrue(open(new TrackingRequest("HEAD", FIREFOX, "en"), LATER).orElseThrow().startsWith("HEAD request"));
    }

    @Test
    void tooSoonAfterDelivery() {
        assertEquals(Optional.of("opened 4999 ms after delivery (machine within PT5S)"), open(browser(), SENT.plusMillis(4999)));
        assertEquals(Optional.empty(), open(browser(), SENT.plusSeconds(5)));
        assertTrue(open(browser(), SENT.minusSeconds(1)).isPresent(), "before we even recorded the acceptance");
        assertEquals(Optional.of("clicked 9000 ms after delivery (machine within PT10S)"), click(browser(), 0, SENT.plusSeconds(9), List.of()));
        assertEquals(Optional.empty(), click(browser(), 0, SENT.plusSeconds(10), List.of()));
    }

    @Test
    void severalLinksAtOnceAreAScanner() {
        List<PriorClick> earlier = List.of(new PriorClick(0, LATER.minusMillis(300)), new PriorClick(1, LATER.minusMillis(200)));
        assertEquals(Optional.of("link scanner: 3 different links clicked within PT2S"), click(browser(), 2, LATER, earlier));
        assertEquals(Optional.empty(), click(browser(), 0, LATER, List.of(new PriorClick(0, LATER.minusMillis(300)))),
                "the same link twice is a double click");
        assertEquals(Optional.empty(), click(browser(), 1, LATER, List.of(new PriorClick(0, LATER.minusSeconds(3)))),
                "another link a while later is reading on");
    }
}
