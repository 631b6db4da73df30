package org.rogatory.router.domain;

import org.rogatory.contracts.DirectoryEntry;
import org.rogatory.contracts.RefusalGround;

import java.util.List;
import java.util.Locale;

/**
 * Rule 6 (UNTOC art. 18(14)): a request must be in a language the receiving authority accepts;
 * otherwise it is translated first (a scenario delay), or refused where the state demands its own
 * language even for urgent requests.
 */
public final class LanguageCheck {

    private LanguageCheck() {
    }

    public sealed interface Result {
        record Accepted(double translationDelayHours, List<String> reasonCodes) implements Result {
        }

        record Refused(RoutingDecision.Refused refusal) implements Result {
        }
    }

    public static Result check(String language, DirectoryEntry receiver, double translationDelayHours) {
        String lang = language.toLowerCase(Locale.ROOT);
        // A node that lists no language takes any (e.g. a router-opened arbitration case).
        boolean accepted = receiver.getLanguages().isEmpty()
            || receiver.getLanguages().stream().anyMatch(l -> l.toLowerCase(Locale.ROOT).equals(lang));
        if (accepted) {
            return new Result.Accepted(0, List.of());
        }
        if (receiver.getRefusesUntranslated()) {
            return new Result.Refused(new RoutingDecision.Refused(RefusalGround.UNTRANSLATED, receiver.getNodeId(),
                List.of("UNTOC-18.14:UNTRANSLATED-REFUSED"),
                receiver.getNodeId() + " accepts only " + receiver.getLanguages() + ", request is in " + language));
        }
        return new Result.Accepted(translationDelayHours, List.of("UNTOC-18.14:TRANSLATION-" + lang + "-TO-"
            + receiver.getLanguages().getFirst().toLowerCase(Locale.ROOT)));
    }
}
