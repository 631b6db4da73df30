package org.rogatory.authorities.domain;

import org.rogatory.contracts.ClockKind;
import org.rogatory.contracts.RequestType;
import org.rogatory.timer.domain.CaseChange;
import org.rogatory.timer.domain.ClockPolicy;

/**
 * What happens to a case at a node besides its review (docs/rules.md, rule 10): a grant subject
 * to conditions that the requesting state accepts or not, the requesting state's withdrawal, the
 * renewal of a preservation. The texts give no numbers for any of them, so each is practice, a
 * scenario parameter with the default named here.
 *
 * @param conditions              probability that a consultation which does not end in refusal ends in a grant
 *                                subject to conditions (UNTOC art. 18(26); assurances in extradition, res. 12/1
 *                                annex II (j)); default 0
 * @param acceptConditions        probability that the requesting state accepts the conditions; default 0.9
 * @param conditionsReplyHours    calendar hours the requesting state takes to answer them; default 240 (10 days)
 * @param withdrawal              probability that the requesting state withdraws a case still undecided at the node
 *                                {@code withdrawalAfterHours} after it arrived (the person found elsewhere, the
 *                                investigation closed); default 0
 * @param withdrawalAfterHours    when it does; default 720 (30 days)
 * @param preservationRenewals    how many times the node renews a preservation it executed (Cybercrime Convention
 *                                art. 42: at least 60 days, renewable; the number is the requested state's law);
 *                                default 0
 * @param renewalLeadHours        how long before the period ends the requesting state asks; default 168 (7 days)
 * @param preservationPeriodHours the period the case timer keeps (the scenario's {@code PRESERVATION_PERIOD})
 * @param forwardForExecutionHours mean calendar hours (exponential) of the domestic hop from this node, having granted
 *                                a request, to its state's executing authority ({@link RoundTrip}); practice, default 48
 * @param returnFromExecutionHours mean calendar hours (exponential) of the hop from this node, as executing authority,
 *                                back to the node that forwarded the request; practice, default 48
 */
public record Procedure(double conditions, double acceptConditions, double conditionsReplyHours,
                        double withdrawal, double withdrawalAfterHours,
                        int preservationRenewals, double renewalLeadHours, double preservationPeriodHours,
                        double forwardForExecutionHours, double returnFromExecutionHours) {

    public static final double DEFAULT_ACCEPT_CONDITIONS = 0.9;
    public static final double DEFAULT_CONDITIONS_REPLY_HOURS = 240;
    public static final double DEFAULT_WITHDRAWAL_AFTER_HOURS = 720;
    public static final double DEFAULT_RENEWAL_LEAD_HOURS = 168;
    /** Two days each way between a central authority and a prosecutor's office: practice, no text gives a number. */
    public static final double DEFAULT_EXECUTION_HOP_HOURS = 48;
    /** The case timer's default period (whole days), so that both count the same one. */
    public static final double DEFAULT_PRESERVATION_PERIOD_HOURS =
            ClockPolicy.defaults().span(ClockKind.PRESERVATION_PERIOD).amount() * 24.0;

    /** Nothing granted subject to conditions, nothing withdrawn, nothing renewed: the model before rule 10. */
    public static final Procedure NONE = new Procedure(0, DEFAULT_ACCEPT_CONDITIONS, DEFAULT_CONDITIONS_REPLY_HOURS, 0,
            DEFAULT_WITHDRAWAL_AFTER_HOURS, 0, DEFAULT_RENEWAL_LEAD_HOURS, DEFAULT_PRESERVATION_PERIOD_HOURS);

    /** UNTOC art. 18(26): assistance granted subject to the conditions the requested state deems necessary. */
    public static final String GRANTED_SUBJECT_TO_CONDITIONS = "UNTOC-18.26:GRANTED-SUBJECT-TO-CONDITIONS";
    /** Res. 12/1 annex II (j): assurances sought, case by case, so that extradition can be granted. */
    public static final String ASSURANCES_SOUGHT = "RES-12/1-II(j):ASSURANCES-SOUGHT";
    /** UNTOC art. 18(26): "If the requesting State Party accepts assistance subject to those conditions, it shall comply". */
    public static final String CONDITIONS_ACCEPTED = "UNTOC-18.26:CONDITIONS-ACCEPTED";
    /** The requesting state does not accept the conditions: it withdraws the request, which is not executed. */
    public static final String CONDITIONS_NOT_ACCEPTED = "RULE-10:WITHDRAWN:CONDITIONS-NOT-ACCEPTED";
    /** The requesting state withdraws a request it no longer needs (practice). */
    public static final String WITHDRAWN_BY_REQUESTING_STATE = "RULE-10:WITHDRAWN:NO-LONGER-NEEDED";
    /** The requesting state asks the requested node to renew a preservation before its period ends. */
    public static final String RENEWAL_ASKED = "RULE-10:PRESERVATION-RENEWAL-ASKED";

    public Procedure {
        for (double p : new double[] {conditions, acceptConditions, withdrawal}) {
            if (!(p >= 0 && p <= 1)) {
                throw new IllegalArgumentException("probabilities must lie in [0, 1], was " + p);
            }
        }
        for (double h : new double[] {conditionsReplyHours, withdrawalAfterHours, renewalLeadHours, forwardForExecutionHours,
                returnFromExecutionHours}) {
            if (!(h >= 0) || Double.isInfinite(h)) {
                throw new IllegalArgumentException("delays must be finite hours >= 0, was " + h);
            }
        }
        if (preservationRenewals < 0) {
            throw new IllegalArgumentException("preservationRenewals must be >= 0, was " + preservationRenewals);
        }
        if (preservationRenewals > 0 && !(preservationPeriodHours > renewalLeadHours)) {
            throw new IllegalArgumentException("the renewal is asked before the preservation period ends: renewalLeadHours "
                    + renewalLeadHours + " must be below the period, " + preservationPeriodHours + " hours");
        }
    }

    /** The procedure with the default hops of the round trip. */
    public Procedure(double conditions, double acceptConditions, double conditionsReplyHours, double withdrawal,
                     double withdrawalAfterHours, int preservationRenewals, double renewalLeadHours, double preservationPeriodHours) {
        this(conditions, acceptConditions, conditionsReplyHours, withdrawal, withdrawalAfterHours, preservationRenewals,
                renewalLeadHours, preservationPeriodHours, DEFAULT_EXECUTION_HOP_HOURS, DEFAULT_EXECUTION_HOP_HOURS);
    }

    public Procedure withPreservationPeriodHours(double hours) {
        return new Procedure(conditions, acceptConditions, conditionsReplyHours, withdrawal, withdrawalAfterHours,
                preservationRenewals, renewalLeadHours, hours, forwardForExecutionHours, returnFromExecutionHours);
    }

    /** The reason codes of a grant subject to conditions: assurances for an extradition, 18(26) conditions otherwise. */
    static String[] conditionsGranted(RequestType type) {
        return type == RequestType.EXTRADITION ? new String[] {ASSURANCES_SOUGHT}
                : new String[] {GRANTED_SUBJECT_TO_CONDITIONS};
    }

    /** The reason codes of a renewal: the timer's (a fresh period) and why it was asked. */
    static String[] renewal() {
        return new String[] {CaseChange.PRESERVATION_RENEWAL, RENEWAL_ASKED};
    }
}
