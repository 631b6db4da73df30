package org.rogatory.router.domain;

import org.rogatory.contracts.CooperationRequest;
import org.rogatory.contracts.DirectoryEntry;
import org.rogatory.contracts.RefusalGround;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The router's decision on one request, composed of the docs/rules.md rules in the order a central
 * authority would apply them: admissible input, conformity (7), legal basis (1), dual criminality
 * (4), competent node and channel (2, 3), language (6); then the cases the decision opens: the
 * copies of a published Red Notice ({@link RedNoticePublication}). Two rules need more than the
 * request: the formal MLA follow-up (5) waits for the informal answer ({@link #followUp}), and
 * concurrent extradition (8) needs every request for one person, so it is decided where routed
 * extraditions meet by person ({@link #arbitrate}).
 */
public final class RoutingPolicy {

    private final RoutingParameters parameters;

    public RoutingPolicy(RoutingParameters parameters) {
        this.parameters = parameters;
    }

    public RoutingParameters parameters() {
        return parameters;
    }

    /**
     * @param time  the request's simulated time (its record timestamp)
     * @param world the directory and treaties as of {@code time}
     */
    public RoutingOutcome decide(CooperationRequest request, long time, WorldView world) {
        Optional<String> problem = RequestValidation.problem(request, world);
        if (problem.isPresent()) {
            return RoutingOutcome.of(request, new RoutingDecision.DeadLettered(problem.get()));
        }
        Optional<RoutingDecision.Refused> nonConforming = Conformity.check(request);
        if (nonConforming.isPresent()) {
            return RoutingOutcome.of(request, nonConforming.get());
        }
        List<String> reasons = new ArrayList<>();
        Optional<List<String>> basis = LegalBasis.find(request, world);
        basis.ifPresent(reasons::addAll);
        if (basis.isEmpty() && parameters.noLegalBasisPolicy(request.getRequestedState()) == NoLegalBasisPolicy.REFUSE) {
            return RoutingOutcome.of(request, new RoutingDecision.Refused(RefusalGround.NO_LEGAL_BASIS, "router",
                List.of("RULE-1:NO-LEGAL-BASIS:REFUSED"),
                "no instrument, bilateral treaty or reciprocity offer binds " + request.getRequestingState()
                    + " and " + request.getRequestedState()));
        }
        DualCriminality.Result dual = DualCriminality.check(request, world);
        if (dual instanceof DualCriminality.Result.Refused(RoutingDecision.Refused refusal)) {
            return RoutingOutcome.of(request, withReasons(reasons, refusal));
        }
        reasons.addAll(((DualCriminality.Result.Satisfied) dual).reasonCodes());
        RoutingDecision channel = basis.isPresent()
            ? ChannelChoice.choose(request, time, world, parameters)
            // Comity: without a basis the request can still be put to the requested state diplomatically.
            : ChannelChoice.diplomatic(request, time, world, "RULE-1:NO-LEGAL-BASIS:DIPLOMATIC");
        if (!(channel instanceof RoutingDecision.Routed routed)) {
            return RoutingOutcome.of(request, channel instanceof RoutingDecision.Refused refused ? withReasons(reasons, refused) : channel);
        }
        reasons.addAll(routed.reasonCodes());
        DirectoryEntry receiver = world.node(request.getRequestedState(), routed.toNode()).orElseThrow();
        LanguageCheck.Result language = LanguageCheck.check(request.getLanguage(), receiver, parameters.translationDelayHours());
        if (language instanceof LanguageCheck.Result.Refused(RoutingDecision.Refused refusal)) {
            return RoutingOutcome.of(request, withReasons(reasons, refusal));
        }
        LanguageCheck.Result.Accepted accepted = (LanguageCheck.Result.Accepted) language;
        reasons.addAll(accepted.reasonCodes());
        List<RoutingOutcome> spawned = new ArrayList<>();
        if (RedNoticePublication.published(request, routed.channel())) {
            reasons.addAll(List.of(RedNoticePublication.PUBLISHED, RedNoticePublication.HIT));
            spawned.addAll(RedNoticePublication.copies(request, routed, world, parameters));
        }
        if (InformalToFormal.awaitsAnswer(request, routed.channel())) {
            // The formal request follows the answer (followUp below), not this request.
            reasons.add(InformalToFormal.AWAITS_ANSWER);
        }
        RoutingDecision.Routed decision = new RoutingDecision.Routed(routed.channel(), routed.fromNode(), routed.toNode(),
            routed.hops(), reasons, accepted.translationDelayHours());
        return new RoutingOutcome(request, decision, spawned);
    }

    /**
     * Rule 5 on an answered informal exchange (routed with {@link InformalToFormal#AWAITS_ANSWER}):
     * the formal MLA case, sent {@code answeredAt} plus the drafting delay and decided at that time,
     * with the directory and treaties as of the answer, when drafting begins (the only world a
     * record stamped {@code answeredAt} is sure to have seen). Its decision cites rule 5 first.
     *
     * @param world the directory and treaties as of {@code answeredAt}
     */
    public RoutingOutcome followUp(CooperationRequest informal, long answeredAt, WorldView world) {
        long sentAt = answeredAt + parameters.formalFollowUpDrafting().toMillis();
        CooperationRequest formal = InformalToFormal.followUp(informal, sentAt, world);
        RoutingOutcome outcome = decide(formal, sentAt, world);
        RoutingDecision cited = switch (outcome.decision()) {
            case RoutingDecision.Routed r -> new RoutingDecision.Routed(r.channel(), r.fromNode(), r.toNode(), r.hops(),
                concat(List.of(InformalToFormal.REASON), r.reasonCodes()), r.translationDelayHours());
            case RoutingDecision.Refused refused -> withReasons(List.of(InformalToFormal.REASON), refused);
            case RoutingDecision.DeadLettered dead -> dead;
        };
        return new RoutingOutcome(formal, cited, outcome.spawned());
    }

    /**
     * Rule 8 on a routed extradition: the arbitration case it opens given the extraditions already
     * routed for the same person, if another state competes within the window.
     */
    public Optional<RoutingOutcome> arbitrate(CooperationRequest routedExtradition, long time, WorldView world,
                                              List<ExtraditionClaim> earlierClaims) {
        return ConcurrentExtradition.arbitrate(routedExtradition, time, earlierClaims, parameters.concurrentExtraditionWindow(), world);
    }

    /** The refusal, preceded by the rules already satisfied (a trainer sees how far the request got). */
    private static RoutingDecision.Refused withReasons(List<String> before, RoutingDecision.Refused refusal) {
        return new RoutingDecision.Refused(refusal.ground(), refusal.atNode(), concat(before, refusal.reasonCodes()), refusal.detail());
    }

    private static List<String> concat(List<String> first, List<String> then) {
        List<String> codes = new ArrayList<>(first);
        codes.addAll(then);
        return codes;
    }
}
