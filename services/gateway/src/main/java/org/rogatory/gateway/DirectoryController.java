package org.rogatory.gateway;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.rogatory.contracts.DirectoryEntry;
import org.rogatory.contracts.NodeRole;
import org.rogatory.contracts.RequestType;

import java.util.List;

/**
 * {@code GET /api/v1/nodes}: the directory's nodes, each with its state and role, so that a
 * client (the trainer's view groups its backlog by state with it) need not know the world file.
 * The designations are what a state notifies publicly, so every role may read them.
 */
@Controller(RequestsController.API)
@Requires(property = "rogatory.gateway.enabled", value = "true")
public class DirectoryController {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Directory directory;

    public DirectoryController(Directory directory) {
        this.directory = directory;
    }

    @Operation(summary = "The directory of nodes", description = "Every node of the directory (coop.directory as the "
        + "gateway holds it now, designation changes included), in node id order")
    @ApiResponse(responseCode = "200", description = "the nodes",
        content = @Content(mediaType = MediaType.APPLICATION_JSON, array = @ArraySchema(schema = @Schema(implementation = Node.class))))
    @ApiResponse(responseCode = "503", description = "the directory is not loaded yet",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Secured({"TRAINER", "PLAYER", "SERVICE"})
    @Get(uri = "/nodes", produces = MediaType.APPLICATION_JSON)
    public HttpResponse<String> nodes() {
        try {
            List<Node> nodes = directory.nodes().stream().map(Node::of).toList();
            return HttpResponse.ok(JSON.writeValueAsString(nodes)).contentType(MediaType.APPLICATION_JSON);
        } catch (IllegalStateException unavailable) {
            return Problem.of(HttpStatus.SERVICE_UNAVAILABLE, "directory unavailable", unavailable.getMessage(), null);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a record of strings, numbers and lists is JSON", e);
        }
    }

    /** A node of the directory, as the API gives it. */
    @Schema(name = "DirectoryNode")
    record Node(String nodeId, String state, NodeRole role, List<RequestType> handles,
                @Schema(description = "officers working its queue") int officers,
                @Schema(description = "designated now (a DESIGNATION inject may withdraw it)") boolean active,
                @Schema(description = "a liaison officer's host state", nullable = true) @Nullable String postedIn) {

        static Node of(DirectoryEntry entry) {
            return new Node(entry.getNodeId(), entry.getState(), entry.getRole(), List.copyOf(entry.getHandles()),
                entry.getOfficers(), entry.getActive(), entry.getPostedIn());
        }
    }
}
