package io.distman.bounce.control;

import static io.distman.bounce.entity.Reason.*;

import io.distman.bounce.entity.Reason;

/**
 * NTT docomo answers "550 Unknown user" both for unknown addresses (at RCPT) and for its
 * receivers' domain filters (after DATA), so the status code and the rejected command decide.
 */
final class NttDocomoRule implements ProviderRule {

    private static final PhraseRule PHRASES = new PhraseRule()
            .with(MAILBOXFULL, "552 too much mail data")
            .with(TOOMANYCONN, "552 too many recipients")
            .with(SYNTAXERROR, "503 bad sequence of commands", "504 command parameter not implemented");

    @Override
    public Reason reasonFor(DeliveryFacts facts) {
        switch (facts.status) {
            case "5.1.1":
                return USERUNKNOWN;
            case "5.2.0":
                return FILTERED;
            default:
                break;
        }
        Reason byText = PHRASES.reasonFor(facts);
        if (byText != null || !facts.status.equals("5.0.0")) {
            return byText;
        }
        return switch (facts.command) {
            case "RCPT" -> USERUNKNOWN;
            case "DATA" -> REJECTED;
            default -> null;
        };
    }
}
