package org.rogatory.router.domain;

import org.rogatory.contracts.ConductCategory;
import org.rogatory.contracts.CooperationRequest;
import org.rogatory.contracts.RefusalGround;
import org.rogatory.contracts.RequestType;
import org.rogatory.contracts.TreatyMembership;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Rule 4: dual criminality is judged on the conduct category, never the national offence label
 * (res. 12/1 annex I (o)); a requested state may waive it for non-coercive MLA (UNTOC art. 18(9)).
 * Police exchanges, spontaneous information and expedited preservation/disclosure (provisional,
 * Cybercrime arts. 42-43) are not subject to it.
 */
public final class DualCriminality {

    private static final Set<RequestType> SUBJECT = EnumSet.of(RequestType.MLA, RequestType.CONFISCATION,
        RequestType.EXTRADITION, RequestType.PROVISIONAL_ARREST, RequestType.TRANSFER_OF_PROCEEDINGS,
        RequestType.TEMPORARY_SURRENDER);

    private DualCriminality() {
    }

    /** Result: either the reason codes of a satisfied (or waived, or not applicable) check, or a refusal. */
    public sealed interface Result {
        record Satisfied(List<String> reasonCodes) implements Result {
        }

        record Refused(RoutingDecision.Refused refusal) implements Result {
        }
    }

    public static Result check(CooperationRequest request, WorldView world) {
        if (!SUBJECT.contains(request.getRequestType())) {
            return new Result.Satisfied(List.of());
        }
        ConductCategory conduct = request.getConductCategory();
        List<TreatyMembership> law = world.membershipsOf(request.getRequestedState());
        boolean criminalised = conduct != ConductCategory.UNKNOWN
            && law.stream().anyMatch(m -> m.getConducts().contains(conduct));
        if (criminalised) {
            // res. 12/1 annex I (o): same conduct category in the requested state's law.
            return new Result.Satisfied(List.of("RES-12/1-I(o):CONDUCT-" + conduct));
        }
        // MLA only: confiscation and anything coercive need dual criminality (UNTOC art. 18(9)).
        boolean waivable = request.getRequestType() == RequestType.MLA && !request.getCoercive();
        boolean waives = law.stream().anyMatch(m -> m.getInForce() && m.getWaivesDualCriminalityNonCoercive());
        if (waivable && waives) {
            return new Result.Satisfied(List.of("UNTOC-18.9:DUAL-CRIMINALITY-WAIVED-NON-COERCIVE"));
        }
        return new Result.Refused(new RoutingDecision.Refused(RefusalGround.NO_DUAL_CRIMINALITY, "router",
            List.of("RES-12/1-I(o):NO-DUAL-CRIMINALITY:" + conduct),
            request.getRequestedState() + " does not criminalise conduct " + conduct
                + (waivable ? " and does not waive dual criminality for non-coercive MLA" : "")));
    }
}
