package io.distman.platform.boundary;

import io.distman.platform.entity.FieldError;
import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonLocation;
import jakarta.json.stream.JsonParsingException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Binds a JSON request body (already read within its bound) to a request type with {@link JsonbConfiguration}'s
 * JSON-B: strict UTF-8, unknown fields refused, enums only by their names. A refusal names the field (the
 * path Yasson reports, e.g. {@code to.adress}) and says what is wrong in the API's words: Yasson's own texts name
 * Java classes, so none of them reaches the caller.
 */
public final class JsonRequests {

    private static final Pattern PROPERTY = Pattern.compile("^Unable to deserialize property '([^']+)' because of:");
    private static final Pattern UNKNOWN = Pattern.compile("^Json property (\\S+) can not be mapped to a class");

    private JsonRequests() {
    }

    /** @return the bound request, or null for an empty body; @throws InvalidRequestException naming the field */
    public static <T> T parse(byte[] body, Class<T> type) {
        if (body.length == 0) {
            return null;
        }
        String json;
        try {
            // Strictly: a lenient decoder would silently store U+FFFD instead of the caller's text.
            json = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw new InvalidRequestException(new FieldError("body", "is not valid UTF-8"));
        }
        try {
            return JsonbConfiguration.JSONB.fromJson(json, type);
        } catch (JsonbException e) {
            throw new InvalidRequestException(describe(e));
        }
    }

    /** What went wrong where, from Yasson's chain of causes. */
    static FieldError describe(Throwable failure) {
        List<String> path = new ArrayList<>();
        Throwable cause = failure;
        while (true) {
            String message = String.valueOf(cause.getMessage());
            Matcher property = PROPERTY.matcher(message);
            if (property.find()) {
                path.add(property.group(1));
            }
            Matcher unknown = UNKNOWN.matcher(message);
            if (unknown.find()) {
                path.add(unknown.group(1));
                return new FieldError(String.join(".", path), "is not a known field");
            }
            if (cause instanceof JsonbConfiguration.BadValueException) {
                return new FieldError(field(path), message);
            }
            if (cause instanceof JsonParsingException parsing) {
                JsonLocation at = parsing.getLocation();
                return new FieldError("body", "is not valid JSON" + (at == null ? ""
                        : " (line " + at.getLineNumber() + ", column " + at.getColumnNumber() + ")"));
            }
            if (cause instanceof DateTimeParseException) {
                return new FieldError(field(path), "must be a date and time such as 2026-12-06T09:30:00Z");
            }
            if (cause.getCause() == null || cause.getCause() == cause) {
                return new FieldError(field(path), path.isEmpty() ? "must be a JSON object of the request's fields"
                        : "has the wrong type");
            }
            cause = cause.getCause();
        }
    }

    private static String field(List<String> path) {
        return path.isEmpty() ? "body" : String.join(".", path);
    }

    /** A body the API refuses; answered 400 naming the field ({@link ApiErrors.Invalid}). */
    public static final class InvalidRequestException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient FieldError error;

        public InvalidRequestException(FieldError error) {
            super(error.toString());
            this.error = error;
        }

        public FieldError error() {
            return error;
        }
    }
}
