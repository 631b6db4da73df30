package org.rogatory.router.domain;

import org.rogatory.contracts.CooperationRequest;
import org.rogatory.contracts.Instrument;
import org.rogatory.contracts.InterpolInstrument;
import org.rogatory.contracts.RequestType;

import java.util.Optional;

/**
 * Input the router cannot decide on at all (as opposed to a request it refuses): missing required
 * values, unknown enum symbols, unknown states or nodes, a state asking itself. Such a request is
 * dead-lettered with the reason.
 */
public final class RequestValidation {

    private RequestValidation() {
    }

    /** The reason the request is not routable, or empty. */
    public static Optional<String> problem(CooperationRequest request, WorldView world) {
        if (blank(request.getHeader().getCaseId())) {
            return Optional.of("missing required field header.caseId");
        }
        if (blank(request.getHeader().getEventId())) {
            return Optional.of("missing required field header.eventId");
        }
        for (String[] field : new String[][] {
                {"requestingState", request.getRequestingState()}, {"requestedState", request.getRequestedState()},
                {"originNode", request.getOriginNode()}, {"language", request.getLanguage()}}) {
            if (blank(field[1])) {
                return Optional.of("missing required field " + field[0]);
            }
        }
        if (request.getRequestType() == RequestType.UNKNOWN) {
            return Optional.of("unknown requestType");
        }
        if (request.getRequestType() == RequestType.EXTRADITION_ARBITRATION) {
            return Optional.of("EXTRADITION_ARBITRATION cases are opened by the router (rule 8), not submitted");
        }
        if (request.getInstrument() == Instrument.UNKNOWN) {
            return Optional.of("unknown instrument");
        }
        if (request.getInterpolInstrument() == InterpolInstrument.UNKNOWN) {
            return Optional.of("unknown interpolInstrument (RED_NOTICE or DIFFUSION, or none)");
        }
        if (request.getMaxPenaltyYears() != null && request.getMaxPenaltyYears() < 0) {
            return Optional.of("negative maxPenaltyYears " + request.getMaxPenaltyYears());
        }
        if (request.getRequestingState().equals(request.getRequestedState())) {
            return Optional.of("self-addressed request: " + request.getRequestingState() + " asks itself");
        }
        for (String state : new String[] {request.getRequestingState(), request.getRequestedState()}) {
            if (world.nodesOf(state).isEmpty()) {
                return Optional.of("unknown state " + state + ": no node in the directory");
            }
        }
        if (world.node(request.getRequestingState(), request.getOriginNode()).isEmpty()) {
            return Optional.of("unknown origin node " + request.getOriginNode() + " for state " + request.getRequestingState());
        }
        return Optional.empty();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
