package org.rogatory.router.domain;

import org.rogatory.contracts.CooperationRequest;
import org.rogatory.contracts.RefusalGround;
import org.rogatory.contracts.RequestType;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Rule 7, the ground the router can see itself: a request about a person that names no person is
 * not in conformity (UNTOC art. 18(21)(a) for MLA; art. 16 for extradition). The other grounds
 * (ordre public, political offence, death-penalty assurances, double jeopardy) are the requested
 * authority's to decide after consulting the requesting state (UNTOC art. 18(26)).
 */
public final class Conformity {

    private static final Set<RequestType> ABOUT_A_PERSON = EnumSet.of(RequestType.EXTRADITION, RequestType.PROVISIONAL_ARREST,
        RequestType.TEMPORARY_SURRENDER, RequestType.TRANSFER_OF_PROCEEDINGS);

    private Conformity() {
    }

    public static Optional<RoutingDecision.Refused> check(CooperationRequest request) {
        if (ABOUT_A_PERSON.contains(request.getRequestType())
                && (request.getSubjectPerson() == null || request.getSubjectPerson().isBlank())) {
            return Optional.of(new RoutingDecision.Refused(RefusalGround.NOT_IN_CONFORMITY, "router",
                List.of("UNTOC-16:NOT-IN-CONFORMITY:NO-SUBJECT-PERSON"),
                request.getRequestType() + " names no person (pseudonymous id required)"));
        }
        return Optional.empty();
    }
}
