package io.distman.platform.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.distman.message.entity.Category;
import io.distman.platform.entity.FieldError;
import io.distman.submission.entity.SubmitRequest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The API's JSON binding with GlassFish's Yasson: refusals name the field and never a Java class. */
class JsonRequestsTest {

    private static final String VALID = """
            {"raisedBy":"anna","category":"ESSENTIAL","sender":{"address":"a@northside.example"},
             "to":[{"address":"olivia@tenant.example","name":"Olivia"}],"subject":"Hi","textBody":"Hello"%s}""";

    private static SubmitRequest parse(String json) {
        return JsonRequests.parse(json.getBytes(StandardCharsets.UTF_8), SubmitRequest.class);
    }

    private static FieldError refusal(String json) {
        FieldError error = assertThrows(JsonRequests.InvalidRequestException.class, () -> parse(json)).error();
        for (String leak : new String[] {"io.distman", "java.", "class", "Exception"}) {
            assertFalse(error.toString().contains(leak), error.toString());
        }
        return error;
    }

    @Test
    void aValidRequestBinds() {
        SubmitRequest request = parse(VALID.formatted(""));
        assertEquals(Category.ESSENTIAL, request.category());
        assertEquals("Olivia", request.to().get(0).name());
    }

    @Test
    void anEmptyBodyIsNoRequest() {
        assertNull(JsonRequests.parse(new byte[0], SubmitRequest.class));
    }

    @Test
    void unknownFieldsAreNamedWithTheirPath() {
        assertEquals(new FieldError("sendAtt", "is not a known field"), refusal(VALID.formatted(",\"sendAtt\":\"2030-01-01T00:00:00Z\"")));
        assertEquals(new FieldError("to.nmae", "is not a known field"), refusal(VALID.formatted("").replace("\"name\"", "\"nmae\"")));
        assertEquals(new FieldError("sender.adress", "is not a known field"),
                refusal(VALID.formatted("").replace("{\"address\":\"a@", "{\"adress\":\"a@")));
    }

    @Test
    void aWrongEnumValueListsTheNames() {
        assertEquals(new FieldError("category", "must be one of TRANSACTIONAL, ESSENTIAL, BULK"),
                refusal(VALID.formatted("").replace("ESSENTIAL", "URGENTLY")));
        assertEquals(new FieldError("priority", "must be one of URGENT, NORMAL"), refusal(VALID.formatted(",\"priority\":5")));
    }

    @Test
    void wrongTypesDatesAndSyntaxAreNamedWithoutYassonsText() {
        assertEquals(new FieldError("sendAt", "must be a date and time such as 2026-12-06T09:30:00Z"),
                refusal(VALID.formatted(",\"sendAt\":\"tomorrow\"")));
        assertEquals(new FieldError("to", "has the wrong type"), refusal(VALID.formatted("").replace("[{\"address\":\"olivia@tenant.example\",\"name\":\"Olivia\"}]", "\"olivia@tenant.example\"")));
        assertEquals("body", refusal("{\"raisedBy\":").field());
        assertEquals(new FieldError("body", "must be a JSON object of the request's fields"), refusal("[1,2]"));
        assertEquals(new FieldError("body", "is not valid UTF-8"), assertThrows(JsonRequests.InvalidRequestException.class,
                () -> JsonRequests.parse(new byte[] {'{', '"', (byte) 0xC3, '"', '}'}, SubmitRequest.class)).error());
    }
}
