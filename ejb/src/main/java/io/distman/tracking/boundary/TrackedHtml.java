package io.distman.tracking.boundary;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;

/**
 * Open and click tracking in a message's HTML: a 1x1 pixel before {@code </body>} and the message's
 * http(s) links pointed at {@code /api/v1/t/c/{token}/{n}}.
 *
 * <p>Link n is the n-th {@linkplain #links trackable link} of the <em>archived</em> HTML, in document
 * order. A click is resolved by parsing the archived HTML again, never from anything in the URL, so a
 * click can only ever lead to a link the message contained: the number is not signed because changing
 * it only picks another of the message's own links, and a number past the last one finds nothing.
 *
 * <p>Cost: HTML is parsed and rewritten once per message into a template whose token slots are then
 * filled per delivery with one string replacement (the tokens sign the delivery id). The MIME part is
 * then encoded per delivery, because the HTML differs per recipient; mail without tracking keeps the
 * shared once-per-message rendering. Filling tokens into already encoded MIME bytes was rejected:
 * quoted-printable may break a slot across soft line breaks and base64 hides it altogether.
 *
 * <p>Not rewritten: mailto:, tel:, anchors, relative and any non-http(s) links, links marked
 * {@code data-distman-notrack}, and unsubscribe/opt-out links (by their address or text), which must
 * work without this server and must not be "clicked" by tracking. The text part is never rewritten:
 * a long redirect in place of the address a reader can see looks like phishing; text-only mail is
 * not tracked at all.
 */
public final class TrackedHtml {

    private static final String OPEN_SLOT = "DISTMAN-OPEN-TOKEN";
    private static final String CLICK_SLOT = "DISTMAN-CLICK-TOKEN";
    private static final List<String> UNSUBSCRIBE_WORDS = List.of("unsubscribe", "opt-out", "optout", "opt_out");

    private final String template;

    private TrackedHtml(String template) {
        this.template = template;
    }

    public static String pixelPath(String token) {
        return "/api/v1/t/o/" + token;
    }

    public static String clickPath(String token, int link) {
        return "/api/v1/t/c/" + token + "/" + link;
    }

    /** Rewrites {@code html} once for all recipients of a message; {@code baseUrl} is the public URL of this service. */
    public static TrackedHtml prepare(String html, boolean opens, boolean clicks, String baseUrl) {
        Document doc = Jsoup.parse(html);
        if (clicks) {
            int n = 0;
            for (Element link : trackable(doc)) {
                link.attr("href", baseUrl + clickPath(CLICK_SLOT, n++));
            }
        }
        if (opens) {
            doc.body().appendElement("img").attr("src", baseUrl + pixelPath(OPEN_SLOT)).attr("width", "1")
                    .attr("height", "1").attr("alt", "").attr("style", "display:block;border:0;width:1px;height:1px");
        }
        doc.outputSettings().prettyPrint(false).charset(StandardCharsets.UTF_8).escapeMode(Entities.EscapeMode.base);
        return new TrackedHtml(doc.outerHtml());
    }

    /** The HTML of one delivery: its signed tokens in the slots. */
    public String forDelivery(String openToken, String clickToken) {
        return template.replace(OPEN_SLOT, openToken).replace(CLICK_SLOT, clickToken);
    }

    /** The trackable links of the (archived, unrewritten) HTML, in document order: link n of a click URL. */
    public static List<String> links(String html) {
        return trackable(Jsoup.parse(html)).stream().map(a -> cleanHref(a.attr("href"))).toList();
    }

    /** Link {@code n} of the archived HTML, or empty when the message has no such link. */
    public static Optional<String> link(String html, int n) {
        if (html == null || n < 0) {
            return Optional.empty();
        }
        List<String> links = links(html);
        return n < links.size() ? Optional.of(links.get(n)) : Optional.empty();
    }

    private static List<Element> trackable(Document doc) {
        return doc.select("a[href]").stream().filter(TrackedHtml::isTrackable).toList();
    }

    private static boolean isTrackable(Element a) {
        String href = cleanHref(a.attr("href")).toLowerCase(Locale.ROOT);
        if (!(href.startsWith("http://") || href.startsWith("https://")) || a.hasAttr("data-distman-notrack")) {
            return false;
        }
        String text = a.text().toLowerCase(Locale.ROOT);
        return UNSUBSCRIBE_WORDS.stream().noneMatch(w -> href.contains(w) || text.contains(w));
    }

    /** As a browser reads an href: tabs and newlines removed, surrounding spaces and controls trimmed. */
    private static String cleanHref(String href) {
        return href.replaceAll("[\\t\\n\\r]", "").trim();
    }

    /**
     * The link as an ASCII Location header value: anything outside printable ASCII percent-encoded as
     * UTF-8, as a browser would send it, so the header can carry neither line breaks nor mangled text.
     */
    public static String location(String link) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(link.length() + 16);
        for (byte b : link.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c <= 0x20 || c >= 0x7f || c == '"' || c == '<' || c == '>' || c == '\\' || c == '^' || c == '`'
                    || c == '{' || c == '|' || c == '}') {
                out.writeBytes(String.format("%%%02X", c).getBytes(StandardCharsets.US_ASCII));
            } else {
                out.write(c);
            }
        }
        return out.toString(StandardCharsets.US_ASCII);
    }
}
