package org.rogatory.simulator.report;

import java.util.Arrays;
import java.util.stream.Collectors;

import org.rogatory.authorities.domain.Procedure;
import org.rogatory.timer.domain.CaseChange;

/**
 * The report's counts of rule 10 (docs/rules.md): node actions citing each reason code, as the
 * metric {@code procedure.<name>} (docs/report.md, Metrics).
 */
public enum ProcedureMetric {
    ASSURANCES_SOUGHT("assurancesSought", Procedure.ASSURANCES_SOUGHT),
    CONDITIONS_ACCEPTED("conditionsAccepted", Procedure.CONDITIONS_ACCEPTED),
    CONDITIONS_NOT_ACCEPTED("conditionsNotAccepted", Procedure.CONDITIONS_NOT_ACCEPTED),
    WITHDRAWN_NO_LONGER_NEEDED("withdrawnNoLongerNeeded", Procedure.WITHDRAWN_BY_REQUESTING_STATE),
    PRESERVATION_RENEWALS("preservationRenewals", CaseChange.PRESERVATION_RENEWAL);

    private final String metricName;
    private final String reasonCode;

    ProcedureMetric(String name, String reasonCode) {
        this.metricName = name;
        this.reasonCode = reasonCode;
    }

    public String metric() {
        return "procedure." + metricName;
    }

    String reasonCode() {
        return reasonCode;
    }

    /** The names, as a regular-expression alternation, for checking a scenario's metric. */
    public static String names() {
        return Arrays.stream(values()).map(m -> m.metricName).collect(Collectors.joining("|"));
    }
}
