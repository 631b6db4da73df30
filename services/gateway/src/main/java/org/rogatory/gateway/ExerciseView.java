package org.rogatory.gateway;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.core.annotation.Nullable;
import io.swagger.v3.oas.annotations.media.Schema;
import org.rogatory.contracts.CheckStatus;
import org.rogatory.contracts.ExerciseState;
import org.rogatory.contracts.ExerciseStatus;
import org.rogatory.contracts.InjectKind;
import org.rogatory.contracts.InjectStatus;

import java.util.List;

/**
 * {@code GET /api/v1/exercise}: the live exercise's status (the ExerciseStatus contract the
 * conductor publishes) as the API answers it, instants as ISO-8601 text.
 */
@Schema(name = "ExerciseStatus", description = "The live exercise's status (docs/exercise-control.md)")
record ExerciseView(String scenario, long seed, ExerciseState state,
                    @Schema(description = "simulated seconds per wall second") double speed,
                    @Schema(format = "date-time") String simulatedTime,
                    @Schema(format = "date-time") String startAt,
                    @Schema(format = "date-time") String endAt,
                    List<Inject> injects,
                    @Schema(description = "the scenario's expected outcomes, each checked on the run so far; empty before the first check")
                    List<Outcome> outcomes,
                    @Schema(description = "the last command carried out or refused", nullable = true) @Nullable String lastCommandId,
                    @Schema(description = "why that command was refused; null when it was carried out", nullable = true)
                    @Nullable String lastCommandRefusal) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** An inject of the MSEL, or one a trainer fired ad hoc, and its firing. */
    @Schema(name = "ExerciseInject")
    record Inject(String id, InjectKind kind, String target, @Schema(format = "date-time") String at, boolean conditional,
                  @Schema(format = "date-time", nullable = true) @Nullable String firedAt, boolean firedByTrainer,
                  @Schema(description = "a trainer may fire it now") boolean fireable, String expected,
                  // absent until checked (an ad-hoc inject, or before the first check)
                  @Nullable @JsonInclude(JsonInclude.Include.NON_NULL) Check check) {

        static Inject of(InjectStatus inject) {
            return new Inject(inject.getId(), inject.getKind(), inject.getTarget(), inject.getAt().toString(),
                inject.getConditional(), inject.getFiredAt() == null ? null : inject.getFiredAt().toString(),
                inject.getFiredByTrainer(), inject.getFireable(), inject.getExpected(),
                inject.getCheck() == null ? null : Check.of(inject.getCheck()));
        }
    }

    /** An expected outcome of the scenario and its check so far. */
    @Schema(name = "ExerciseOutcome")
    record Outcome(String expected, Check check) {
    }

    /** An expectation checked on the run so far, as the after-action report checks it at the end (docs/report.md). */
    @Schema(name = "ExerciseCheck")
    record Check(@Schema(description = "the metric the expectation names, e.g. injects.INJ-02.fired") String metric,
                 @Schema(description = "lowest value expected", nullable = true) @Nullable Double atLeast,
                 @Schema(description = "highest value expected", nullable = true) @Nullable Double atMost,
                 @Schema(description = "the metric on the run so far, up to the step the case timer has decided") double observed,
                 @Schema(description = "whether the observed value lies within the bounds") boolean met) {

        static Check of(CheckStatus check) {
            return new Check(check.getMetric(), check.getAtLeast(), check.getAtMost(), check.getObserved(), check.getMet());
        }
    }

    static ExerciseView of(ExerciseStatus status) {
        return new ExerciseView(status.getScenario(), status.getSeed(), status.getState(), status.getSpeed(),
            status.getSimulatedTime().toString(), status.getStartAt().toString(), status.getEndAt().toString(),
            status.getInjects().stream().map(Inject::of).toList(),
            status.getOutcomes().stream().map(outcome -> new Outcome(outcome.getExpected(), Check.of(outcome.getCheck()))).toList(),
            status.getLastCommandId(), status.getLastCommandRefusal());
    }

    String json() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a record of strings, numbers and lists is JSON", e);
        }
    }
}
