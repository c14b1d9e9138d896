package io.distman.tracking.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class UnsubscribeRequestsTest {

    private static final String TOKEN = "AAAAAAAAAGQ-Zx_09aBcDeFgHiJk";

    private static String token(String mail) {
        return UnsubscribeRequests.token(mail.getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void aMailClientsUnsubscribeMailCarriesTheTokenInItsRecipient() {
        assertEquals(TOKEN, token("From: reader@tenant.example.org\r\nTo: <unsubscribe+" + TOKEN
                + "@bounces.northside.example>\r\nSubject: unsubscribe\r\n\r\n"));
        assertEquals(TOKEN, token("From: r@x.org\r\nTo: Northside <UNSUBSCRIBE+" + TOKEN + "@northside.example>\r\n\r\n"),
                "the local part's case may change, the token's is kept");
    }

    @Test
    void theEnvelopeRecipientOfTheDeliveryAgentCountsFirst() {
        assertEquals(TOKEN, token("Delivered-To: unsubscribe+" + TOKEN + "@northside.example\r\nFrom: r@x.org\r\n"
                + "To: undisclosed-recipients:;\r\n\r\n"));
        assertEquals("", token("Delivered-To: bounce+k3j4h5@northside.example\r\nFrom: MAILER-DAEMON@x.org\r\n"
                + "To: unsubscribe+" + TOKEN + "@northside.example\r\n\r\n"), "mail to a return path is a bounce");
    }

    @Test
    void aBounceQuotingOurListUnsubscribeHeaderIsNoUnsubscribeRequest() {
        String bounce = "From: MAILER-DAEMON@mx.example.org\r\nTo: bounce+k3j4h5@northside.example\r\n"
                + "Content-Type: text/plain\r\n\r\nReturned message:\r\nList-Unsubscribe: <mailto:unsubscribe+" + TOKEN
                + "@northside.example?subject=unsubscribe>\r\n";
        assertEquals("", token(bounce));
        assertEquals("", token("From: a@b.org\r\nTo: nounsubscribe+" + TOKEN + "@x.org, someone@x.org\r\n\r\n"));
        assertEquals("", token("garbage without headers"));
        assertEquals("", token(""));
    }
}
