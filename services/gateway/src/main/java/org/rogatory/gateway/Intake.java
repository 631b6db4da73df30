package org.rogatory.gateway;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import org.rogatory.contracts.CooperationRequest;

import java.time.Instant;
import java.util.Optional;

/**
 * Accepts a submission: checks it against the directory ({@link SubmissionForm}), then writes it,
 * keyed by its case id, to {@link IntakeTopology#SUBMISSIONS_TOPIC} and waits for the broker's
 * acknowledgement, so a 202 means the request is on the log.
 */
@Singleton
@Requires(property = "rogatory.gateway.enabled", value = "true")
public class Intake {

    private final TopicWriter writer;
    private final SubmissionForm form;

    public Intake(Directory directory, TopicWriter writer) {
        this.writer = writer;
        this.form = new SubmissionForm(directory::node, directory::stateKnown);
    }

    /**
     * Checks and writes one submission; returns its case id.
     *
     * @throws RefusedSubmission naming the field at fault; nothing is written then
     */
    public String submit(String body, Optional<String> idempotencyKey) {
        String caseId = SubmissionForm.caseId(idempotencyKey);
        // In a live stack simulated time is wall time: the request is stamped now.
        Instant now = Instant.now();
        CooperationRequest request = form.request(body, caseId, now);
        writer.write(IntakeTopology.SUBMISSIONS_TOPIC, caseId, now.toEpochMilli(), request);
        return caseId;
    }
}
