package io.distman.serial.control;

import io.distman.platform.entity.FieldError;
import io.distman.submission.entity.AttachmentInput;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a serial mailing may attach, whether from Compose's upload or the REST request: at most {@value #MAX_FILES}
 * files, each at most 10 MiB and together at most 20 MiB (below submission's default 25 MiB, so no recipient's
 * message is refused for a file the mailing accepted), of a document or image type (no executables, scripts or
 * HTML: every recipient would get it from the agency), with a file name made safe: no path, no control or
 * reserved characters, at most 255 characters, its extension kept.
 */
public final class AttachmentRules {

    public static final int MAX_FILES = 10;
    public static final long MAX_FILE_BYTES = 10L * 1024 * 1024;
    public static final long MAX_TOTAL_BYTES = 20L * 1024 * 1024;
    static final int MAX_FILENAME = 255;
    public static final Set<String> TYPES = Set.of("application/pdf", "text/plain", "text/csv", "image/png", "image/jpeg",
            "image/gif", "application/msword", "application/vnd.ms-excel", "application/rtf",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "application/vnd.oasis.opendocument.text", "application/vnd.oasis.opendocument.spreadsheet");

    private AttachmentRules() {
    }

    /**
     * The files with safe names and bare content types; each problem is added to {@code errors} naming
     * {@code attachments[i].content}, {@code .filename}, {@code .contentType}, or {@code attachments} for the count
     * and the total.
     */
    public static List<AttachmentInput> checked(List<AttachmentInput> files, List<FieldError> errors) {
        if (files.size() > MAX_FILES) {
            errors.add(new FieldError("attachments", "at most " + MAX_FILES + " files"));
            return List.of();
        }
        List<AttachmentInput> safe = new ArrayList<>();
        long total = 0;
        for (int i = 0; i < files.size(); i++) {
            AttachmentInput file = files.get(i);
            String field = "attachments[" + i + "]";
            if (file == null) {
                errors.add(new FieldError(field, "is required"));
                continue;
            }
            if (file.content() == null || file.content().length == 0) {
                errors.add(new FieldError(field + ".content", "is required"));
            } else if (file.content().length > MAX_FILE_BYTES) {
                errors.add(new FieldError(field + ".content", "is larger than " + MAX_FILE_BYTES + " bytes"));
            } else {
                total += file.content().length;
            }
            String name = filename(file.filename());
            if (name == null) {
                errors.add(new FieldError(field + ".filename", "is required: a file name"));
            }
            String type = contentType(file.contentType());
            if (type == null) {
                errors.add(new FieldError(field + ".contentType", "must be one of " + String.join(", ", TYPES.stream().sorted().toList())));
            }
            safe.add(new AttachmentInput(name, type, file.content()));
        }
        if (total > MAX_TOTAL_BYTES) {
            errors.add(new FieldError("attachments", "are " + total + " bytes together, more than " + MAX_TOTAL_BYTES));
        }
        return safe;
    }

    /** The last path segment, without control or reserved characters, at most 255 characters; null if nothing is left. */
    public static String filename(String raw) {
        if (raw == null) {
            return null;
        }
        String name = raw.substring(Math.max(raw.lastIndexOf('/'), raw.lastIndexOf('\\')) + 1)
                .replaceAll("[\\p{Cntrl}\\p{Zl}\\p{Zp}\"*:<>?|]", "_").replaceAll("\\s+", " ").strip();
        while (name.startsWith(".")) { // no hidden file, no ".."
            name = name.substring(1).strip();
        }
        if (name.isEmpty() || name.chars().allMatch(c -> c == '_')) {
            return null;
        }
        if (name.length() > MAX_FILENAME) {
            int dot = name.lastIndexOf('.');
            String extension = dot > 0 && name.length() - dot <= 16 ? name.substring(dot) : "";
            name = name.substring(0, MAX_FILENAME - extension.length()) + extension;
        }
        return name;
    }

    /** The type without parameters, lower case, if it is one a mailing may carry. */
    static String contentType(String raw) {
        if (raw == null) {
            return null;
        }
        int semicolon = raw.indexOf(';');
        String type = (semicolon < 0 ? raw : raw.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
        return TYPES.contains(type) ? type : null;
    }
}
