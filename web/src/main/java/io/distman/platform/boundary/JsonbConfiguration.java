package io.distman.platform.boundary;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.JsonbException;
import jakarta.json.bind.config.BinaryDataStrategy;
import jakarta.json.bind.serializer.DeserializationContext;
import jakarta.json.bind.serializer.JsonbDeserializer;
import jakarta.json.stream.JsonParser;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The REST API's JSON-B: attachments travel as base64 strings, as every JSON client expects, not as arrays
 * of numbers; a field the request type does not have is refused (Yasson's {@code jsonb.fail-on-unknown-properties}),
 * not silently dropped, so a misspelt {@code sendAt} is not a mail sent now; an enum is read by name only, and a
 * wrong one is refused listing the names (Yasson's own message names the Java class).
 */
@Provider
public class JsonbConfiguration implements ContextResolver<Jsonb> {

    static final Jsonb JSONB = JsonbBuilder.create(new JsonbConfig()
            .withBinaryDataStrategy(BinaryDataStrategy.BASE_64)
            .setProperty("jsonb.fail-on-unknown-properties", true)
            .withDeserializers(new EnumNames()));

    @Override
    public Jsonb getContext(Class<?> type) {
        return JSONB;
    }

    /** Every enum of a request, by its constant's name; Yasson adds the property to the refusal. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    static final class EnumNames implements JsonbDeserializer<Enum> {
        @Override
        public Enum deserialize(JsonParser parser, DeserializationContext context, Type type) {
            Class<? extends Enum> enumType = (Class<? extends Enum>) type;
            String value;
            try {
                value = parser.getString();
            } catch (IllegalStateException notAString) {
                value = null;
            }
            for (Enum constant : enumType.getEnumConstants()) {
                if (constant.name().equals(value)) {
                    return constant;
                }
            }
            throw new BadValueException("must be one of " + Arrays.stream(enumType.getEnumConstants())
                    .map(Enum::name).collect(Collectors.joining(", ")));
        }
    }

    /** A value refused in the API's own words: safe to show to the caller as it is. */
    static final class BadValueException extends JsonbException {
        private static final long serialVersionUID = 1L;

        BadValueException(String message) {
            super(message);
        }
    }
}
