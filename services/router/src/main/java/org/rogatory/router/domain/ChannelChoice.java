package org.rogatory.router.domain;

import org.rogatory.contracts.Channel;
import org.rogatory.contracts.CooperationRequest;
import org.rogatory.contracts.DirectoryEntry;
import org.rogatory.contracts.Hop;
import org.rogatory.contracts.Instrument;
import org.rogatory.contracts.InterpolInstrument;
import org.rogatory.contracts.NodeRole;
import org.rogatory.contracts.RefusalGround;
import org.rogatory.contracts.RequestType;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Rule 3: the channel by request type and urgency, with the fallbacks a state's missing node
 * forces. Candidates are tried in order; the first whose receiving node is designated (rule 2)
 * and whose sending node exists wins; none → diplomatic channel, MFA to MFA.
 */
public final class ChannelChoice {

    private static final long HOUR = 3_600_000L;

    /**
     * Flag on an urgent MLA request sent informally (UNTOC art. 18(14)); the case timer starts
     * the written-confirmation clock on it, so the duty has this one definition.
     */
    public static final String WRITTEN_CONFIRMATION_DUE = "UNTOC-18.14:WRITTEN-CONFIRMATION-DUE";

    private ChannelChoice() {
    }

    /** A channel worth trying, with the rule that puts it on the list. */
    record Candidate(Channel channel, String reasonCode) {
    }

    public static RoutingDecision choose(CooperationRequest request, long time, WorldView world, RoutingParameters parameters) {
        for (Candidate candidate : candidates(request, world)) {
            Optional<DirectoryEntry> receiver = CompetentAuthority.receiver(world, request.getRequestedState(),
                request.getRequestType(), candidate.channel());
            Optional<DirectoryEntry> sender = sender(request, world, candidate.channel());
            if (receiver.isPresent() && sender.isPresent()) {
                return route(request, time, world, parameters, candidate, sender.get(), receiver.get());
            }
        }
        // UNTOC art. 18(13): a state may require requests through diplomatic channels; with no
        // designated authority that is the only way in.
        return diplomatic(request, time, world, "UNTOC-18.13:NO-DESIGNATION:DIPLOMATIC");
    }

    /** MFA to MFA: the channel of last resort (no designation, or no legal basis under a diplomatic policy). */
    public static RoutingDecision diplomatic(CooperationRequest request, long time, WorldView world, String reasonCode) {
        Optional<DirectoryEntry> receiver = world.nodesOf(request.getRequestedState()).stream()
            .filter(n -> n.getActive() && n.getRole() == NodeRole.MFA).findFirst();
        if (receiver.isEmpty()) {
            return new RoutingDecision.DeadLettered("no node of " + request.getRequestedState() + " can receive a "
                + request.getRequestType() + " request: no designation and no active ministry of foreign affairs");
        }
        String from = CompetentAuthority.sender(world, request.getRequestingState(), request.getRequestType(), Channel.DIPLOMATIC)
            .map(DirectoryEntry::getNodeId).orElse(request.getOriginNode());
        return new RoutingDecision.Routed(Channel.DIPLOMATIC, from, receiver.get().getNodeId(),
            hops(request.getOriginNode(), from, List.of(), receiver.get().getNodeId(), Channel.DIPLOMATIC, time, time),
            List.of(reasonCode), 0);
    }

    static List<Candidate> candidates(CooperationRequest request, WorldView world) {
        List<Candidate> list = new ArrayList<>();
        boolean cyber = request.getInstrument() == Instrument.CYBERCRIME_CONVENTION;
        switch (request.getRequestType()) {
            case MLA -> {
                if (request.getUrgent() && cyber) {
                    // Cybercrime art. 41: the 24/7 network gives immediate assistance for e-evidence.
                    list.add(new Candidate(Channel.CONTACT_POINT_247, "CYBERCRIME-41:24/7-URGENT-MLA"));
                }
                if (request.getUrgent() && acceptsInterpol(world, request.getRequestingState())
                        && acceptsInterpol(world, request.getRequestedState())) {
                    list.add(new Candidate(Channel.I247, "UNTOC-18.13:INTERPOL-URGENT"));
                }
                list.add(new Candidate(Channel.CENTRAL_AUTHORITY, "UNTOC-18.13:CENTRAL-AUTHORITY"));
            }
            case CONFISCATION -> list.add(new Candidate(Channel.CENTRAL_AUTHORITY, "UNTOC-13:CENTRAL-AUTHORITY"));
            case EXTRADITION -> list.add(new Candidate(Channel.CENTRAL_AUTHORITY, "UNTOC-16:CENTRAL-AUTHORITY"));
            case TRANSFER_OF_PROCEEDINGS, TEMPORARY_SURRENDER, EXTRADITION_ARBITRATION ->
                list.add(new Candidate(Channel.CENTRAL_AUTHORITY, "RES-12/1-II(i):CENTRAL-AUTHORITY"));
            case PROVISIONAL_ARREST -> {
                // The requesting state's choice, not its urgency; a diffusion unless it asks for a notice.
                list.add(new Candidate(Channel.I247, redNotice(request) ? "INTERPOL:RED-NOTICE" : "INTERPOL:DIFFUSION-NCB-TO-NCB"));
                // UNTOC art. 16(9) / treaties: a direct request to the extradition authority.
                list.add(new Candidate(Channel.CENTRAL_AUTHORITY, "UNTOC-16.9:DIRECT-REQUEST"));
            }
            case PRESERVATION, DISCLOSURE -> {
                String article = request.getRequestType() == RequestType.PRESERVATION ? "42" : "43";
                list.add(new Candidate(Channel.CONTACT_POINT_247, "CYBERCRIME-" + article + ":24/7-TO-24/7"));
                // No 24/7 point: I-24/7 reaches the cybercrime unit (INTERPOL resolution 2008; Cybercrime art. 47).
                list.add(new Candidate(Channel.I247, "CYBERCRIME-47:NO-24/7-POINT:I-24/7"));
                list.add(new Candidate(Channel.CENTRAL_AUTHORITY, "CYBERCRIME-" + article + ":NO-24/7-POINT:CENTRAL-AUTHORITY"));
            }
            case POLICE_INFORMATION -> {
                // Police exchange over I-24/7 rests on INTERPOL membership (rule 1); without NCBs, the 24/7 network.
                list.add(new Candidate(Channel.I247, "INTERPOL:NCB-TO-NCB"));
                list.add(new Candidate(Channel.CONTACT_POINT_247, "CYBERCRIME-47:24/7-TO-24/7"));
            }
            case SPONTANEOUS_INFORMATION -> {
                // UNTOC art. 18(4): any channel, no reply due; the sender's own channel first.
                originChannel(request, world).ifPresent(c -> list.add(new Candidate(c, "UNTOC-18.4:SPONTANEOUS")));
                list.add(new Candidate(Channel.I247, "UNTOC-18.4:SPONTANEOUS"));
                list.add(new Candidate(Channel.CENTRAL_AUTHORITY, "UNTOC-18.4:SPONTANEOUS"));
            }
            case UNKNOWN -> {
                // validated before: never routed
            }
        }
        return list;
    }

    private static RoutingDecision route(CooperationRequest request, long time, WorldView world, RoutingParameters parameters,
                                         Candidate candidate, DirectoryEntry sender, DirectoryEntry receiver) {
        List<String> reasons = new ArrayList<>(List.of(candidate.reasonCode()));
        List<String> via = List.of();
        long arrival = time;
        if (request.getRequestType() == RequestType.PROVISIONAL_ARREST && candidate.channel() == Channel.I247) {
            if (redNotice(request)) {
                // A Red Notice is published only after the General Secretariat's review (Constitution arts. 2, 3).
                Optional<String> character = parameters.article3Character(request.getNationalOffenceLabel());
                if (character.isPresent()) {
                    return new RoutingDecision.Refused(RefusalGround.POLITICAL_OFFENCE, parameters.interpolGeneralSecretariat(),
                        List.of("INTERPOL-CONST-3:" + character.get().toUpperCase(Locale.ROOT) + "-CHARACTER"),
                        "Red Notice refused on review: offence of a " + character.get() + " character");
                }
                via = List.of(parameters.interpolGeneralSecretariat());
                arrival = time + Math.round(parameters.redNoticeReviewHours() * HOUR);
                reasons.add("INTERPOL-CONST-3:GS-REVIEW-PASSED");
            }
            reasons.add("UNTOC-16.9:PROVISIONAL-ARREST");
        }
        if (request.getUrgent() && request.getRequestType() == RequestType.MLA && candidate.channel() != Channel.CENTRAL_AUTHORITY) {
            // UNTOC art. 18(14): an urgent MLA request sent through INTERPOL or the 24/7 network must be confirmed in writing.
            reasons.add(WRITTEN_CONFIRMATION_DUE);
        }
        return new RoutingDecision.Routed(candidate.channel(), sender.getNodeId(), receiver.getNodeId(),
            hops(request.getOriginNode(), sender.getNodeId(), via, receiver.getNodeId(), candidate.channel(), time, arrival),
            reasons, 0);
    }

    private static boolean redNotice(CooperationRequest request) {
        return request.getInterpolInstrument() == InterpolInstrument.RED_NOTICE;
    }

    /** Networks (24/7, I-24/7) connect members only; a central-authority request may leave from the origin node. */
    private static Optional<DirectoryEntry> sender(CooperationRequest request, WorldView world, Channel channel) {
        Optional<DirectoryEntry> member = CompetentAuthority.sender(world, request.getRequestingState(), request.getRequestType(), channel);
        if (member.isPresent() || channel != Channel.CENTRAL_AUTHORITY) {
            return member;
        }
        return world.node(request.getRequestingState(), request.getOriginNode());
    }

    private static Optional<Channel> originChannel(CooperationRequest request, WorldView world) {
        return world.node(request.getRequestingState(), request.getOriginNode())
            .flatMap(origin -> List.of(Channel.CONTACT_POINT_247, Channel.I247, Channel.CENTRAL_AUTHORITY).stream()
                .filter(c -> CompetentAuthority.rolesOn(c).contains(origin.getRole())).findFirst());
    }

    /** UNTOC art. 18(13) notification: recorded on any in-force convention membership of the state. */
    private static boolean acceptsInterpol(WorldView world, String state) {
        return world.membershipsOf(state).stream().anyMatch(m -> m.getInForce() && m.getAcceptsInterpolForUrgent());
    }

    private static List<Hop> hops(String origin, String from, List<String> via, String to, Channel channel, long sent, long arrival) {
        List<Hop> hops = new ArrayList<>();
        if (!origin.equals(from)) {
            hops.add(new Hop(origin, channel, Instant.ofEpochMilli(sent)));
        }
        hops.add(new Hop(from, channel, Instant.ofEpochMilli(sent)));
        via.forEach(node -> hops.add(new Hop(node, channel, Instant.ofEpochMilli(sent))));
        hops.add(new Hop(to, channel, Instant.ofEpochMilli(arrival)));
        return hops;
    }
}
