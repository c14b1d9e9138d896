package io.distman.print.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * The body of a letter as paragraphs. The plain-text body when the mail has one (the sender wrote it for readers
 * without HTML, which a sheet of paper is); otherwise the HTML body through jsoup: block elements become
 * paragraphs, {@code <br>} a line break, list items a bullet, links keep their address in brackets; styles,
 * scripts and images are dropped (a letter is not a web page, and nothing remote is fetched).
 */
public final class LetterText {

    private static final Set<String> BLOCKS = Set.of("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr",
            "blockquote", "pre", "table", "ul", "ol", "section", "article", "header", "footer", "hr", "address");

    private LetterText() {
    }

    public static List<String> paragraphs(String textBody, String htmlBody) {
        if (textBody != null && !textBody.isBlank()) {
            return split(textBody);
        }
        if (htmlBody == null || htmlBody.isBlank()) {
            return List.of();
        }
        Element body = Jsoup.parse(htmlBody).body();
        body.select("script, style, head, img, title").remove();
        StringBuilder text = new StringBuilder();
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode t) {
                    text.append(t.text());
                } else if (node instanceof Element e) {
                    if (e.normalName().equals("br")) {
                        text.append('\n');
                    } else if (BLOCKS.contains(e.normalName())) {
                        text.append("\n\n");
                        if (e.normalName().equals("li")) {
                            text.append("\u2022 ");
                        }
                    }
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element e) {
                    if (e.normalName().equals("a") && e.hasAttr("href") && e.attr("href").startsWith("http")
                            && !e.text().equals(e.attr("href"))) {
                        text.append(" (").append(e.attr("href")).append(')');
                    } else if (e.normalName().equals("td") || e.normalName().equals("th")) {
                        text.append("  ");
                    } else if (BLOCKS.contains(e.normalName())) {
                        text.append("\n\n");
                    }
                }
            }
        }, body);
        return split(text.toString());
    }

    /** Paragraphs are separated by blank lines; single line breaks stay inside a paragraph. */
    static List<String> split(String text) {
        List<String> paragraphs = new ArrayList<>();
        for (String block : text.replace("\r\n", "\n").replace('\r', '\n').split("\n[ \t\u00a0]*\n")) {
            String kept = block.lines().map(String::strip).filter(l -> !l.isEmpty())
                    .reduce((a, b) -> a + "\n" + b).orElse("");
            if (!kept.isEmpty()) {
                paragraphs.add(kept);
            }
        }
        return paragraphs;
    }
}
