package org.rogatory.gateway;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.core.annotation.Nullable;
import io.swagger.v3.oas.annotations.media.Schema;
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
                    @Schema(description = "the last command carried out or refused", nullable = true) @Nullable String lastCommandId,
                    @Schema(description = "why that command was refused; null when it was carried out", nullable = true)
                    @Nullable String lastCommandRefusal) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** An inject of the MSEL, or one a trainer fired ad hoc, and its firing. */
    @Schema(name = "ExerciseInject")
    record Inject(String id, InjectKind kind, String target, @Schema(format = "date-time") String at, boolean conditional,
                  @Schema(format = "date-time", nullable = true) @Nullable String firedAt, boolean firedByTrainer,
                  @Schema(description = "a trainer may fire it now") boolean fireable, String expected) {

        static Inject of(InjectStatus inject) {
            return new Inject(inject.getId(), inject.getKind(), inject.getTarget(), inject.getAt().toString(),
                inject.getConditional(), inject.getFiredAt() == null ? null : inject.getFiredAt().toString(),
                inject.getFiredByTrainer(), inject.getFireable(), inject.getExpected());
        }
    }

    static ExerciseView of(ExerciseStatus status) {
        return new ExerciseView(status.getScenario(), status.getSeed(), status.getState(), status.getSpeed(),
            status.getSimulatedTime().toString(), status.getStartAt().toString(), status.getEndAt().toString(),
            status.getInjects().stream().map(Inject::of).toList(), status.getLastCommandId(), status.getLastCommandRefusal());
    }

    String json() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a record of strings, numbers and lists is JSON", e);
        }
    }
}
