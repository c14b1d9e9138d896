package io.distman.bounce.control;

import static io.distman.bounce.entity.Reason.*;

import io.distman.bounce.entity.Reason;
import java.util.List;
import java.util.Locale;

/**
 * Mimecast: its knowledge base lists each rejection as an SMTP reply code with a fixed text. Only
 * the pair counts, because Mimecast reuses texts under several codes (a 451 is a temporary
 * block, the same words under 550 a policy decision). Reasons as Sisimai assigns them
 * (Sisimai::Rhost::Mimecast).
 */
final class MimecastRule implements ProviderRule {

    private record Reply(String code, String phrase, Reason reason) {
    }

    private static final List<Reply> REPLIES = List.of(
            new Reply("550", "spf sender invalid - envelope rejected", AUTHFAILURE),
            new Reply("550", "dkim sender invalid - envelope rejected", AUTHFAILURE),
            new Reply("550", "dmarc sender invalid - envelope rejected", AUTHFAILURE),
            new Reply("451", "internal resources are temporarily unavailable", BADREPUTATION),
            new Reply("550", "local ct ip reputation - (reject)", BADREPUTATION),
            new Reply("421", "sender address blocked", BLOCKED),
            new Reply("451", "recipient temporarily unavailable", BLOCKED),
            new Reply("451", "ip temporarily blacklisted", BLOCKED),
            new Reply("550", "journal messages past the expiration", EXPIRED),
            new Reply("554", "maximum email size exceeded", MESGTOOBIG),
            new Reply("451", "the incorrect hostname used for inbounds", NETWORKERROR),
            new Reply("550", "the incorrect hostname used for inbounds", NETWORKERROR),
            new Reply("554", "mail loop detected", NETWORKERROR),
            new Reply("451", "open relay not allowed", NORELAYING),
            new Reply("451", "open relay is not allowed", NORELAYING),
            new Reply("451", "account inbounds disabled", NOTACCEPT),
            new Reply("451", "account outbounds disabled", ONHOLD),
            new Reply("451", "hostname is not authorized", ONHOLD),
            new Reply("550", "journal message past expiration", ONHOLD),
            new Reply("550", "anti-spoofing policy - inbound not allowed", POLICYVIOLATION),
            new Reply("550", "rejected by header-based anti-spoofing policy", POLICYVIOLATION),
            new Reply("550", "message bounced due to content examination policy", POLICYVIOLATION),
            new Reply("554", "host network not allowed", POLICYVIOLATION),
            new Reply("554", "host network, not allowed", POLICYVIOLATION),
            new Reply("550", "administrative prohibition envelope blocked", REJECTED),
            new Reply("550", "envelope blocked - user entry", REJECTED),
            new Reply("550", "envelope blocked - user domain entry", REJECTED),
            new Reply("550", "rejected by header-based manually blocked senders", REJECTED),
            new Reply("550", "rejected by header-based blocked senders", REJECTED),
            new Reply("550", "envelope rejected - block policy for envelope from address", REJECTED),
            new Reply("535", "incorrect authentication data", SECURITYERROR),
            new Reply("550", "submitter failed to authenticate", SECURITYERROR),
            new Reply("553", "this route requires encryption (tls)", SECURITYERROR),
            new Reply("553", "this route requires tls version 1.2 or greater", SECURITYERROR),
            new Reply("553", "this route requires high-strength ciphers", SECURITYERROR),
            new Reply("554", "configuration is invalid for this certificate", SECURITYERROR),
            new Reply("451", "unable to process connection at this time", SYSTEMERROR),
            new Reply("451", "message ended early", SYSTEMERROR),
            new Reply("451", "unable to process command", SYSTEMERROR),
            new Reply("451", "unable to process an email at this time", SYSTEMERROR),
            new Reply("451", "account service is temporarily unavailable", TOOMANYCONN),
            new Reply("452", "too many recipients", TOOMANYCONN),
            new Reply("550", "exceeding outbound thread limit", TOOMANYCONN),
            new Reply("501", "invalid address", USERUNKNOWN),
            new Reply("503", "user unknown", USERUNKNOWN),
            new Reply("550", "invalid recipient", USERUNKNOWN),
            new Reply("554", "email rejected due to security policies", VIRUSDETECTED));

    @Override
    public Reason reasonFor(DeliveryFacts facts) {
        if (facts.replyCode.isEmpty()) {
            return null;
        }
        String text = facts.diagnostic.toLowerCase(Locale.ROOT);
        for (Reply r : REPLIES) {
            if (r.code().equals(facts.replyCode) && text.contains(r.phrase())) {
                return r.reason();
            }
        }
        return null;
    }
}
