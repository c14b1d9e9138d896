package io.distman.serial.control;

import io.distman.platform.entity.FieldError;
import io.distman.serial.entity.MergeSource;
import io.distman.serial.entity.SerialRefusedException;
import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.error.PebbleException;
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
 */
public final class MergeTemplates {

    static final int MAX_RENDERED = 2_000_000;

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
        return new Compiled(subject, html, text);
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
    public record Compiled(PebbleTemplate subject, PebbleTemplate html, PebbleTemplate text) {

        /**
         * The mail for one recipient. A field the templates use that the recipient has no value for is listed in
         * {@code missing} (and renders empty): the Preview warns before sending.
         */
        public Merged merge(Map<String, Object> fields) {
            Fields recording = new Fields(fields);
            String mergedSubject = render(subject, recording);
            // A subject is one header line: a field with a line break must not add headers or fold it oddly.
            mergedSubject = mergedSubject == null ? null : mergedSubject.replaceAll("[\\r\\n\\t]+", " ").strip();
            return new Merged(mergedSubject, render(html, recording), render(text, recording), recording.missing());
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
        private final transient Set<String> asked = new LinkedHashSet<>();

        Fields(Map<String, Object> fields) {
            super(fields);
        }

        /** The names asked for that have no value, in the order the templates asked. */
        List<String> missing() {
            return List.copyOf(asked);
        }

        @Override
        public Object get(Object key) {
            Object value = super.get(key);
            if (value == null || value instanceof String s && s.isBlank()) {
                asked.add(String.valueOf(key));
            }
            return value;
        }
    }
}
