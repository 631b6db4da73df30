package org.rogatory.gateway;

import io.micronaut.security.annotation.Secured;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * {@code /api/v1/exercise}: the live exercise's status, and a trainer's commands to it
 * (docs/exercise-control.md). A command answers 202 with its id once it is on coop.exercise-control;
 * it takes effect at the exercise's next step boundary, when the status names it in
 * {@code lastCommandId}. Errors are problem+json: 404 without an exercise under control (or an
 * unknown inject), 409 when the status refuses the command now, 400 naming a field.
 */
@Controller(RequestsController.API + "/exercise")
@Requires(property = "rogatory.gateway.enabled", value = "true")
@ExecuteOn(TaskExecutors.BLOCKING)
// the exercise's control and its MSEL are the trainers' (docs/api.md, Access control)
@Secured("TRAINER")
public class ExerciseController {

    static final String STATUS = RequestsController.API + "/exercise";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ExerciseCommands commands;
    private final int maxBodyBytes;

    public ExerciseController(ExerciseCommands commands, @Value("${rogatory.gateway.max-body-bytes:65536}") int maxBodyBytes) {
        this.commands = commands;
        this.maxBodyBytes = maxBodyBytes;
    }

    @Operation(summary = "The live exercise's status", description = "State (RUNNING, PAUSED, ENDED), speed, simulated "
        + "time, the MSEL with each inject's firing, and the last command carried out or refused")
    @ApiResponse(responseCode = "200", description = "the status (docs/exercise-control.md)",
        content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ExerciseView.class)))
    @ApiResponse(responseCode = "404", description = "no exercise under control here (rogatory play starts one)",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "503", description = "the status is not loaded yet",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Get(produces = MediaType.APPLICATION_JSON)
    public HttpResponse<String> status() {
        try {
            return commands.statusJson().<HttpResponse<String>>map(json -> HttpResponse.ok(json)
                    .contentType(MediaType.APPLICATION_JSON))
                .orElseGet(() -> Problem.of(HttpStatus.NOT_FOUND, "no exercise",
                    "no exercise is under control here: start one with rogatory play", null));
        } catch (IllegalStateException unavailable) {
            return Problem.of(HttpStatus.SERVICE_UNAVAILABLE, "status unavailable", unavailable.getMessage(), null);
        }
    }

    @Operation(summary = "Pause", description = "Simulated time and every clock stop at the next step boundary")
    @CommandAnswers
    @Post(uri = "/pause", consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    public HttpResponse<String> pause() {
        return answer(commands::pause);
    }

    @Operation(summary = "Resume a paused exercise", description = "Simulated time goes on from where it stopped")
    @CommandAnswers
    @Post(uri = "/resume", consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    public HttpResponse<String> resume() {
        return answer(commands::resume);
    }

    @Operation(summary = "End the exercise", description = "At the next step boundary; the after-action report is "
        + "written as for a run that reached that point")
    @CommandAnswers
    @Post(uri = "/end", consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    public HttpResponse<String> end() {
        return answer(commands::end);
    }

    @Operation(summary = "Change the speed", description = "{\"factor\": 7200}: simulated seconds per wall second",
        requestBody = @RequestBody(required = true, content = @Content(mediaType = MediaType.ALL,
            schema = @Schema(type = "object", description = "field factor, a positive number"))))
    @CommandAnswers
    @Put(uri = "/speed", consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    public HttpResponse<String> speed(@Body @Nullable String body) {
        return withBody(body, () -> commands.speed(body));
    }

    @Operation(summary = "Fire an inject of the MSEL now", description = "Only outages and staff cuts (world changes and "
        + "surges are fixed before the run); one not yet fired or decided; it lasts as long as the MSEL says")
    @CommandAnswers
    @Post(uri = "/injects/{injectId}/fire", consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    public HttpResponse<String> fire(@PathVariable String injectId) {
        return answer(() -> commands.fire(injectId));
    }

    @Operation(summary = "Fire an ad-hoc inject now", description = "An outage or staff cut the MSEL does not have",
        requestBody = @RequestBody(required = true, content = @Content(mediaType = MediaType.ALL,
            schema = @Schema(type = "object", description = "fields kind, target, lasting, officers (STAFF_CUT), expected"))))
    @CommandAnswers
    @Post(uri = "/injects", consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    public HttpResponse<String> fireAdHoc(@Body @Nullable String body) {
        return withBody(body, () -> commands.fireAdHoc(body));
    }

    @Operation(summary = "Change a node's designation", description = "The request types a node handles, or its "
        + "withdrawal (active false): written to coop.directory by the exercise's conductor, in force from the start of "
        + "the step after next, as an MSEL's DESIGNATION (docs/exercise-control.md)",
        requestBody = @RequestBody(required = true, content = @Content(mediaType = MediaType.ALL,
            schema = @Schema(type = "object", description = "fields node, handles (RequestType symbols), active (true), expected"))))
    @CommandAnswers
    @Post(uri = "/designations", consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    public HttpResponse<String> designate(@Body @Nullable String body) {
        return withBody(body, () -> commands.designate(body));
    }

    @Operation(summary = "Ratify an instrument", description = "A state becomes party to UNTOC or the Cybercrime "
        + "Convention: written to coop.treaties by the exercise's conductor, in force from the start of the step after "
        + "next, as an MSEL's RATIFICATION (docs/exercise-control.md)",
        requestBody = @RequestBody(required = true, content = @Content(mediaType = MediaType.ALL,
            schema = @Schema(type = "object", description = "fields state, instrument, acceptsInterpolForUrgent (false), expected"))))
    @CommandAnswers
    @Post(uri = "/ratifications", consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    public HttpResponse<String> ratify(@Body @Nullable String body) {
        return withBody(body, () -> commands.ratify(body));
    }

    private HttpResponse<String> withBody(@Nullable String body, Supplier<String> command) {
        String text = body == null ? "" : body;
        int size = text.getBytes(StandardCharsets.UTF_8).length;
        if (size > maxBodyBytes) {
            return Problem.of(HttpStatus.REQUEST_ENTITY_TOO_LARGE, "body too large",
                "body: " + size + " bytes, more than the " + maxBodyBytes + " accepted", "body");
        }
        return answer(command);
    }

    private static HttpResponse<String> answer(Supplier<String> command) {
        try {
            String commandId = command.get();
            return HttpResponse.<String>status(HttpStatus.ACCEPTED).header("Location", STATUS)
                .contentType(MediaType.APPLICATION_JSON).body(JSON.writeValueAsString(new CommandAccepted(commandId, STATUS)));
        } catch (RefusedSubmission refusal) {
            return Problem.of(HttpStatus.BAD_REQUEST, "invalid command", refusal.getMessage(), refusal.field());
        } catch (ExerciseCommands.Refused refused) {
            return Problem.of(refused.status(), "command refused", refused.getMessage(), refused.field());
        } catch (IllegalStateException unavailable) {
            return Problem.of(HttpStatus.SERVICE_UNAVAILABLE, "cannot take commands now", unavailable.getMessage(), null);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a record of two strings is JSON", e);
        }
    }

    /** The answers every command may give. */
    @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)
    @ApiResponse(responseCode = "202", description = "written to coop.exercise-control",
        content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CommandAccepted.class)))
    @ApiResponse(responseCode = "400", description = "a field or the body refused",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "404", description = "no exercise under control, or no such inject, node or state",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "409", description = "not now: paused already, not paused, ended, fired already",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "503", description = "broker or status unavailable",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @interface CommandAnswers {
    }
}
