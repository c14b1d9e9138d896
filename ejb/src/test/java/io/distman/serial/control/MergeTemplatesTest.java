package io.distman.serial.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.distman.serial.entity.MergeSource;
import io.distman.serial.entity.SerialRefusedException;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MergeTemplatesTest {

    private static MergeTemplates.Merged merge(String subject, String html, String text, Map<String, Object> fields) {
        return MergeTemplates.compile(new MergeSource(subject, html, text)).merge(fields);
    }

    @Test
    void fieldsAreEscapedInHtmlButNotInTextOrSubject() {
        Map<String, Object> fields = Map.of("salutation", "Dear Ms <b>O'Hara</b> & Co", "unit", "A-101");
        MergeTemplates.Merged mail = merge("Unit {{ unit }} for {{ salutation }}", "<p>{{ salutation }},</p>",
                "{{ salutation }},", fields);
        assertEquals("<p>Dear Ms &lt;b&gt;O&#39;Hara&lt;/b&gt; &amp; Co,</p>", mail.html());
        assertEquals("Dear Ms <b>O'Hara</b> & Co,", mail.text());
        assertEquals("Unit A-101 for Dear Ms <b>O'Hara</b> & Co", mail.subject());
        assertEquals(List.of(), mail.missing());
    }

    @Test
    void missingAndBlankFieldsAreListedOnceEach() {
        Map<String, Object> fields = new HashMap<>(Map.of("firstName", "Anna", "block", " "));
        MergeTemplates.Merged mail = merge("Block {{ block }}", "<p>Hi {{ firstName }} {{ email }}</p>{{ email }}",
                "{% if parkingSpace %}Space {{ parkingSpace }}{% endif %}", fields);
        assertEquals(List.of("block", "email", "parkingSpace"), mail.missing());
        assertEquals("<p>Hi Anna </p>", mail.html());
    }

    @Test
    void loopVariablesAreNotMergeFields() {
        MergeTemplates.Merged mail = merge("x", null, "{% for i in [1, 2] %}{{ i }}{% endfor %}{% set who = 'me' %}{{ who }}", Map.of());
        assertEquals("12me", mail.text());
        assertEquals(List.of(), mail.missing());
    }

    @Test
    void numbersAreFormattedAndSubjectStaysOneLine() {
        MergeTemplates.Merged mail = merge("{{ name }}", null, "Owed: {{ arrears | numberformat('#,##0.00') }}",
                Map.of("name", "Line\r\nBcc: evil@example.org", "arrears", new BigDecimal("1234.5")));
        assertEquals("Line Bcc: evil@example.org", mail.subject());
        assertEquals("Owed: 1,234.50", mail.text());
    }

    @Test
    void aTemplateThatDoesNotParseIsRefusedNamingItsPart() {
        SerialRefusedException e = assertThrows(SerialRefusedException.class,
                () -> MergeTemplates.compile(new MergeSource("ok", "<p>{{ name </p>", "{% if %}")));
        assertEquals(List.of("htmlBody", "textBody"), e.errors().stream().map(f -> f.field()).toList());
    }

    @Test
    void renderingIsCapped() {
        SerialRefusedException e = assertThrows(SerialRefusedException.class, () -> merge("x", null,
                "{% for i in range(1, 10000000) %}xxxxxxxxxx{% endfor %}", Map.of()));
        assertTrue(e.getMessage().contains("cannot be rendered"), e.getMessage());
    }

    @Test
    void checkNamesEachMissingPart() {
        SerialRefusedException e = assertThrows(SerialRefusedException.class,
                () -> SourceCheck.checked(new MergeSource(" ", null, " ")));
        assertEquals(List.of("subject", "htmlBody"), e.errors().stream().map(f -> f.field()).toList());
    }
}
