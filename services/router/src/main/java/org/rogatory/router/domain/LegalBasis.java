package org.rogatory.router.domain;

import org.rogatory.contracts.CooperationRequest;
import org.rogatory.contracts.Instrument;
import org.rogatory.contracts.RequestType;
import org.rogatory.contracts.TreatyMembership;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.rogatory.contracts.RequestType.CONFISCATION;
import static org.rogatory.contracts.RequestType.DISCLOSURE;
import static org.rogatory.contracts.RequestType.EXTRADITION;
import static org.rogatory.contracts.RequestType.MLA;
import static org.rogatory.contracts.RequestType.POLICE_INFORMATION;
import static org.rogatory.contracts.RequestType.PRESERVATION;
import static org.rogatory.contracts.RequestType.PROVISIONAL_ARREST;
import static org.rogatory.contracts.RequestType.SPONTANEOUS_INFORMATION;
import static org.rogatory.contracts.RequestType.TEMPORARY_SURRENDER;
import static org.rogatory.contracts.RequestType.TRANSFER_OF_PROCEEDINGS;

/**
 * Rule 1 (docs/rules.md): a request needs a basis binding both states: both parties to a
 * convention whose scope covers the offence ({@link ConventionScope}), a bilateral treaty in
 * force, or an offer of reciprocity by the requested state. The invoked instrument is tried
 * first, then the others; a substitution is stated in a reason code. Police-to-police
 * information rests first on both states' INTERPOL membership, whatever their treaties.
 */
public final class LegalBasis {

    /** Article of each convention that covers each request type. */
    private static final Map<Instrument, Map<RequestType, String>> ARTICLES = Map.of(
        Instrument.UNTOC, Map.of(
            MLA, "18", EXTRADITION, "16", PROVISIONAL_ARREST, "16.9", POLICE_INFORMATION, "27",
            CONFISCATION, "13", SPONTANEOUS_INFORMATION, "18.4",
            // Alternatives to extradition (res. 12/1 annex II (i)): transfer of proceedings has its own
            // article; temporary surrender stays under the extradition article (cf. 16(11)).
            TRANSFER_OF_PROCEEDINGS, "21", TEMPORARY_SURRENDER, "16"),
        Instrument.CYBERCRIME_CONVENTION, Map.of(
            MLA, "40", EXTRADITION, "37", PROVISIONAL_ARREST, "37", PRESERVATION, "42", DISCLOSURE, "43",
            POLICE_INFORMATION, "47", CONFISCATION, "40", SPONTANEOUS_INFORMATION, "40",
            TRANSFER_OF_PROCEEDINGS, "37", TEMPORARY_SURRENDER, "37"));
    private static final List<Instrument> SEARCH_ORDER = List.of(
        Instrument.UNTOC, Instrument.CYBERCRIME_CONVENTION, Instrument.BILATERAL_TREATY, Instrument.RECIPROCITY);

    /** Reason code of the police-to-police basis: both states are INTERPOL members with an NCB. */
    public static final String INTERPOL_MEMBERS = "INTERPOL:MEMBERS-BOTH-NCBS";

    private LegalBasis() {
    }

    /** The basis found, as reason codes (the basis last), or empty when none binds both states. */
    public static Optional<List<String>> find(CooperationRequest request, WorldView world) {
        String requesting = request.getRequestingState();
        String requested = request.getRequestedState();
        if (request.getRequestType() == POLICE_INFORMATION && InterpolMembership.bothMembers(world, requesting, requested)) {
            return Optional.of(List.of(INTERPOL_MEMBERS));
        }
        Instrument invoked = request.getInstrument();
        List<Instrument> order = new ArrayList<>();
        if (SEARCH_ORDER.contains(invoked)) {
            order.add(invoked);
        }
        SEARCH_ORDER.stream().filter(i -> i != invoked).forEach(order::add);
        for (Instrument instrument : order) {
            Optional<List<String>> basis = binding(instrument, request, world);
            if (basis.isPresent()) {
                List<String> codes = new ArrayList<>();
                if (instrument != invoked) {
                    codes.add("RULE-1:INVOKED-" + invoked + (bothParties(invoked, request, world) ? "-OUT-OF-SCOPE" : "-NOT-BINDING"));
                }
                codes.addAll(basis.get());
                return Optional.of(codes);
            }
        }
        return Optional.empty();
    }

    private static Optional<List<String>> binding(Instrument instrument, CooperationRequest request, WorldView world) {
        String requesting = request.getRequestingState();
        String requested = request.getRequestedState();
        return switch (instrument) {
            case UNTOC, CYBERCRIME_CONVENTION -> {
                if (!bothParties(instrument, request, world)) {
                    yield Optional.empty();
                }
                Optional<String> scope = instrument == Instrument.UNTOC
                    ? ConventionScope.untoc(request) : ConventionScope.cybercrime(request);
                String article = ARTICLES.get(instrument).get(request.getRequestType());
                // UNTOC art. 13, 16, 18, 21, 27; Cybercrime Convention arts. 37, 40, 42, 43, 47: both states parties.
                yield scope.map(covered -> List.of(covered,
                    (instrument == Instrument.UNTOC ? "UNTOC-" : "CYBERCRIME-") + article + ":BOTH-PARTIES"));
            }
            // A bilateral treaty binds only once both partners have it in force.
            case BILATERAL_TREATY -> party(world.membershipsOf(requesting), instrument, requested)
                && party(world.membershipsOf(requested), instrument, requesting)
                ? Optional.of(List.of("BILATERAL:TREATY-IN-FORCE")) : Optional.empty();
            // Reciprocity: the requested state's offer, to this state or to any ("*").
            case RECIPROCITY -> party(world.membershipsOf(requested), instrument, requesting)
                || party(world.membershipsOf(requested), instrument, "*")
                ? Optional.of(List.of("RECIPROCITY:OFFERED-BY-" + requested)) : Optional.empty();
            case NONE, UNKNOWN -> Optional.empty();
        };
    }

    /** Both states are parties to the convention and it has an article for the request type. */
    private static boolean bothParties(Instrument instrument, CooperationRequest request, WorldView world) {
        return ARTICLES.containsKey(instrument) && ARTICLES.get(instrument).containsKey(request.getRequestType())
            && party(world.membershipsOf(request.getRequestingState()), instrument, null)
            && party(world.membershipsOf(request.getRequestedState()), instrument, null);
    }

    private static boolean party(List<TreatyMembership> memberships, Instrument instrument, String partner) {
        return memberships.stream().anyMatch(m -> m.getInForce() && m.getInstrument() == instrument
            && (partner == null || partner.equals(m.getPartnerState())));
    }
}
