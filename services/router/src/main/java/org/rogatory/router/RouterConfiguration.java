package org.rogatory.router;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import org.rogatory.router.domain.NoLegalBasisPolicy;
import org.rogatory.router.domain.RoutingParameters;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The router's settings ({@code rogatory.router.*} in application.yml, overridable by environment
 * variables such as {@code ROGATORY_ROUTER_TRANSLATION_DELAY_HOURS}): the routing rules' scenario
 * parameters. What is not set keeps the default of {@link RoutingParameters#defaults()}.
 */
@ConfigurationProperties("rogatory.router")
public record RouterConfiguration(
        @Nullable NoLegalBasisPolicy noLegalBasisPolicy,
        @Nullable Map<String, NoLegalBasisPolicy> noLegalBasisPolicyByState,
        @Nullable Double translationDelayHours,
        @Nullable Double redNoticeReviewHours,
        @Nullable Duration concurrentExtraditionWindow,
        @Nullable String interpolGeneralSecretariat,
        @Nullable Map<String, List<String>> article3Offences,
        @Nullable Duration formalFollowUpDrafting) {

    static final String PREFIX = "rogatory.router.";

    public RoutingParameters parameters() {
        RoutingParameters defaults = RoutingParameters.defaults();
        RoutingParameters parameters = new RoutingParameters(
            noLegalBasisPolicy == null ? defaults.defaultNoLegalBasisPolicy() : noLegalBasisPolicy,
            noLegalBasisPolicyByState == null ? defaults.noLegalBasisPolicyByState() : byStateCode(noLegalBasisPolicyByState),
            translationDelayHours == null ? defaults.translationDelayHours() : translationDelayHours,
            redNoticeReviewHours == null ? defaults.redNoticeReviewHours() : redNoticeReviewHours,
            concurrentExtraditionWindow == null ? defaults.concurrentExtraditionWindow() : concurrentExtraditionWindow,
            interpolGeneralSecretariat == null ? defaults.interpolGeneralSecretariat() : interpolGeneralSecretariat,
            article3Offences == null ? defaults.article3Offences() : article3Offences,
            formalFollowUpDrafting == null ? defaults.formalFollowUpDrafting() : formalFollowUpDrafting);
        if (parameters.translationDelayHours() < 0 || parameters.redNoticeReviewHours() < 0
                || parameters.concurrentExtraditionWindow().isNegative()) {
            throw new IllegalArgumentException(PREFIX + "translation-delay-hours, red-notice-review-hours and "
                + "concurrent-extradition-window must not be negative");
        }
        return parameters;
    }

    /** State codes are upper case (ISO-like, {@code HAL}); Micronaut hands map keys over in lower case. */
    private static Map<String, NoLegalBasisPolicy> byStateCode(Map<String, NoLegalBasisPolicy> policies) {
        Map<String, NoLegalBasisPolicy> byCode = new LinkedHashMap<>();
        policies.forEach((state, policy) -> byCode.put(state.toUpperCase(Locale.ROOT), policy));
        return byCode;
    }

    /** The settings that give the router {@code parameters} (e.g. a world file's), as application properties. */
    public static Map<String, Object> properties(RoutingParameters parameters) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put(PREFIX + "no-legal-basis-policy", parameters.defaultNoLegalBasisPolicy().name());
        parameters.noLegalBasisPolicyByState().forEach((state, policy) ->
            properties.put(PREFIX + "no-legal-basis-policy-by-state." + state, policy.name()));
        properties.put(PREFIX + "translation-delay-hours", parameters.translationDelayHours());
        properties.put(PREFIX + "red-notice-review-hours", parameters.redNoticeReviewHours());
        properties.put(PREFIX + "concurrent-extradition-window", parameters.concurrentExtraditionWindow().toString());
        properties.put(PREFIX + "interpol-general-secretariat", parameters.interpolGeneralSecretariat());
        parameters.article3Offences().forEach((character, offences) ->
            properties.put(PREFIX + "article3-offences." + character, offences));
        properties.put(PREFIX + "formal-follow-up-drafting", parameters.formalFollowUpDrafting().toString());
        return properties;
    }
}
