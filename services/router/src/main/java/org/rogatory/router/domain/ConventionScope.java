package org.rogatory.router.domain;

import org.rogatory.contracts.ConductCategory;
import org.rogatory.contracts.CooperationRequest;
import org.rogatory.contracts.RequestType;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Rule 1, scope: a convention binding both states is a basis only for the offences it covers
 * (docs/rules.md, rule 1).
 * <ul>
 * <li>UNTOC art. 3(1): its own offences (arts. 6 laundering, 8 corruption; participation and
 * obstruction have no conduct category here) and serious crime (art. 2(b): at least 4 years'
 * deprivation of liberty), where the offence is transnational and involves an organised criminal
 * group. Transnational is taken as given: the request itself shows evidence or the person in
 * the requested state (arts. 3(2), 18(1)). Protocol offences are not modelled separately.</li>
 * <li>UN Convention against Cybercrime: its own offences (the cyber conduct categories), and the
 * collection of evidence in electronic form of any serious crime (MLA, preservation, disclosure).</li>
 * </ul>
 */
final class ConventionScope {

    /** UNTOC art. 2(b): serious crime is punishable by at least four years' deprivation of liberty. */
    static final int SERIOUS_CRIME_YEARS = 4;

    private static final Set<ConductCategory> UNTOC_OFFENCES = EnumSet.of(ConductCategory.MONEY_LAUNDERING,
        ConductCategory.CORRUPTION);
    private static final Set<ConductCategory> CYBERCRIME_OFFENCES = EnumSet.of(ConductCategory.UNAUTHORISED_ACCESS,
        ConductCategory.ONLINE_FRAUD, ConductCategory.RANSOMWARE_EXTORTION, ConductCategory.CSAM_DISTRIBUTION);
    /** Requests that collect evidence, to which the Cybercrime Convention extends for serious crime. */
    private static final Set<RequestType> EVIDENCE_GATHERING = EnumSet.of(RequestType.MLA, RequestType.PRESERVATION,
        RequestType.DISCLOSURE);
    /** Preservation and disclosure concern stored computer data by definition. */
    private static final Set<RequestType> ELECTRONIC_BY_NATURE = EnumSet.of(RequestType.PRESERVATION, RequestType.DISCLOSURE);

    private ConventionScope() {
    }

    /** The reason code saying why UNTOC covers the request, or empty when it does not. */
    static Optional<String> untoc(CooperationRequest request) {
        if (!request.getOrganisedCriminalGroup()) {
            return Optional.empty();
        }
        if (UNTOC_OFFENCES.contains(request.getConductCategory())) {
            return Optional.of("UNTOC-3:CONVENTION-OFFENCE-ORGANISED-GROUP");
        }
        return serious(request) ? Optional.of("UNTOC-3:SERIOUS-CRIME-ORGANISED-GROUP") : Optional.empty();
    }

    /** The reason code saying why the Cybercrime Convention covers the request, or empty when it does not. */
    static Optional<String> cybercrime(CooperationRequest request) {
        if (CYBERCRIME_OFFENCES.contains(request.getConductCategory())) {
            return Optional.of("CYBERCRIME:CONVENTION-OFFENCE");
        }
        RequestType type = request.getRequestType();
        boolean electronic = request.getElectronicEvidence() || ELECTRONIC_BY_NATURE.contains(type);
        return EVIDENCE_GATHERING.contains(type) && electronic && serious(request)
            ? Optional.of("CYBERCRIME:E-EVIDENCE-SERIOUS-CRIME") : Optional.empty();
    }

    private static boolean serious(CooperationRequest request) {
        Integer years = request.getMaxPenaltyYears();
        return years != null && years >= SERIOUS_CRIME_YEARS;
    }
}
