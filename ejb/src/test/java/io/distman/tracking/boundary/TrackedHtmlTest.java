package io.distman.tracking.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class TrackedHtmlTest {

    private static final String BASE = "https://mail.example.com/distman";
    private static final String HTML = """
            <!DOCTYPE html><html><head><title>News</title></head><body>
            <p>Hello <a href="https://northside.example/flats?a=1&amp;b=2">new flats</a>,
            <a href="mailto:office@northside.example">write</a>, <a href="tel:+441234">call</a>,
            <a href="#top">top</a>, <a href="/relative">relative</a>,
            <a href=" HTTP://Northside.example/rent
            ">rent</a>, <a href="javascript:alert(1)">x</a>,
            <a href="https://northside.example/unsubscribe?u=1">leave</a>,
            <a href="https://northside.example/prefs">Unsubscribe here</a>,
            <a data-distman-notrack href="https://northside.example/private">private</a>,
            <a href="http://northside.example/ünïcode path">last</a></p>
            </body></html>""";

    @Test
    void onlyHttpLinksThatAreNotUnsubscribeOrOptedOutAreTracked() {
        assertEquals(List.of("https://northside.example/flats?a=1&b=2", "HTTP://Northside.example/rent",
                "http://northside.example/ünïcode path"), TrackedHtml.links(HTML));
    }

    @Test
    void rewrittenLinksPointAtTheClickEndpointInDocumentOrderAndTheRestStays() {
        Document doc = Jsoup.parse(TrackedHtml.prepare(HTML, false, true, BASE).forDelivery("OPEN", "TOK"));
        List<String> hrefs = doc.select("a[href]").stream().map(a -> a.attr("href")).toList();
        assertEquals(List.of(BASE + "/api/v1/t/c/TOK/0", "mailto:office@northside.example", "tel:+441234", "#top",
                "/relative", BASE + "/api/v1/t/c/TOK/1", "javascript:alert(1)", "https://northside.example/unsubscribe?u=1",
                "https://northside.example/prefs", "https://northside.example/private", BASE + "/api/v1/t/c/TOK/2"), hrefs);
        assertTrue(doc.select("img").isEmpty(), "no pixel when opens are not tracked");
    }

    @Test
    void thePixelIsTheLastThingInTheBodyAndLinksStayWhenClicksAreNotTracked() {
        Document doc = Jsoup.parse(TrackedHtml.prepare(HTML, true, false, BASE).forDelivery("OPENTOKEN", ""));
        Element last = doc.body().children().last();
        assertEquals("img", last.tagName());
        assertEquals(BASE + "/api/v1/t/o/OPENTOKEN", last.attr("src"));
        assertEquals("1", last.attr("width"));
        assertEquals("", last.attr("alt"));
        assertEquals("https://northside.example/flats?a=1&b=2", doc.select("a").first().attr("href"));
    }

    @Test
    void aFragmentWithoutBodyGetsOneAndKeepsItsText() {
        String out = TrackedHtml.prepare("<p>Rent is due: <a href='https://pay.example/x'>pay</a></p>", true, true, BASE)
                .forDelivery("O", "C");
        assertTrue(out.contains("<p>Rent is due: <a href=\"" + BASE + "/api/v1/t/c/C/0\">pay</a></p>"), out);
        assertTrue(out.indexOf("/api/v1/t/o/O") > out.indexOf("</p>") && out.indexOf("/api/v1/t/o/O") < out.indexOf("</body>"), out);
    }

    @Test
    void eachDeliveryGetsItsOwnTokensFromOneTemplate() {
        TrackedHtml template = TrackedHtml.prepare(HTML, true, true, BASE);
        String first = template.forDelivery("AAA", "BBB");
        String second = template.forDelivery("CCC", "DDD");
        assertTrue(first.contains("/t/o/AAA") && first.contains("/t/c/BBB/0") && !first.contains("CCC"));
        assertTrue(second.contains("/t/o/CCC") && second.contains("/t/c/DDD/2") && !second.contains("AAA"));
    }

    @Test
    void aClickResolvesOnlyToALinkTheArchivedMessageHas() {
        assertEquals(Optional.of("https://northside.example/flats?a=1&b=2"), TrackedHtml.link(HTML, 0));
        assertEquals(Optional.of("http://northside.example/ünïcode path"), TrackedHtml.link(HTML, 2));
        assertFalse(TrackedHtml.link(HTML, 3).isPresent(), "past the last link");
        assertFalse(TrackedHtml.link(HTML, -1).isPresent());
        assertFalse(TrackedHtml.link(null, 0).isPresent(), "a text-only message has no links to click");
    }

    @Test
    void theLocationHeaderIsPlainAscii() {
        assertEquals("http://northside.example/%C3%BCn%C3%AFcode%20path", TrackedHtml.location("http://northside.example/ünïcode path"));
        assertEquals("https://a.example/?q=%22x%22", TrackedHtml.location("https://a.example/?q=\"x\""));
        assertEquals("https://a.example/x?y=1&z=2#f", TrackedHtml.location("https://a.example/x?y=1&z=2#f"));
    }
}
