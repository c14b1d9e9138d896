package io.distman.serial.control;

import io.distman.platform.entity.FieldError;
import io.distman.serial.entity.MergeSource;
import io.distman.serial.entity.SerialRefusedException;
import java.util.ArrayList;
import java.util.List;

/** The bounds of a template's text from outside, each refusal naming its field; then that it parses. */
public final class SourceCheck {

    static final int MAX_SUBJECT = 998;
    static final int MAX_BODY = 1_000_000;

    private SourceCheck() {
    }

    /** @return the source's compiled templates */
    public static MergeTemplates.Compiled checked(MergeSource source) {
        List<FieldError> errors = new ArrayList<>();
        if (source == null) {
            throw new SerialRefusedException("subject", "is required");
        }
        if (source.subject() == null || source.subject().isBlank()) {
            errors.add(new FieldError("subject", "is required"));
        } else if (source.subject().length() > MAX_SUBJECT) {
            errors.add(new FieldError("subject", "is longer than " + MAX_SUBJECT + " characters"));
        }
        boolean html = source.htmlBody() != null && !source.htmlBody().isBlank();
        boolean text = source.textBody() != null && !source.textBody().isBlank();
        if (!html && !text) {
            errors.add(new FieldError("htmlBody", "an HTML or a text body is required"));
        }
        if (html && source.htmlBody().length() > MAX_BODY) {
            errors.add(new FieldError("htmlBody", "is longer than " + MAX_BODY + " characters"));
        }
        if (text && source.textBody().length() > MAX_BODY) {
            errors.add(new FieldError("textBody", "is longer than " + MAX_BODY + " characters"));
        }
        if (!errors.isEmpty()) {
            throw new SerialRefusedException(errors);
        }
        return MergeTemplates.compile(source);
    }
}
