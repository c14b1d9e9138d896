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

    @Test
    void theSignatureIsAppendedUnescapedOrPlacedWhereTheTemplateAsks() {
        String[] signature = SignatureCleaner.clean(new io.distman.serial.entity.SignatureInput(
                "<p>Anna <b>Lettings</b> {{ name }}</p><script>alert(1)</script>", null));
        MergeSource signed = new MergeSource("Hi", "<html><body><p>{{ name }}</p></body></html>", "Hi {{ name }}",
                signature[0], signature[1]);
        MergeTemplates.Merged mail = MergeTemplates.compile(signed).merge(Map.of("name", "<i>Bob</i>"));
        assertEquals("<html><body><p>&lt;i&gt;Bob&lt;/i&gt;</p><div class=\"signature\"><p>Anna <b>Lettings</b> {{ name }}</p></div></body></html>",
                mail.html(), "the contact escaped, the cleaned signature as it is and never a template");
        assertEquals("Hi <i>Bob</i>\n\n-- \nAnna Lettings {{ name }}", mail.text());
        assertEquals(List.of(), mail.missing());

        MergeSource placed = new MergeSource("Hi", "<p>{{ signature }}</p><p>PS</p>", "{{ signature }}\nPS", signature[0], signature[1]);
        MergeTemplates.Merged here = MergeTemplates.compile(placed).merge(Map.of());
        assertEquals("<p><p>Anna <b>Lettings</b> {{ name }}</p></p><p>PS</p>", here.html(), "placed once, not appended");
        assertEquals("Anna Lettings {{ name }}\nPS", here.text());

        MergeTemplates.Merged unsigned = merge("Hi", "<p>{{ signature }}</p>", "Bye", Map.of());
        assertEquals("<p></p>", unsigned.html());
        assertEquals("Bye", unsigned.text(), "nothing appended without a signature");
        assertEquals(List.of("signature"), unsigned.missing(), "asked for but none chosen: the preview warns");
    }

    @Test
    void aSignatureIsBoundedAndMustHoldSomethingOnceCleaned() {
        SerialRefusedException tooLong = assertThrows(SerialRefusedException.class, () -> SignatureCleaner.clean(
                new io.distman.serial.entity.SignatureInput("x".repeat(SignatureCleaner.MAX_HTML + 1), "y".repeat(SignatureCleaner.MAX_TEXT + 1))));
        assertEquals(List.of("htmlBody", "textBody"), tooLong.errors().stream().map(f -> f.field()).toList());
        SerialRefusedException empty = assertThrows(SerialRefusedException.class, () -> SignatureCleaner.clean(
                new io.distman.serial.entity.SignatureInput("<script>alert(1)</script>", null)));
        assertEquals("htmlBody", empty.errors().get(0).field());
        assertEquals(null, SignatureCleaner.clean(new io.distman.serial.entity.SignatureInput(" ", null)), "blank: removed");
        String[] fromText = SignatureCleaner.clean(new io.distman.serial.entity.SignatureInput(null, "Anna <Lettings>\nNorthside"));
        assertEquals("Anna &lt;Lettings&gt;<br>Northside", fromText[0]);
        assertEquals("<a href=\"https://x.example\" rel=\"nofollow\">x</a>", SignatureCleaner.clean(
                new io.distman.serial.entity.SignatureInput("<a href=\"https://x.example\" onclick=\"evil()\">x</a>", "x"))[0]);
    }
}
