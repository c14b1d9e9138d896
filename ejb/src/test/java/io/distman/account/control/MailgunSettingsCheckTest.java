package io.distman.account.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.distman.account.entity.InvalidSettingsException;
import java.net.URI;
import org.junit.jupiter.api.Test;

class MailgunSettingsCheckTest {

    @Test
    void acceptsWhatMailgunGives() {
        assertEquals("key-3ax6xnjp29jd6fds4gc373sgvjxteol0", MailgunSettingsCheck.apiKey(" key-3ax6xnjp29jd6fds4gc373sgvjxteol0 "));
        assertEquals("mg.northside.example", MailgunSettingsCheck.domain("MG.Northside.example"));
        assertEquals(URI.create("http://127.0.0.1:8025/mailgun"), MailgunSettingsCheck.baseUrl("http://127.0.0.1:8025/mailgun/"));
        assertNull(MailgunSettingsCheck.baseUrl(" "), "blank: the region's own API");
    }

    @Test
    void refusesWhatCannotWork() {
        assertThrows(InvalidSettingsException.class, () -> MailgunSettingsCheck.apiKey(null));
        assertThrows(InvalidSettingsException.class, () -> MailgunSettingsCheck.apiKey("key with spaces"));
        assertThrows(InvalidSettingsException.class, () -> MailgunSettingsCheck.domain("localhost"));
        assertThrows(InvalidSettingsException.class, () -> MailgunSettingsCheck.domain("mg.example.com/../v4"));
        assertThrows(InvalidSettingsException.class, () -> MailgunSettingsCheck.region(null));
        assertThrows(InvalidSettingsException.class, () -> MailgunSettingsCheck.baseUrl("ftp://api.mailgun.net"));
        assertThrows(InvalidSettingsException.class, () -> MailgunSettingsCheck.baseUrl("https://user:pw@api.mailgun.net"));
        assertThrows(InvalidSettingsException.class, () -> MailgunSettingsCheck.baseUrl("https://api.mailgun.net?x=1"));
        assertThrows(InvalidSettingsException.class, () -> MailgunSettingsCheck.baseUrl("not a url"));
    }
}
