package org.rogatory.authorities.domain;

import java.util.EnumMap;
import java.util.Map;
import java.util.random.RandomGenerator;

import org.rogatory.contracts.RefusalGround;
import org.rogatory.contracts.RequestType;
import org.rogatory.timer.domain.ConsultationDuty;

/**
 * How a node handles what reaches its inbox: officer time per request type, and the chances
 * that a review ends in a request for more information, a consultation that is resolved, a
 * refusal or a partial execution. A refusal is preceded by consultation where a text requires it
 * (UNTOC art. 18(26), MLA), at the node's discretion for extradition ("where appropriate", art.
 * 16(16)), and not otherwise ({@link ConsultationDuty}).
 *
 * @param serviceTimes        officer time per request type
 * @param defaultServiceTime  officer time for types not listed
 * @param moreInfo            probability a review asks the requesting state for more information
 * @param consult             probability of a consultation that ends without refusal (UNTOC art. 18(26))
 * @param refuse              probability of a refusal (UNTOC art. 18(21)), after consultation where {@link ConsultationDuty} says
 * @param consultBeforeRefusingExtradition probability that the node consults before refusing an extradition
 *                            (UNTOC art. 16(16), "where appropriate"); 1 by default: every refusal consulted, as before
 * @param partial             probability of a partial execution
 * @param refusalGrounds      relative weights of the grounds invoked (UNTOC art. 18(21))
 * @param translationHours    calendar hours to translate a request not in an accepted language (UNTOC art. 18(14))
 * @param consultationHours   calendar hours a consultation with the requesting state takes
 * @param moreInfoReplyHours  calendar hours the requesting state takes to supply more information
 * @param procedure           conditional grants, withdrawals and preservation renewals at the node (rule 10)
 */
public record NodeBehaviour(
        Map<RequestType, ServiceTimeDistribution> serviceTimes,
        ServiceTimeDistribution defaultServiceTime,
        double moreInfo,
        double consult,
        double refuse,
        double partial,
        Map<RefusalGround, Double> refusalGrounds,
        double translationHours,
        double consultationHours,
        double moreInfoReplyHours,
        double consultBeforeRefusingExtradition,
        Procedure procedure) {

    /** Every extradition refusal consulted first, the model's behaviour before the duty was told apart by type. */
    public static final double DEFAULT_CONSULT_BEFORE_REFUSING_EXTRADITION = 1;

    public NodeBehaviour {
        procedure = procedure == null ? Procedure.NONE : procedure;
        serviceTimes = serviceTimes.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(serviceTimes));
        refusalGrounds = refusalGrounds.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(refusalGrounds));
        for (double p : new double[] {moreInfo, consult, refuse, partial, consultBeforeRefusingExtradition}) {
            if (!(p >= 0 && p <= 1)) {
                throw new IllegalArgumentException("probabilities must lie in [0, 1], was " + p);
            }
        }
        if (moreInfo + consult + refuse + partial > 1 + 1e-9) {
            throw new IllegalArgumentException("moreInfo + consult + refuse + partial must not exceed 1, was "
                    + (moreInfo + consult + refuse + partial));
        }
        if (moreInfo >= 1) {
            throw new IllegalArgumentException("moreInfo must be below 1, or no request would ever be decided");
        }
        double weights = 0;
        for (Map.Entry<RefusalGround, Double> e : refusalGrounds.entrySet()) {
            if (!(e.getValue() >= 0)) {
                throw new IllegalArgumentException("refusal ground weight for " + e.getKey() + " must be >= 0");
            }
            weights += e.getValue();
        }
        if ((consult > 0 || refuse > 0) && weights <= 0) {
            throw new IllegalArgumentException("consult or refuse > 0 needs at least one refusal ground with a positive weight");
        }
        for (double h : new double[] {translationHours, consultationHours, moreInfoReplyHours}) {
            if (!(h >= 0) || Double.isInfinite(h)) {
                throw new IllegalArgumentException("delays must be finite hours >= 0, was " + h);
            }
        }
    }

    /** A node with none of rule 10's procedure: nothing granted subject to conditions, withdrawn or renewed. */
    public NodeBehaviour(Map<RequestType, ServiceTimeDistribution> serviceTimes, ServiceTimeDistribution defaultServiceTime,
                         double moreInfo, double consult, double refuse, double partial,
                         Map<RefusalGround, Double> refusalGrounds, double translationHours, double consultationHours,
                         double moreInfoReplyHours, double consultBeforeRefusingExtradition) {
        this(serviceTimes, defaultServiceTime, moreInfo, consult, refuse, partial, refusalGrounds, translationHours,
                consultationHours, moreInfoReplyHours, consultBeforeRefusingExtradition, Procedure.NONE);
    }

    /** Exponential service, nothing ever refused or sent back: the plain M/M/c node. */
    public static NodeBehaviour serviceOnly(ServiceTimeDistribution serviceTime) {
        return new NodeBehaviour(Map.of(), serviceTime, 0, 0, 0, 0, Map.of(), 0, 0, 0, DEFAULT_CONSULT_BEFORE_REFUSING_EXTRADITION);
    }

    public ServiceTimeDistribution serviceTime(RequestType type) {
        return serviceTimes.getOrDefault(type, defaultServiceTime);
    }

    /** Draws the ground invoked, by weight, in enum order so the draw is stable. */
    RefusalGround drawGround(RandomGenerator random) {
        double total = refusalGrounds.values().stream().mapToDouble(Double::doubleValue).sum();
        double u = random.nextDouble() * total;
        RefusalGround last = RefusalGround.NOT_IN_CONFORMITY;
        for (RefusalGround ground : RefusalGround.values()) {
            double w = refusalGrounds.getOrDefault(ground, 0.0);
            if (w <= 0) {
                continue;
            }
            last = ground;
            if (u < w) {
                return ground;
            }
            u -= w;
        }
        return last;
    }
}
