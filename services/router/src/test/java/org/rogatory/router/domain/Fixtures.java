package org.rogatory.router.domain;

import org.rogatory.contracts.Classification;
import org.rogatory.contracts.ConductCategory;
import org.rogatory.contracts.CooperationRequest;
import org.rogatory.contracts.CrimeArea;
import org.rogatory.contracts.DirectoryEntry;
import org.rogatory.contracts.EventHeader;
import org.rogatory.contracts.Instrument;
import org.rogatory.contracts.NodeRole;
import org.rogatory.contracts.RequestType;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/** The default world and requests in it, for the rule tests. */
public final class Fixtures {

    /** scenarios/worlds/default-world.yaml as the router sees it (see {@link PublishedWorld}). */
    public static final PublishedWorld WORLD = defaultWorld();
    public static final WorldView VIEW = WORLD.view();
    public static final RoutingPolicy POLICY = new RoutingPolicy(WORLD.parameters());
    public static final long T0 = Instant.parse("2026-03-02T09:00:00Z").toEpochMilli();
    public static final long DAY = 86_400_000L;

    private Fixtures() {
    }

    /**
     * A well-formed request: written in the requested state's first language, about a pseudonymous
     * person, sent by the requesting state's node that handles the type (its MFA if none); an
     * online fraud by an organised group punishable by 10 years, within the scope of both
     * conventions (rule 1) unless a test says otherwise.
     */
    public static CooperationRequest.Builder request(RequestType type, Instrument instrument, String from, String to) {
        String caseId = "C-" + from + "-" + to + "-" + type;
        String origin = VIEW.nodesOf(from).stream()
            .filter(n -> n.getActive() && n.getRole() != NodeRole.MFA && n.getHandles().contains(type))
            .min(Comparator.comparing(DirectoryEntry::getNodeId))
            .map(DirectoryEntry::getNodeId).orElse(from + "-MFA");
        return CooperationRequest.newBuilder()
            .setHeader(EventHeader.newBuilder().setEventId("E-" + caseId).setCaseId(caseId).setCorrelationId(caseId)
                .setCausationId("E-" + caseId).setSimulatedTime(Instant.ofEpochMilli(T0)).setSourceNode(origin)
                .setClassification(Classification.RESTRICTED).build())
            .setRequestType(type)
            .setInstrument(instrument)
            .setRequestingState(from)
            .setRequestedState(to)
            .setConductCategory(ConductCategory.ONLINE_FRAUD)
            .setNationalOffenceLabel("computer-related fraud")
            .setCrimeArea(CrimeArea.CYBERCRIME)
            .setMaxPenaltyYears(10)
            .setOrganisedCriminalGroup(true)
            .setLanguage(languageOf(to))
            .setSubjectPerson("P-7f3a91")
            .setOriginNode(origin);
    }

    /** The state's first language: the first its MFA accepts (the world file gives every node of a state its languages). */
    public static String languageOf(String state) {
        return VIEW.nodesOf(state).stream().filter(n -> n.getRole() == NodeRole.MFA).findFirst()
            .map(DirectoryEntry::getLanguages).map(List::getFirst).orElse("en");
    }

    private static PublishedWorld defaultWorld() {
        try (InputStream json = Fixtures.class.getResourceAsStream("/default-world.json")) {
            return PublishedWorld.read(json.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static RoutingOutcome decide(CooperationRequest request) {
        return POLICY.decide(request, T0, VIEW);
    }
}
