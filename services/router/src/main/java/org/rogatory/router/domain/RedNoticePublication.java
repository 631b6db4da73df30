package org.rogatory.router.domain;

import org.rogatory.contracts.Channel;
import org.rogatory.contracts.CooperationRequest;
import org.rogatory.contracts.DirectoryEntry;
import org.rogatory.contracts.Hop;
import org.rogatory.contracts.InterpolInstrument;
import org.rogatory.contracts.RequestType;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * INTERPOL notices (docs/rules.md, INTERPOL notices; the publication rules are practice): a Red
 * Notice that passed the General Secretariat's review is published to every member country, so
 * every NCB receives it over I-24/7 (one-to-many). The hit is where the wanted person is located:
 * the requested state of the provisional arrest, since UNTOC art. 16(9) has the requested state
 * take into custody a person present in its territory. There the notice is the provisional arrest
 * (the routed request itself, so its clock runs in that state); every other member NCB receives a
 * copy of its own, {@code <caseId>-RN-<state>}, which it records as police information (INTERPOL
 * membership is its basis, rule 1): no arrest follows where the person is not.
 */
public final class RedNoticePublication {

    /** On the notice and on every copy: published to the member NCBs. */
    public static final String PUBLISHED = "INTERPOL:RED-NOTICE-PUBLISHED";
    /** On the notice: the person is located in the requested state, whose NCB arrests provisionally. */
    public static final String HIT = "INTERPOL:HIT:PROVISIONAL-ARREST";
    /** On a copy: a member where the person is not; the NCB records the notice. */
    public static final String NO_HIT = "INTERPOL:RED-NOTICE-RECORDED:NO-HIT";

    private RedNoticePublication() {
    }

    /** The copy a member state's NCB receives of a notice. */
    private static String copyCaseId(String noticeCaseId, String state) {
        return noticeCaseId + "-RN-" + state;
    }

    /** Whether the routed request is a published Red Notice (reviewed, on I-24/7). */
    public static boolean published(CooperationRequest request, Channel channel) {
        return request.getRequestType() == RequestType.PROVISIONAL_ARREST
            && request.getInterpolInstrument() == InterpolInstrument.RED_NOTICE && channel == Channel.I247;
    }

    /**
     * The copies of a published notice, one per member state other than the requesting state and the
     * state of the hit, each routed from the General Secretariat to that state's NCB, arriving with the
     * notice (after the review). A member that does not read the notice's language gets it in its own:
     * the General Secretariat publishes notices in INTERPOL's languages and translates within its review.
     *
     * @param notice  the Red Notice
     * @param routing its routing to the NCB of the hit (through the General Secretariat)
     */
    public static List<RoutingOutcome> copies(CooperationRequest notice, RoutingDecision.Routed routing, WorldView world,
                                              RoutingParameters parameters) {
        String gs = parameters.interpolGeneralSecretariat();
        List<Hop> toGs = routing.hops().subList(0, routing.hops().size() - 1);
        Hop arrival = routing.hops().getLast();
        List<RoutingOutcome> copies = new ArrayList<>();
        for (String state : world.states()) {
            if (state.equals(notice.getRequestingState()) || state.equals(notice.getRequestedState())) {
                continue;
            }
            Optional<DirectoryEntry> bureau = InterpolMembership.bureau(world, state);
            if (bureau.isEmpty()) {
                continue; // not a member (no NCB): nothing reaches it
            }
            String ncb = bureau.get().getNodeId();
            CooperationRequest copy = OpenedCase.from(notice, copyCaseId(notice.getHeader().getCaseId(), state),
                "red-notice-" + state, gs, RequestType.POLICE_INFORMATION, List.of(notice.getHeader().getCaseId()));
            copy.setRequestedState(state);
            copy.setEvidentialUse(false);
            if (!bureau.get().getLanguages().contains(copy.getLanguage())) {
                copy.setLanguage(bureau.get().getLanguages().getFirst());
            }
            List<Hop> hops = new ArrayList<>(toGs);
            hops.add(new Hop(ncb, Channel.I247, arrival.getAt()));
            copies.add(RoutingOutcome.of(copy, new RoutingDecision.Routed(Channel.I247, gs, ncb, hops,
                List.of(LegalBasis.INTERPOL_MEMBERS, PUBLISHED, NO_HIT), 0)));
        }
        return copies;
    }
}
