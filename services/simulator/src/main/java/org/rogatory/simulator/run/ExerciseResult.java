package org.rogatory.simulator.run;

import org.rogatory.contracts.CaseView;
import org.rogatory.simulator.report.ExerciseReport;

import java.util.Collection;

/** What a run produced: the report and every case as it stood at the end of the exercise. */
public record ExerciseResult(ExerciseReport report, Collection<CaseView> cases) {
}
