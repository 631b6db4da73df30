package org.rogatory.simulator.cli;

import org.rogatory.simulator.report.ExerciseReport;
import org.rogatory.simulator.report.HtmlReport;
import org.rogatory.simulator.report.ProcedureMetric;

import java.io.PrintStream;
import java.nio.file.Path;

/** The table printed at the end of a run. */
final class Summary {

    private Summary() {
    }

    static void print(ExerciseReport report, Path out, PrintStream stdout) {
        var t = report.totals();
        stdout.printf("%nScenario %s, seed %d: %.1f simulated days in %.1f s wall (%d events, %.0f events/s)%n",
            report.scenario(), report.seed(), report.simulatedDays(), report.run().wallSeconds(), report.run().events(),
            report.run().eventsPerSecond());
        stdout.printf("%n  %-10s %8s %8s %8s %8s %8s %8s %8s %8s %8s%n", "cases", "submitted", "routed", "executed",
            "received", "refused", "lapsed", "withdrawn", "open", "dead-lettered");
        stdout.printf("  %-10s %8d %8d %8d %8d %8d %8d %8d %8d %8d%n", "", t.submitted(), t.routed(), t.executed(),
            t.received(), t.refused(), t.lapsed(), t.withdrawn(), t.open(), t.deadLettered());
        stdout.printf("%n  %-20s %8s %10s %10s %10s%n", "channel", "cases", "p50 days", "p90 days", "p99 days");
        report.channels().forEach((channel, l) -> stdout.printf("  %-20s %8d %10.2f %10.2f %10.2f%n", channel, l.cases(),
            l.p50Days(), l.p90Days(), l.p99Days()));
        stdout.printf("%n  %-22s %8s %8s %8s%n", "clock", "started", "met", "missed");
        report.clocks().forEach((clock, c) -> stdout.printf("  %-22s %8d %8d %8d%n", clock, c.started(), c.met(),
            c.missed()));
        stdout.printf("%n  procedure: granted subject to conditions %.0f (accepted %.0f, not accepted %.0f), "
            + "withdrawn as no longer needed %.0f, preservation renewals %.0f%n",
            report.metrics().getOrDefault("cases.GRANTED_SUBJECT_TO_CONDITIONS", 0.0),
            report.metrics().get(ProcedureMetric.CONDITIONS_ACCEPTED.metric()),
            report.metrics().get(ProcedureMetric.CONDITIONS_NOT_ACCEPTED.metric()),
            report.metrics().get(ProcedureMetric.WITHDRAWN_NO_LONGER_NEEDED.metric()),
            report.metrics().get(ProcedureMetric.PRESERVATION_RENEWALS.metric()));
        stdout.printf("%n  %-20s %8s %8s %8s %8s %14s %14s%n", "e-CODEX evidence", "messages", "positive", "negative",
            "late", "delivered p50m", "retrieved p50m");
        report.transport().forEach((channel, e) -> stdout.printf("  %-20s %8d %8d %8d %8d %14.1f %14.1f%n", channel,
            e.messages(), e.positive(), e.negative(), e.late(), e.deliveredP50Minutes(), e.retrievedP50Minutes()));
        stdout.printf("%n  escalations: %s%n", report.escalations().isEmpty() ? "none" : report.escalations());
        if (!report.players().isEmpty()) {
            stdout.printf("%n  %-16s %8s %8s %10s %8s %12s %12s%n", "played node", "received", "answered", "unanswered",
                "actions", "p50 resp. h", "slowest h");
            report.players().forEach(p -> stdout.printf("  %-16s %8d %8d %10d %8d %12.2f %12.2f%n", p.node(), p.received(),
                p.answered(), p.unanswered(), p.actions(), p.firstResponseP50Hours(), p.firstResponseMaxHours()));
        }
        if (!report.injects().isEmpty() || !report.outcomes().isEmpty()) {
            stdout.printf("%n  %-4s %-8s %-16s %-45s %s%n", "met", "inject", "kind", "check", "observed");
            report.injects().forEach(i -> stdout.printf("  %-4s %-8s %-16s %-45s %s%s%n", i.met() ? "yes" : "NO",
                i.id(), i.kind(), HtmlReport.check(i.metric(), i.atLeast(), i.atMost()), i.observed(),
                i.condition() == null ? "" : "   " + HtmlReport.played(i)));
            report.outcomes().forEach(o -> stdout.printf("  %-4s %-8s %-16s %-45s %s%n", o.met() ? "yes" : "NO",
                "outcome", "", HtmlReport.check(o.metric(), o.atLeast(), o.atMost()), o.observed()));
        }
        stdout.printf("%nAfter-action report: %s (report.html, report.json, cases.csv)%n", out.toAbsolutePath());
    }
}
