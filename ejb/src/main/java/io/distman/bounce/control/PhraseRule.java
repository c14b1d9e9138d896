package io.distman.bounce.control;

import io.distman.bounce.entity.Reason;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** A provider rule that only looks for the provider's documented phrases in the diagnostic. */
final class PhraseRule implements ProviderRule {

    private final Map<Reason, TextPattern> phrases = new LinkedHashMap<>();

    /** Adds phrases (lower case, {@code *} = anything in between) naming {@code reason}. */
    PhraseRule with(Reason reason, String... lowerPhrases) {
        phrases.put(reason, TextPattern.of(lowerPhrases));
        return this;
    }

    @Override
    public Reason reasonFor(DeliveryFacts facts) {
        return firstMatch(facts.diagnostic.toLowerCase(Locale.ROOT));
    }

    Reason firstMatch(String lowerText) {
        for (Map.Entry<Reason, TextPattern> e : phrases.entrySet()) {
            if (e.getValue().matches(lowerText)) {
                return e.getKey();
            }
        }
        return null;
    }
}
