package org.rogatory.simulator.run;

import org.rogatory.contracts.CaseView;
import org.rogatory.simulator.report.CaseStanding;
import org.rogatory.simulator.report.ExerciseReport;

import java.util.Collection;
import java.util.Map;

/**
 * What a run produced: the report, every case as it stood at the end of the exercise, and where
 * each of those cases stands by the report's count (by case id).
 */
public record ExerciseResult(ExerciseReport report, Collection<CaseView> cases, Map<String, CaseStanding> standings) {

    public ExerciseResult {
        standings = Map.copyOf(standings);
    }
}
