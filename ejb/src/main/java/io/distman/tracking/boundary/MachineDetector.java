package io.distman.tracking.boundary;

import io.distman.platform.boundary.Settings;
import io.distman.tracking.entity.TrackingRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Tells opens and clicks made by machines (privacy proxies, link scanners) from human ones. A machine
 * event is still recorded, flagged and with the reason returned here, but does not count as an open or
 * click. One rule per reason; the first that matches names it.
 *
 * <p>Limits, honestly: Apple Mail Privacy Protection fetches images through Apple's relays right after
 * a message reaches the device, opened or not; its sure sign is the relays' egress IP ranges, which
 * Apple publishes but which cannot be kept current offline, so only its request shape is checked (a
 * bare {@code Mozilla/5.0} User-Agent and no Accept-Language): an MPP fetch that looks otherwise counts
 * as human, and a human client sending exactly that would be flagged. Google's and Yahoo's image proxies
 * fetch when the recipient opens the mail, but the request is the proxy's (and cached after the first),
 * so it is flagged as a machine open too. Link scanners that pose as browsers (Microsoft Safe Links and
 * others) are caught only by timing: a click soon after delivery, or several links clicked at once. The
 * first click of a scanner's burst counts when it comes late and looks like a browser: a status never
 * moves back, so only the later clicks of the burst are flagged.
 */
public final class MachineDetector {

    /** User-Agent fragments of link scanners, previewers and HTTP libraries (matched ignoring case). */
    private static final List<String> SCANNERS = List.of("barracuda", "mimecast", "proofpoint", "symantec",
            "messagelabs", "forcepoint", "trend micro", "trendmicro", "sophos", "ironport", "fireeye", "zscaler",
            "microsoft office existence discovery", "skypeuripreview", "bingpreview", "googlebot", "slackbot",
            "facebookexternalhit", "linkedinbot", "twitterbot", "whatsapp", "telegrambot", "discordbot",
            "headlesschrome", "phantomjs", "python-requests", "python-urllib", "curl/", "wget/", "go-http-client",
            "java-http-client", "java/", "okhttp", "apache-httpclient", "libwww-perl", "crawler", "spider", "bot/");

    private MachineDetector() {
    }

    /**
     * The time windows, from settings: opens within {@code distman.tracking.machineOpenWithin} (PT5S) and
     * clicks within {@code distman.tracking.machineClickWithin} (PT10S) of delivery are a machine's; so are
     * different links of one delivery clicked within {@code distman.tracking.scannerBurst} (PT2S).
     */
    public record Thresholds(Duration openWithin, Duration clickWithin, Duration scannerBurst) {

        public static Thresholds fromSettings() {
            return new Thresholds(Settings.duration("distman.tracking.machineOpenWithin", Duration.ofSeconds(5)),
                    Settings.duration("distman.tracking.machineClickWithin", Duration.ofSeconds(10)),
                    Settings.duration("distman.tracking.scannerBurst", Duration.ofSeconds(2)));
        }
    }

    /** An earlier click of the same delivery: which link, when. */
    public record PriorClick(int link, Instant at) {
    }

    /**
     * @param deliveredAt when the mail was last accepted or delivered, or null if not known
     * @return why the open is a machine's, or empty for a human open
     */
    public static Optional<String> open(TrackingRequest request, Instant at, Instant deliveredAt, Thresholds limits) {
        return first(() -> headRequest(request), () -> googleImageProxy(request), () -> yahooProxy(request),
                () -> appleMailPrivacy(request), () -> scannerAgent(request),
                () -> tooSoon("opened", at, deliveredAt, limits.openWithin()));
    }

    /** @return why the click of link {@code link} is a machine's, or empty for a human click */
    public static Optional<String> click(TrackingRequest request, int link, Instant at, Instant deliveredAt,
                                         List<PriorClick> earlier, Thresholds limits) {
        return first(() -> headRequest(request), () -> scannerAgent(request),
                () -> tooSoon("clicked", at, deliveredAt, limits.clickWithin()),
                () -> burst(link, at, earlier, limits.scannerBurst()));
    }

    @SafeVarargs
    private static Optional<String> first(Supplier<Optional<String>>... rules) {
        return Stream.of(rules).map(Supplier::get).flatMap(Optional::stream).findFirst();
    }

    static Optional<String> headRequest(TrackingRequest request) {
        return request.isHead() ? Optional.of("HEAD request (link checkers ask for the headers only)") : Optional.empty();
    }

    static Optional<String> googleImageProxy(TrackingRequest request) {
        String agent = lower(request.userAgent());
        return agent.contains("googleimageproxy") || agent.contains("ggpht.com")
                ? Optional.of("Google image proxy") : Optional.empty();
    }

    static Optional<String> yahooProxy(TrackingRequest request) {
        return lower(request.userAgent()).contains("yahoomailproxy") ? Optional.of("Yahoo Mail image proxy") : Optional.empty();
    }

    static Optional<String> appleMailPrivacy(TrackingRequest request) {
        String agent = request.userAgent() == null ? "" : request.userAgent().strip();
        boolean noLanguage = request.acceptLanguage() == null || request.acceptLanguage().isBlank();
        return agent.equals("Mozilla/5.0") && noLanguage
                ? Optional.of("Apple Mail Privacy Protection (bare Mozilla/5.0 User-Agent, no Accept-Language)")
                : Optional.empty();
    }

    static Optional<String> scannerAgent(TrackingRequest request) {
        String agent = lower(request.userAgent());
        if (agent.isBlank()) {
            return Optional.of("no User-Agent");
        }
        return SCANNERS.stream().filter(agent::contains).findFirst()
                .map(s -> "scanner User-Agent (" + s.strip() + ")");
    }

    static Optional<String> tooSoon(String what, Instant at, Instant deliveredAt, Duration within) {
        if (deliveredAt == null) {
            return Optional.empty();
        }
        Duration after = Duration.between(deliveredAt, at);
        return after.compareTo(within) < 0
                ? Optional.of(what + " " + after.toMillis() + " ms after delivery (machine within " + within + ")")
                : Optional.empty();
    }

    static Optional<String> burst(int link, Instant at, List<PriorClick> earlier, Duration window) {
        long others = earlier.stream().filter(c -> c.link() != link)
                .filter(c -> Duration.between(c.at(), at).abs().compareTo(window) <= 0)
                .mapToInt(PriorClick::link).distinct().count();
        return others > 0
                ? Optional.of("link scanner: " + (others + 1) + " different links clicked within " + window)
                : Optional.empty();
    }

    private static String lower(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT);
    }
}
