package io.distman.identity.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.distman.identity.entity.DnsRecord;
import io.distman.identity.entity.IdentityKind;
import io.distman.identity.entity.InvalidIdentityException;
import io.distman.identity.entity.SenderIdentity;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The verification rules, with the DNS seam given as a lambda; the real lookup runs in SenderIdentityIT. */
class IdentityVerifierTest {

    private static final Instant NOW = Instant.parse("2026-12-06T08:00:00Z");

    private static SenderIdentity identity() {
        return new SenderIdentity(1, IdentityKind.DOMAIN, "northside.example", "northside.example", "tok3n", NOW);
    }

    @Test
    void theTokenAtItsNameVerifies() {
        SenderIdentity identity = identity();
        IdentityVerifier.check(identity, name -> name.equals("_distman.northside.example")
                ? List.of("v=spf1 -all", "distman-verification=tok3n") : List.of(), NOW);
        assertTrue(identity.isVerified());
        assertEquals("dns", identity.getVerifiedBy());
    }

    @Test
    void anotherTokenDoesNotVerifyAndSaysWhatWasFound() {
        SenderIdentity identity = identity();
        IdentityVerifier.check(identity, name -> List.of("distman-verification=someone-else"), NOW);
        assertFalse(identity.isVerified());
        assertTrue(identity.getCheckResult().contains("someone-else"), identity.getCheckResult());
    }

    @Test
    void aRemovedRecordWithdrawsTheVerificationButATimeoutDoesNot() {
        SenderIdentity identity = identity();
        IdentityVerifier.check(identity, name -> List.of("distman-verification=tok3n"), NOW);
        IdentityVerifier.check(identity, name -> {
            throw new TxtLookup.DnsFailure("timeout", null);
        }, NOW);
        assertTrue(identity.isVerified(), "no answer proves nothing");
        assertTrue(identity.getCheckResult().startsWith("not checked"), identity.getCheckResult());
        IdentityVerifier.check(identity, name -> List.of(), NOW);
        assertFalse(identity.isVerified(), "a definite answer without the record withdraws it");
    }

    @Test
    void namesAreStoredInOneSpelling() {
        assertEquals("xn--mnchen-3ya.example", SenderNames.domain("domain", " München.Example. "));
        assertEquals("lettings@northside.example", SenderNames.address("address", "Lettings@NorthSide.example"));
        assertEquals("domain", assertThrows(InvalidIdentityException.class,
                () -> SenderNames.domain("domain", "192.168.1.1")).error().field());
        assertThrows(InvalidIdentityException.class, () -> SenderNames.domain("domain", "localhost"));
        assertThrows(InvalidIdentityException.class, () -> SenderNames.address("address", "not-an-address"));
    }

    @Test
    void longTxtValuesAreSplitIntoStringsOf255() {
        String value = "v=DKIM1; k=rsa; p=" + "A".repeat(400);
        String line = new DnsRecord("s._domainkey.x.example", "TXT", value, "dkim").zoneLine();
        assertEquals("s._domainkey.x.example. IN TXT \"" + value.substring(0, 255) + "\" \"" + value.substring(255) + "\"", line);
        // as JNDI hands it over: strings with a space quoted, the others bare
        assertEquals(value, JndiTxtLookup.joined("\"" + value.substring(0, 255) + "\" " + value.substring(255)));
        assertEquals("distman-verification=abc", JndiTxtLookup.joined("distman-verification=abc"));
        assertEquals("a \"quoted\" text", JndiTxtLookup.joined("\"a \\\"quoted\\\" text\""));
    }
}
