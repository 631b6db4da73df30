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
 * Rule 4 (docs/rules.md): dual criminality is judged on the conduct category, never the national
 * offence label (res. 12/1 annex I (p), Arabic (ع)). UNTOC art. 18(9) lets a requested state assist
 * despite its absence at its discretion; a state that declares a waiver exercises it along the
 * split of UNCAC art. 46(9)(b)-(c): non-coercive assistance without dual criminality, coercive
 * measures only with it.
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
            // res. 12/1 annex I (p): same conduct category in the requested state's law.
            return new Result.Satisfied(List.of("RES-12/1-I(p):CONDUCT-" + conduct));
        }
        // MLA only: confiscation and anything coercive need dual criminality (UNCAC art. 46(9)(b)-(c)).
        boolean waivable = request.getRequestType() == RequestType.MLA && !request.getCoercive();
        boolean waives = law.stream().anyMatch(m -> m.getInForce() && m.getWaivesDualCriminalityNonCoercive());
        if (waivable && waives) {
            return new Result.Satisfied(List.of("UNCAC-46.9.b:DUAL-CRIMINALITY-WAIVED-NON-COERCIVE"));
        }
        return new Result.Refused(new RoutingDecision.Refused(RefusalGround.NO_DUAL_CRIMINALITY, "router",
            List.of("RES-12/1-I(p):NO-DUAL-CRIMINALITY:" + conduct),
            request.getRequestedState() + " does not criminalise conduct " + conduct
                + (waivable ? " and does not waive dual criminality for non-coercive MLA" : "")));
    }
}
