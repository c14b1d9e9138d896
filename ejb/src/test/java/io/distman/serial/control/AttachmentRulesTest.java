package io.distman.serial.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.distman.platform.entity.FieldError;
import io.distman.submission.entity.AttachmentInput;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class AttachmentRulesTest {

    private static final byte[] ONE = {1};

    @Test
    void namesAreMadeSafeAndTypesBare() {
        List<FieldError> errors = new ArrayList<>();
        List<AttachmentInput> safe = AttachmentRules.checked(List.of(
                new AttachmentInput("C:\\fakepath\\..\\rules<1>.pdf", "Application/PDF; name=x", ONE),
                new AttachmentInput("../../etc/passwd\r\nX: y.txt", "text/plain", ONE)), errors);
        assertEquals(List.of(), errors);
        assertEquals("rules_1_.pdf", safe.get(0).filename());
        assertEquals("application/pdf", safe.get(0).contentType());
        assertEquals("passwd__X_ y.txt", safe.get(1).filename());
        assertEquals(255, AttachmentRules.filename("a".repeat(300) + ".pdf").length());
        assertEquals(".pdf", AttachmentRules.filename("a".repeat(300) + ".pdf").substring(251));
        assertNull(AttachmentRules.filename("..."));
        assertNull(AttachmentRules.filename("/tmp/"));
    }

    @Test
    void countSizeTypeAndNameAreRefusedNamingTheField() {
        List<FieldError> errors = new ArrayList<>();
        AttachmentRules.checked(List.of(new AttachmentInput("run.exe", "application/x-msdownload", ONE),
                new AttachmentInput("", "application/pdf", new byte[0]),
                new AttachmentInput("big.pdf", "application/pdf", new byte[(int) AttachmentRules.MAX_FILE_BYTES + 1])), errors);
        assertEquals(List.of("attachments[0].contentType", "attachments[1].content", "attachments[1].filename",
                "attachments[2].content"), errors.stream().map(FieldError::field).toList());

        List<FieldError> total = new ArrayList<>();
        byte[] nine = new byte[9 * 1024 * 1024];
        AttachmentRules.checked(Collections.nCopies(3, new AttachmentInput("a.pdf", "application/pdf", nine)), total);
        assertEquals(List.of("attachments"), total.stream().map(FieldError::field).toList());
        List<FieldError> many = new ArrayList<>();
        AttachmentRules.checked(Collections.nCopies(11, new AttachmentInput("a.pdf", "application/pdf", ONE)), many);
        assertEquals("attachments", many.get(0).field());
    }
}
