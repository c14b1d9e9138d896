package io.distman.account.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.distman.account.entity.InvalidSettingsException;
import io.distman.account.entity.RelaySecurity;
import io.distman.account.entity.RelaySettings;
import org.junit.jupiter.api.Test;

class RelaySettingsCheckTest {

    private static String refusal(RelaySettings settings) {
        return assertThrows(InvalidSettingsException.class, () -> RelaySettingsCheck.check(settings)).getMessage();
    }

    @Test
    void aRelayIsStoredLowerCasedWithItsUserAndPassword() {
        RelaySettingsCheck.Checked c = RelaySettingsCheck.check(new RelaySettings(" SMTP.Example.org ", 587,
                RelaySecurity.STARTTLS, "agency@example.org", "pa ss"));
        assertEquals(new RelaySettingsCheck.Checked("smtp.example.org", 587, RelaySecurity.STARTTLS, "agency@example.org",
                "pa ss"), c);
    }

    @Test
    void noEncryptionOnlyOnTheLoopbackInterfaceJudgedByTheNameAsEntered() {
        assertTrue(RelaySettingsCheck.isLoopback("localhost"));
        assertTrue(RelaySettingsCheck.isLoopback("127.0.0.1"));
        assertTrue(RelaySettingsCheck.isLoopback("::1"));
        assertFalse(RelaySettingsCheck.isLoopback("localhost.evil.example"));
        assertFalse(RelaySettingsCheck.isLoopback("127.0.0.1.nip.io"));
        RelaySettingsCheck.check(new RelaySettings("127.0.0.1", 25, RelaySecurity.NONE, null, null));
        assertTrue(refusal(new RelaySettings("mail.example.org", 25, RelaySecurity.NONE, null, null))
                .startsWith("SMTP relay security: NONE"));
    }

    @Test
    void eachFieldIsNamedWhenItIsWrong() {
        assertTrue(refusal(new RelaySettings("bad host!", 587, RelaySecurity.TLS, null, null)).startsWith("SMTP relay host"));
        assertTrue(refusal(new RelaySettings("x".repeat(300), 587, RelaySecurity.TLS, null, null)).length() < 400);
        assertTrue(refusal(new RelaySettings("smtp.example.org", 0, RelaySecurity.TLS, null, null)).startsWith("SMTP relay port"));
        assertTrue(refusal(new RelaySettings("smtp.example.org", 70000, RelaySecurity.TLS, null, null)).startsWith("SMTP relay port"));
        assertTrue(refusal(new RelaySettings("smtp.example.org", 465, null, null, null)).startsWith("SMTP relay security"));
        assertTrue(refusal(new RelaySettings("smtp.example.org", 465, RelaySecurity.TLS, "a user", "pw")).startsWith("SMTP relay user name"));
        assertTrue(refusal(new RelaySettings("smtp.example.org", 465, RelaySecurity.TLS, "user", "line\r\nbreak")).startsWith("SMTP relay password"));
        assertTrue(refusal(new RelaySettings("smtp.example.org", 465, RelaySecurity.TLS, "user", "p".repeat(501))).startsWith("SMTP relay password"));
        assertTrue(refusal(new RelaySettings("smtp.example.org", 465, RelaySecurity.TLS, null, "pw")).startsWith("SMTP relay password"));
    }

    @Test
    void thePasswordIsNeverInTheSettingsText() {
        assertFalse(new RelaySettings("h", 1, RelaySecurity.TLS, "u", "s3cret").toString().contains("s3cret"));
    }
}
