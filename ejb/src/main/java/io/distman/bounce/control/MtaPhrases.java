package io.distman.bounce.control;

import io.distman.bounce.entity.Reason;
import java.util.Locale;

import static io.distman.bounce.entity.Reason.*;

/**
 * Fixed sentences that only one MTA prints and that name the failure outright, so they decide
 * even without a status code or a known SMTP stage (Lotus Domino/Notes, Verizon's MMS gateway,
 * Exim's address parser).
 */
final class MtaPhrases {

    private static final PhraseRule PHRASES = new PhraseRule()
            .with(USERUNKNOWN, "not listed in domino directory", "not listed in public name & address book",
                    "domino ディレクトリには見つかりません", "no valid recipients for this mm")
            .with(FILTERED, "cannot route mail to user")
            .with(SYSTEMERROR, "several matches found in domino directory")
            // Exim's address parser (parser.c): the address in the message itself is broken.
            .with(SYNTAXERROR, "malformed address: ", "angle-brackets nested too deep", "expected word or \"<\"",
                    "domain missing in source-routed address");

    private MtaPhrases() {
    }

    /** The reason such a sentence names, or null. */
    static Reason reasonOf(String diagnostic) {
        return PHRASES.firstMatch(diagnostic.toLowerCase(Locale.ROOT));
    }
}
