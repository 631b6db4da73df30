package org.rogatory.router.domain;

import org.rogatory.contracts.Channel;
import org.rogatory.contracts.CooperationRequest;
import org.rogatory.contracts.DirectoryEntry;
import org.rogatory.contracts.Hop;
import org.rogatory.contracts.RequestType;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Rule 8 (res. 12/1 annex II (i)): extradition requests for the same person from several states
 * within a window compete; the requested state's extradition authority gets an arbitration case
 * listing the competing cases and the alternatives to plain extradition.
 */
public final class ConcurrentExtradition {

    public static final String ROUTER_NODE = "router";
    public static final List<String> ALTERNATIVES = List.of(
        "RES-12/1-II(i):ALT:TEMPORARY-SURRENDER",
        "RES-12/1-II(i):ALT:TRANSFER-OF-PROCEEDINGS",
        "RES-12/1-II(i):ALT:TRANSFER-OF-ENFORCEMENT");

    private ConcurrentExtradition() {
    }

    /** Claims less than a window away from {@code time} (either side: records may arrive out of order). */
    public static List<ExtraditionClaim> live(List<ExtraditionClaim> claims, long time, Duration window) {
        return claims.stream().filter(c -> Math.abs(c.at() - time) < window.toMillis()).toList();
    }

    /**
     * The arbitration case opened by a routed extradition request, given the earlier claims on the
     * same person; empty when no other state requested that person from the same state in the window.
     */
    public static Optional<RoutingOutcome> arbitrate(CooperationRequest request, long time, List<ExtraditionClaim> earlier,
                                                     Duration window, WorldView world) {
        if (request.getRequestType() != RequestType.EXTRADITION || request.getSubjectPerson() == null) {
            return Optional.empty();
        }
        List<ExtraditionClaim> competing = live(earlier, time, window).stream()
            .filter(c -> c.requestedState().equals(request.getRequestedState()))
            .sorted(Comparator.comparingLong(ExtraditionClaim::at).thenComparing(ExtraditionClaim::caseId))
            .toList();
        if (competing.stream().noneMatch(c -> !c.requestingState().equals(request.getRequestingState()))) {
            return Optional.empty();
        }
        // One arbitration per cluster: its id follows the earliest competing case.
        String caseId = "ARB-" + competing.getFirst().caseId();
        List<String> linked = new ArrayList<>(competing.stream().map(ExtraditionClaim::caseId).toList());
        linked.add(request.getHeader().getCaseId());
        CooperationRequest arbitration = OpenedCase.from(request, caseId, "arbitration", ROUTER_NODE,
            RequestType.EXTRADITION_ARBITRATION, linked);
        List<String> reasons = new ArrayList<>();
        reasons.add("RES-12/1-II(i):CONCURRENT-EXTRADITION-REQUESTS");
        reasons.addAll(ALTERNATIVES);
        // The requested state's extradition authority decides; without one, its foreign ministry.
        Optional<DirectoryEntry> authority = CompetentAuthority.receiver(world, request.getRequestedState(),
                RequestType.EXTRADITION_ARBITRATION, Channel.CENTRAL_AUTHORITY)
            .or(() -> CompetentAuthority.receiver(world, request.getRequestedState(),
                RequestType.EXTRADITION_ARBITRATION, Channel.DIPLOMATIC));
        RoutingDecision decision;
        if (authority.isPresent()) {
            Channel channel = CompetentAuthority.rolesOn(Channel.CENTRAL_AUTHORITY).contains(authority.get().getRole())
                ? Channel.CENTRAL_AUTHORITY : Channel.DIPLOMATIC;
            Instant at = Instant.ofEpochMilli(time);
            decision = new RoutingDecision.Routed(channel, ROUTER_NODE, authority.get().getNodeId(),
                List.of(new Hop(ROUTER_NODE, channel, at), new Hop(authority.get().getNodeId(), channel, at)), reasons, 0);
        } else {
            decision = new RoutingDecision.DeadLettered("no node of " + request.getRequestedState()
                + " is designated for EXTRADITION_ARBITRATION and it has no active ministry of foreign affairs");
        }
        return Optional.of(RoutingOutcome.of(arbitration, decision));
    }
}
