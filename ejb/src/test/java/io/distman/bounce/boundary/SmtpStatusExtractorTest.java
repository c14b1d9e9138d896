package io.distman.bounce.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.distman.bounce.entity.SmtpStatus;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SmtpStatusExtractorTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "550 5.1.1 <x@example.com>: user unknown               | 550 | 5.1.1",
            "smtp; 550 5.1.1 user unknown                          | 550 | 5.1.1",
            "smtp;550 5.1.1 The email account does not exist.      | 550 | 5.1.1",
            "smtp; 550-5.1.1 The email account does not exist.     | 550 | 5.1.1",
            "4.7.652 The mail server [10.0.0.1] has exceeded        | -   | 4.7.652",
            "250 ok:  Message 64111812 accepted                    | 250 | -",
            "421 4.4.2 Connection timed out                        | 421 | 4.4.2",
            "Message expired <421 4.4.2 Connection timed out>      | 421 | 4.4.2",
            "Remote host 192.0.2.1 said: mailbox full              | -   | -",
            "Message is 550 bytes too large                        | -   | -",
            "Greylisted, try again                                 | -   | -",
    })
    void findsCodes(String text, Integer code, String enhanced) {
        assertEquals(new SmtpStatus(code, enhanced), SmtpStatusExtractor.fromText(text));
    }

    @ParameterizedTest
    @CsvSource(nullValues = "-", value = {"5.1.1,5.1.1", " 4.4.7 ,4.4.7", "5.0,-", "bounce,-", "-,-"})
    void acceptsOnlyEnhancedCodesInDedicatedFields(String field, String expected) {
        assertEquals(expected, SmtpStatusExtractor.enhancedCode(field));
    }
}
