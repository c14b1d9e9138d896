package io.distman.serial.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.distman.serial.entity.MergeSource;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FormatHtmlTest {

    @Test
    void wrapsParagraphsAndLinesEscapingTextButKeepingTags() {
        String html = FormatHtml.wrap("{{ salutation }},\nrent < 500 & more\n\n{% if balance > 0 %}Thanks{% endif %}");
        assertTrue(html.contains("<p>{{ salutation }},<br>\nrent &lt; 500 &amp; more</p>"), html);
        assertTrue(html.contains("<p>{% if balance > 0 %}Thanks{% endif %}</p>"), html);
        String merged = MergeTemplates.compile(new MergeSource("s", html, null))
                .merge(Map.of("salutation", "Dear <Ann>", "balance", 3)).html();
        assertTrue(merged.contains("<p>Dear &lt;Ann&gt;,<br>"), merged);
        assertTrue(merged.contains("<p>Thanks</p>"), merged);
    }

    @Test
    void nothingToWrap() {
        assertEquals(null, FormatHtml.wrap("  "));
    }
}
