package io.distman.serial.control;

import io.distman.platform.entity.FieldError;
import io.distman.serial.entity.MergeSource;
import io.distman.serial.entity.SerialRefusedException;
import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.error.PebbleException;
import io.pebbletemplates.pebble.extension.escaper.SafeString;
import io.pebbletemplates.pebble.loader.StringLoader;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Merge templates with Pebble: the HTML body auto-escaped (a contact named {@code <b>Bob</b>} shows as text, never as
 * markup), subject and text body not (they are not HTML). Nothing is cached by the engine: a mailing compiles its
 * templates once per chunk, and a preview of text being typed would otherwise fill a cache keyed by every version.
 * A rendering is capped, so a template cannot loop itself into gigabytes.
 * <p>The mailing's signature is the merge field {@value #SIGNATURE} (the sanitised HTML unescaped in the HTML body,
 * the text in the text body); a body that does not place it gets it appended, so no template has to know of it.
 */
public final class MergeTemplates {

    static final int MAX_RENDERED = 2_000_000;
    public static final String SIGNATURE = "signature";

    private static final PebbleEngine HTML = engine(true);
    private static final PebbleEngine TEXT = engine(false);

    private MergeTemplates() {
    }

    private static PebbleEngine engine(boolean escape) {
        return new PebbleEngine.Builder().loader(new StringLoader()).autoEscaping(escape).defaultEscapingStrategy("html")
                .cacheActive(false).newLineTrimming(false).strictVariables(false).maxRenderedSize(MAX_RENDERED)
                .defaultLocale(Locale.UK).build();
    }

    /**
     * The source's templates, parsed.
     * @throws SerialRefusedException naming each part (subject, htmlBody, textBody) that does not parse
     */
    public static Compiled compile(MergeSource source) {
        List<FieldError> errors = new ArrayList<>();
        PebbleTemplate subject = compile(TEXT, "subject", source.subject(), errors);
        PebbleTemplate html = compile(HTML, "htmlBody", source.htmlBody(), errors);
        PebbleTemplate text = compile(TEXT, "textBody", source.textBody(), errors);
        if (!errors.isEmpty()) {
            throw new SerialRefusedException(errors);
        }
        return new Compiled(subject, html, text, source.signatureHtml(), source.signatureText());
    }

    private static PebbleTemplate compile(PebbleEngine engine, String field, String source, List<FieldError> errors) {
        if (source == null || source.isBlank()) {
            return null;
        }
        try {
            return engine.getTemplate(source);
        } catch (PebbleException e) {
            errors.add(new FieldError(field, "is not a valid template: " + e.getPebbleMessage()
                    + (e.getLineNumber() == null ? "" : " (line " + e.getLineNumber() + ")")));
            return null;
        }
    }

    /** Parsed templates, merged per recipient. */
    public record Compiled(PebbleTemplate subject, PebbleTemplate html, PebbleTemplate text, String signatureHtml,
                           String signatureText) {

        /**
         * The mail for one recipient. A field the templates use that the recipient has no value for is listed in
         * {@code missing} (and renders empty): the Preview warns before sending.
         */
        public Merged merge(Map<String, Object> fields) {
            Fields recording = new Fields(fields);
            String mergedSubject = render(subject, recording);
            // A subject is one header line: a field with a line break must not add headers or fold it oddly.
            mergedSubject = mergedSubject == null ? null : mergedSubject.replaceAll("[\\r\\n\\t]+", " ").strip();
            // Sanitised when it was saved (SignatureCleaner): safe as it is, and never parsed as a template.
            Fields htmlFields = recording.with(signatureHtml == null ? null : new SafeString(signatureHtml));
            String mergedHtml = render(html, htmlFields);
            if (mergedHtml != null && signatureHtml != null && !htmlFields.placedSignature) {
                mergedHtml = appendHtml(mergedHtml, "<div class=\"signature\">" + signatureHtml + "</div>");
            }
            Fields textFields = recording.with(signatureText);
            String mergedText = render(text, textFields);
            if (mergedText != null && signatureText != null && !textFields.placedSignature) {
                mergedText = mergedText.stripTrailing() + "\n\n-- \n" + signatureText; // the usual signature separator
            }
            return new Merged(mergedSubject, mergedHtml, mergedText, recording.missing());
        }

        /** Before {@code </body>} when the template is a whole document, else at its end. */
        private static String appendHtml(String html, String signature) {
            int end = html.toLowerCase(Locale.ROOT).lastIndexOf("</body>");
            return end < 0 ? html + signature : html.substring(0, end) + signature + html.substring(end);
        }

        private static String render(PebbleTemplate template, Fields fields) {
            if (template == null) {
                return null;
            }
            StringWriter out = new StringWriter();
            try {
                template.evaluate(out, fields);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (PebbleException e) {
                throw new SerialRefusedException("template", "cannot be rendered: " + e.getPebbleMessage());
            }
            return out.toString();
        }
    }

    /** One recipient's mail, and the fields it lacked. */
    public record Merged(String subject, String html, String text, List<String> missing) {
    }

    /**
     * The recipient's fields, noting each one a template asks for that has no value. Pebble reads this map only for
     * names no inner scope (a loop variable, a {@code set}) defines, so every name noted is a merge field.
     */
    static final class Fields extends HashMap<String, Object> {

        private static final long serialVersionUID = 1L;
        private final transient Set<String> asked;
        /** Whether the template asked for the signature (then it is not appended). */
        boolean placedSignature;

        Fields(Map<String, Object> fields) {
            this(fields, new LinkedHashSet<>());
        }

        private Fields(Map<String, Object> fields, Set<String> asked) {
            super(fields);
            this.asked = asked;
        }

        /** The same fields, noting into the same list, with the signature of one body (null: none). */
        Fields with(Object signature) {
            Fields part = new Fields(this, asked);
            part.put(SIGNATURE, signature);
            return part;
        }

        /** The names asked for that have no value, in the order the templates asked. */
        List<String> missing() {
            return List.copyOf(asked);
        }

        @Override
        public Object get(Object key) {
            placedSignature |= SIGNATURE.equals(key);
            Object value = super.get(key);
            if (value == null || value instanceof String s && s.isBlank()) {
                asked.add(String.valueOf(key));
            }
            return value;
        }
    }
}
