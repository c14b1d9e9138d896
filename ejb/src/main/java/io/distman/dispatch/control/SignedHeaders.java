package io.distman.dispatch.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.james.jdkim.api.Headers;

/**
 * A mail's header fields as jDKIM reads them for signing: each field as it stands (name, colon, value, its
 * folding CRLFs kept, no final CRLF), top to bottom. Split here from the rendered header section rather than
 * by jDKIM's own parser, which looks its mime4j factory up on the class path (a resource scan of the EAR)
 * for every mail it parses.
 */
final class SignedHeaders implements Headers {

    private final List<String> fields = new ArrayList<>();

    /** @param section header lines separated by CRLF, without the empty line that ends them */
    SignedHeaders(String section) {
        StringBuilder field = null;
        for (String line : section.split("\r\n")) {
            if (line.isEmpty()) {
                continue;
            }
            if ((line.charAt(0) == ' ' || line.charAt(0) == '\t') && field != null) {
                field.append("\r\n").append(line); // a folded field's continuation
            } else {
                if (field != null) {
                    fields.add(field.toString());
                }
                field = new StringBuilder(line);
            }
        }
        if (field != null) {
            fields.add(field.toString());
        }
    }

    @Override
    public List<String> getFields() {
        return List.copyOf(fields);
    }

    @Override
    public List<String> getFields(String name) {
        String wanted = name.toLowerCase(Locale.ROOT);
        List<String> found = new ArrayList<>();
        for (String field : fields) {
            int colon = field.indexOf(':');
            if (colon > 0 && field.substring(0, colon).strip().toLowerCase(Locale.ROOT).equals(wanted)) {
                found.add(field);
            }
        }
        return found;
    }
}
