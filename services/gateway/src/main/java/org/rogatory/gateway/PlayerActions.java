package org.rogatory.gateway;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import org.rogatory.contracts.CaseEvent;
import org.rogatory.platform.topics.Topics;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What people playing a node do through the gateway: read the node's inbox, and report a step on
 * a case ({@link PlayerActionForm}), written to coop.player-actions for the authorities to relay
 * to coop.node-actions (docs/design.md, players). The case as it stands and the inbox come from the
 * case timer's stores ({@link CaseViewSource}); the simulated time from coop.clock ({@link ExerciseClock}).
 */
@Singleton
@Requires(property = "rogatory.gateway.enabled", value = "true")
public class PlayerActions {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final CaseViewSource cases;
    private final ExerciseClock clock;
    private final TopicWriter writer;
    private final PlayerActionForm form;

    public PlayerActions(CaseViewSource cases, ExerciseClock clock, TopicWriter writer, GatewayConfiguration configuration) {
        this.cases = cases;
        this.clock = clock;
        this.writer = writer;
        this.form = new PlayerActionForm(configuration.played());
    }

    /**
     * Checks the step {@code body} describes against case {@code caseId} and writes it; returns the
     * node action written, empty when no case timer instance knows the case.
     *
     * @throws RefusedSubmission              naming the field at fault (400)
     * @throws PlayerActionForm.NotAllowedNow when the step does not fit the case now (409)
     * @throws IllegalStateException          when the broker, the case timer or the exercise clock cannot answer (503)
     */
    public Optional<CaseEvent> act(String caseId, String body) {
        PlayerActionForm.Step step = form.read(body);
        Optional<String> view = cases.view(caseId);
        if (view.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.now().orElseThrow(() -> new IllegalStateException(
            "no coop.clock tick read yet: the exercise's simulated time is not known"));
        CaseEvent action = form.judge(step, PlayerActionForm.Standing.of(read(view.get())), now);
        writer.write(Topics.PLAYER_ACTIONS, caseId, action.getHeader().getSimulatedTime().toEpochMilli(), action);
        return Optional.of(action);
    }

    /**
     * A page of a node's inbox, the open cases it handles, from the case timer's stores: {@code
     * {"items": [case views], "next": ...}}, each view with the node's {@code allowedActions} now.
     */
    public CaseViewSource.Listing inbox(String node, String after, String limit) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("inbox", node);
        query.put("after", after);
        query.put("limit", limit);
        return switch (cases.list(query)) {
            case CaseViewSource.Page page -> new CaseViewSource.Page(withMoves(read(page.json())).toString());
            case CaseViewSource.Refused refused -> refused;
        };
    }

    private static JsonNode withMoves(JsonNode page) {
        for (JsonNode item : page.path("items")) {
            ArrayNode allowed = ((ObjectNode) item).putArray("allowedActions");
            PlayerActionForm.Standing.of(item).moves().forEach(allowed::add);
        }
        return page;
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the case timer's answer is not JSON: " + e.getOriginalMessage(), e);
        }
    }
}
