package org.rogatory.gateway;

import io.swagger.v3.oas.annotations.media.Schema;

/** The answer to a trainer's command: its id, and where the status will name it once carried out. */
@Schema(name = "CommandAccepted")
record CommandAccepted(String commandId, @Schema(description = "the status's path: its lastCommandId names the command once "
    + "carried out or refused") String status) {
}
