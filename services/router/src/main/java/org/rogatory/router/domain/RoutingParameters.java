package org.rogatory.router.domain;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Scenario parameters of the routing rules: defaults in docs/rules.md, values from the world file
 * (the drafting delay from the scenario file).
 *
 * @param defaultNoLegalBasisPolicy     rule 1 fallback for states without their own policy
 * @param noLegalBasisPolicyByState     rule 1 fallback declared by a requested state
 * @param translationDelayHours         rule 6: delay before review of an untranslated request
 * @param redNoticeReviewHours          INTERPOL General Secretariat review of a Red Notice
 * @param concurrentExtraditionWindow   rule 8: requests for one person closer than this compete
 * @param interpolGeneralSecretariat    node id of the General Secretariat (Red Notice hop)
 * @param article3Offences              offence labels the General Secretariat refuses, by character
 *                                      (political, military, religious, racial: INTERPOL Constitution art. 3)
 * @param formalFollowUpDrafting        rule 5: from the informal exchange's answer (its execution in the
 *                                      requested state) to the formal MLA request being sent (practice: no text fixes it)
 */
public record RoutingParameters(
        NoLegalBasisPolicy defaultNoLegalBasisPolicy,
        Map<String, NoLegalBasisPolicy> noLegalBasisPolicyByState,
        double translationDelayHours,
        double redNoticeReviewHours,
        Duration concurrentExtraditionWindow,
        String interpolGeneralSecretariat,
        Map<String, List<String>> article3Offences,
        Duration formalFollowUpDrafting) {

    public RoutingParameters {
        noLegalBasisPolicyByState = Map.copyOf(noLegalBasisPolicyByState);
        article3Offences = Map.copyOf(article3Offences);
        if (formalFollowUpDrafting.isNegative()) {
            throw new IllegalArgumentException("formalFollowUpDrafting must not be negative, was " + formalFollowUpDrafting);
        }
    }

    /**
     * Practice, docs/rules.md rule 5: five days to turn police results into a formal request (a
     * working week: the investigator's report, the prosecutor's request, the central authority's
     * check). No text fixes it; a scenario sets its own.
     */
    public static final Duration DEFAULT_FORMAL_FOLLOW_UP_DRAFTING = Duration.ofDays(5);

    /** docs/rules.md defaults: translation 72 h, Red Notice review 48 h, 60-day competition window, 5 days' drafting. */
    public static RoutingParameters defaults() {
        return new RoutingParameters(NoLegalBasisPolicy.DIPLOMATIC, Map.of(), 72, 48, Duration.ofDays(60),
            "INTERPOL-GS", Map.of(), DEFAULT_FORMAL_FOLLOW_UP_DRAFTING);
    }

    /** The same parameters with another rule 5 drafting delay (a scenario's {@code formalFollowUpDrafting}). */
    public RoutingParameters withFormalFollowUpDrafting(Duration drafting) {
        return new RoutingParameters(defaultNoLegalBasisPolicy, noLegalBasisPolicyByState, translationDelayHours, redNoticeReviewHours,
            concurrentExtraditionWindow, interpolGeneralSecretariat, article3Offences, drafting);
    }

    public NoLegalBasisPolicy noLegalBasisPolicy(String requestedState) {
        return noLegalBasisPolicyByState.getOrDefault(requestedState, defaultNoLegalBasisPolicy);
    }

    /** The art. 3 character (e.g. "military") of an offence label, if the label names one. */
    public Optional<String> article3Character(String offenceLabel) {
        String label = offenceLabel == null ? "" : offenceLabel.toLowerCase(Locale.ROOT);
        return article3Offences.entrySet().stream()
            .filter(e -> e.getValue().stream().anyMatch(o -> label.contains(o.toLowerCase(Locale.ROOT))))
            .map(Map.Entry::getKey)
            .sorted()
            .findFirst();
    }
}
