package io.distman.feedback.control.webhook;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonStructure;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.util.Map;

/** Reads request bodies into JSON-P structures, turning every syntax problem into a 400. */
final class JsonBodies {

    // Looking up the JSON-P provider is costly; a factory is thread-safe and can be shared.
    private static final JsonReaderFactory READERS = Json.createReaderFactory(Map.of());

    private JsonBodies() {
    }

    static JsonStructure read(byte[] body) {
        if (body == null || body.length == 0) {
            throw new MalformedWebhookException("empty body");
        }
        try (JsonReader reader = READERS.createReader(new ByteArrayInputStream(body))) {
            return reader.read();
        } catch (JsonException | IllegalStateException e) {
            throw new MalformedWebhookException("body is not valid JSON: " + e.getMessage(), e);
        }
    }

    static JsonObject readObject(byte[] body) {
        JsonStructure json = read(body);
        if (json instanceof JsonObject object) {
            return object;
        }
        throw new MalformedWebhookException("expected a JSON object");
    }

    static JsonArray readArray(byte[] body) {
        JsonStructure json = read(body);
        if (json instanceof JsonArray array) {
            return array;
        }
        throw new MalformedWebhookException("expected a JSON array");
    }

    /** For JSON that arrives as a string inside JSON, as SNS delivers the SES notification. */
    static JsonObject readObject(String text) {
        try (JsonReader reader = READERS.createReader(new StringReader(text))) {
            return reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw new MalformedWebhookException("embedded message is not a JSON object: " + e.getMessage(), e);
        }
    }
}
