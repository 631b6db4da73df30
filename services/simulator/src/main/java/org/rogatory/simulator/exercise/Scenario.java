package org.rogatory.simulator.exercise;

import static org.rogatory.simulator.exercise.InvalidField.require;
import static org.rogatory.simulator.exercise.InvalidField.required;
import static org.rogatory.simulator.exercise.InvalidField.within;
import static org.rogatory.platform.yaml.YamlProblem.knownNames;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.rogatory.authorities.domain.NodeBehaviourRule;
import org.rogatory.authorities.domain.NodeBehaviourTable;
import org.rogatory.authorities.domain.Procedure;
import org.rogatory.authorities.domain.NodeBehaviourRule.Outcomes;
import org.rogatory.authorities.domain.NodeBehaviourRule.ServiceTimes;
import org.rogatory.authorities.domain.ServiceTimeDistribution;
import org.rogatory.authorities.domain.TransportPolicy;
import org.rogatory.contracts.CaseStatus;
import org.rogatory.contracts.Channel;
import org.rogatory.contracts.ClockKind;
import org.rogatory.contracts.ConductCategory;
import org.rogatory.contracts.CrimeArea;
import org.rogatory.contracts.EscalationLevel;
import org.rogatory.contracts.InjectKind;
import org.rogatory.contracts.Instrument;
import org.rogatory.contracts.InterpolInstrument;
import org.rogatory.contracts.NodeRole;
import org.rogatory.contracts.RefusalGround;
import org.rogatory.contracts.RequestType;
import org.rogatory.platform.calendar.Span;
import org.rogatory.simulator.report.ProcedureMetric;
import org.rogatory.platform.exercise.RunTimeInjects;
import org.rogatory.gateway.Role;
import org.rogatory.router.domain.RoutingParameters;
import org.rogatory.timer.CaseTimerConfiguration;
import org.rogatory.timer.topology.CaseTimerTopology;

/**
 * A scenario file as written (YAML): an exercise's script. The world (states, nodes, treaties),
 * the workload (arrival streams), how nodes behave, clock and ladder overrides, and the Master
 * Scenario Events List (MSEL) of injects, each with its expected outcome. Jackson binds the file
 * (types, unknown fields); {@link #validate} then checks values and names the field by its
 * full path; {@link ScenarioLoader} adds the line.
 *
 * @param start     simulated start instant (ISO); default Monday 2026-01-05T00:00:00Z
 * @param clocks    overrides of the clock defaults (docs/rules.md#clocks), by clock
 * @param expeditedExecution override of the execution span of preservation and disclosure (Cybercrime arts. 42, 43)
 * @param ladder    override of the common escalation ladder: steps in order, each due a delay after the missed deadline
 * @param ladders   overrides of a clock's own ladder, by clock, in the same shape
 * @param formalFollowUpDrafting rule 5: from an informal answer to its formal MLA request being sent
 *                  (practice; default {@link RoutingParameters#DEFAULT_FORMAL_FOLLOW_UP_DRAFTING})
 * @param outcomes  expected outcomes of the whole run, checked on the after-action report
 * @param players   nodes played by people: the simulated nodes leave them alone, their players act
 *                  through the gateway (docs/api.md)
 * @param roster    who may call the gateway's API in this exercise, in which role: each member gets
 *                  a bearer token when the exercise is served (docs/api.md, Access control); none:
 *                  the API is open
 * @param transport overrides of the e-CODEX transport's step delays, by channel (practice defaults:
 *                  {@link TransportPolicy#DEFAULT}); its timeout is {@code clocks.TRANSPORT_STEP}
 */
public record Scenario(
        String name,
        String description,
        Long seed,
        String start,
        Double durationDays,
        WorldRef world,
        List<ArrivalStream> workload,
        List<NodeBehaviourSpec> nodeBehaviour,
        Map<ClockKind, Span> clocks,
        Span expeditedExecution,
        List<LadderStep> ladder,
        Map<ClockKind, List<LadderStep>> ladders,
        Span formalFollowUpDrafting,
        List<Inject> msel,
        List<Outcome> outcomes,
        List<Player> players,
        List<Member> roster,
        Map<Channel, TransportSpec> transport) {

    static final String DEFAULT_START = "2026-01-05T00:00:00Z";
    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern STATE = Pattern.compile("[A-Z]{3}");
    private static final Pattern NODE = Pattern.compile("[A-Z][A-Z0-9]*(-[A-Z0-9]+)+");
    private static final Pattern PERSON = Pattern.compile("P-[0-9a-z]+");

    public Scenario {
        start = start == null ? DEFAULT_START : start;
        workload = listOf(workload);
        nodeBehaviour = listOf(nodeBehaviour);
        clocks = mapOf(clocks);
        ladder = listOf(ladder);
        ladders = mapOf(ladders);
        msel = listOf(msel);
        outcomes = listOf(outcomes);
        players = listOf(players);
        roster = listOf(roster);
        transport = mapOf(transport);
    }

    /**
     * Checks the whole file after binding (so that an unknown or mistyped field is reported
     * first, by the binder). Throws {@link InvalidField} naming the field's full path.
     */
    void validate() {
        require(name != null && SLUG.matcher(name).matches(), "name", "is required, lower-case words joined by '-' (e.g. cybercrime-surge)");
        require(description != null && !description.isBlank(), "description", "is required: say what the exercise rehearses");
        required(seed, "seed");
        try {
            Instant.parse(start);
        } catch (DateTimeException e) {
            throw new InvalidField("start", "'" + start + "' is not an ISO instant (e.g. " + DEFAULT_START + ")");
        }
        require(durationDays != null && durationDays > 0 && durationDays <= 3650, "durationDays", "is required: a number of days above 0 and at most 3650");
        required(world, "world");
        within("world", world::validate);
        require(!workload.isEmpty(), "workload", "must list at least one arrival stream");
        require(!clocks.containsKey(ClockKind.UNKNOWN), "clocks.UNKNOWN", "is not a clock");
        for (Map.Entry<ClockKind, Span> clock : clocks.entrySet()) {
            String field = "clocks." + clock.getKey();
            required(clock.getValue(), field);
            require(!clock.getValue().isZero(), field, "must be longer than zero");
        }
        Span preservation = clocks.get(ClockKind.PRESERVATION_PERIOD);
        require(preservation == null || preservation.lastsAtLeastDays(60), "clocks.PRESERVATION_PERIOD",
                "Cybercrime Convention art. 42: preservation lasts at least 60 days");

        Set<String> streamIds = new HashSet<>();
        for (int i = 0; i < workload.size(); i++) {
            ArrivalStream stream = required(workload.get(i), "workload[" + i + "]");
            within("workload[" + i + "]", stream::validate);
            require(streamIds.add(stream.id()), "workload[" + i + "].id", "'" + stream.id() + "' is used twice");
        }
        Set<Match> matches = new HashSet<>();
        for (int i = 0; i < nodeBehaviour.size(); i++) {
            within("nodeBehaviour[" + i + "]", required(nodeBehaviour.get(i), "nodeBehaviour[" + i + "]")::validate);
            require(matches.add(nodeBehaviour.get(i).match()), "nodeBehaviour[" + i + "].match",
                    "the same match appears twice; merge the two entries");
            Double lead = nodeBehaviour.get(i).renewalLeadHours();
            require(lead == null || lead < preservationPeriodHours(), "nodeBehaviour[" + i + "].renewalLeadHours",
                    "a renewal is asked before the preservation period (clocks.PRESERVATION_PERIOD, "
                            + preservationPeriodHours() + " hours) ends: give fewer hours");
        }
        require(expeditedExecution == null || !expeditedExecution.isZero(), "expeditedExecution", "must be longer than zero");
        require(!transport.containsKey(Channel.UNKNOWN), "transport.UNKNOWN", "is not a channel");
        transport.forEach((channel, steps) -> within("transport." + channel, required(steps, "transport." + channel)::validate));
        Span timeout = clocks.get(ClockKind.TRANSPORT_STEP);
        if (timeout != null) {
            try {
                timeout.toDuration();
            } catch (IllegalArgumentException e) {
                throw new InvalidField("clocks.TRANSPORT_STEP", e.getMessage());
            }
        }
        validateLadder("ladder", ladder);
        require(!ladders.containsKey(ClockKind.UNKNOWN), "ladders.UNKNOWN", "is not a clock");
        ladders.forEach((clock, steps) -> validateLadder("ladders." + clock, required(steps, "ladders." + clock)));
        require(formalFollowUpDrafting == null || formalFollowUpDrafting.unit() != Span.Unit.WORKING_DAYS, "formalFollowUpDrafting",
                "counts calendar hours or days (5d, 36h): the router has no calendar of the requesting state");
        Instant begin = startAt();
        Instant end = endAt();
        Set<String> injectIds = new HashSet<>();
        for (int i = 0; i < msel.size(); i++) {
            String at = "msel[" + i + "]";
            Inject inject = required(msel.get(i), at);
            within(at, inject::validate);
            require(injectIds.add(inject.id()), at + ".id", "'" + inject.id() + "' is used twice");
            Instant from = inject.at().resolve(begin);
            require(!from.isBefore(begin) && from.isBefore(end), at + ".at",
                    "'" + inject.at().text() + "' falls outside the run (" + begin + " + " + durationDays + " days)");
            if (inject.until() != null) {
                require(inject.until().resolve(begin).isAfter(from), at + ".until", "must be after 'at'");
            }
            if (inject.conditional() && inject.condition().stream() != null) {
                require(streamIds.contains(inject.condition().stream()), at + "." + inject.conditionField() + ".stream",
                        "'" + inject.condition().stream() + "' is not a workload stream id; one of "
                                + streamIds.stream().sorted().toList());
            }
            if (inject.kind() == InjectKind.SURGE) {
                require(streamIds.contains(inject.target()), at + ".target",
                        "a SURGE targets a workload stream id, one of " + streamIds.stream().sorted().toList());
                require(!inject.parameters().containsKey("factor")
                                || workload.stream().anyMatch(w -> w.id().equals(inject.target()) && w.ratePerDay() != null),
                        at + ".parameters.factor", "multiplies the stream's ratePerDay, and '" + inject.target()
                                + "' has none: use 'count' for a stream of bursts");
            }
        }
        for (int i = 0; i < outcomes.size(); i++) {
            within("outcomes[" + i + "]", required(outcomes.get(i), "outcomes[" + i + "]")::validate);
        }
        for (int i = 0; i < msel.size(); i++) {
            requireInjectOf(msel.get(i).expectation(), injectIds, "msel[" + i + "].expectation.metric");
        }
        for (int i = 0; i < outcomes.size(); i++) {
            requireInjectOf(outcomes.get(i).expectation(), injectIds, "outcomes[" + i + "].expectation.metric");
        }
        Set<String> playedNodes = new HashSet<>();
        for (int i = 0; i < players.size(); i++) {
            within("players[" + i + "]", required(players.get(i), "players[" + i + "]")::validate);
            require(playedNodes.add(players.get(i).node()), "players[" + i + "].node",
                    "'" + players.get(i).node() + "' is played twice; one player (or team) per node");
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < roster.size(); i++) {
            Member member = required(roster.get(i), "roster[" + i + "]");
            within("roster[" + i + "]", () -> member.validate(playedNodes));
            require(names.add(member.name()), "roster[" + i + "].name", "'" + member.name() + "' is listed twice");
        }
    }

    /** An {@code injects.<id>.fired} metric naming no inject would read as 0 and pass an atMost check. */
    private static void requireInjectOf(Expectation expectation, Set<String> injectIds, String field) {
        expectation.inject().ifPresent(id -> require(injectIds.contains(id), field,
                "'" + id + "' is not an inject of the msel; its injects: " + injectIds.stream().sorted().toList()));
    }

    /** The nodes people play in this exercise. */
    public Set<String> playedNodes() {
        Set<String> nodes = new TreeSet<>();
        players.forEach(player -> nodes.add(player.node()));
        return nodes;
    }

    /**
     * A node played by a person (or a team) instead of the simulated authorities.
     *
     * @param name who plays it, for the trainer: a call sign or a team, no personal data needed
     */
    public record Player(String node, String name) {
        void validate() {
            require(node != null && NODE.matcher(node).matches(), "node", "is required: a node id of the world (e.g. KES-CA-MLA)");
            require(name == null || !name.isBlank(), "name", "must not be blank; leave it out instead");
        }
    }

    /**
     * A member of the exercise's roster: a trainer, the player of a played node, or a state's case
     * system (a service client), by a name that needs no personal data (a role, a team, a system).
     *
     * @param cleared whether the member may see CONFIDENTIAL cases (a trainer always may); default false
     */
    public record Member(String name, Role role, String node, String state, Boolean cleared) {
        void validate(Set<String> playedNodes) {
            require(name != null && !name.isBlank() && !name.contains("|"), "name",
                    "is required: who this is (e.g. Team Kessaly), without '|'");
            require(role != null, "role", "is required: one of " + List.of(Role.values()));
            switch (role) {
                case TRAINER -> {
                    require(node == null, "node", "a trainer sees every node: leave it out");
                    require(state == null, "state", "a trainer sees every state: leave it out");
                }
                case PLAYER -> {
                    require(node != null && playedNodes.contains(node), "node",
                            "is required: a node under players: " + playedNodes);
                    require(state == null, "state", "a player plays a node: give node, not state");
                }
                case SERVICE -> {
                    require(state != null && STATE.matcher(state).matches(), "state",
                            "is required: the state whose case system this is (e.g. ALD)");
                    require(node == null, "node", "a service client acts for a state: give state, not node");
                }
            }
        }

        /** Cleared for CONFIDENTIAL cases. */
        public boolean clearedForConfidential() {
            return role == Role.TRAINER || Boolean.TRUE.equals(cleared);
        }

        /** The node a player plays or the state a service client acts for; null for a trainer. */
        public String scope() {
            return node != null ? node : state;
        }
    }

    /** The e-CODEX transport of this exercise: the defaults, with its channels' delays and its transport-step timeout. */
    public TransportPolicy transportPolicy() {
        Map<Channel, TransportPolicy.Steps> changed = new EnumMap<>(Channel.class);
        transport.forEach((channel, spec) -> changed.put(channel, spec.over(TransportPolicy.DEFAULT.of(channel))));
        Span timeout = clocks.get(ClockKind.TRANSPORT_STEP);
        return TransportPolicy.DEFAULT.with(changed,
                timeout == null ? TransportPolicy.DEFAULT.timeoutMillis() : timeout.toDuration().toMillis());
    }

    /**
     * One channel's transport delays, each a distribution in hours (as a node's service time); a
     * step left out keeps its default.
     */
    public record TransportSpec(ServiceTimeSpec relay, ServiceTimeSpec delivery, ServiceTimeSpec retrieval) {
        void validate() {
            require(relay != null || delivery != null || retrieval != null, "relay",
                    "name at least one of relay, delivery, retrieval");
            for (Map.Entry<String, ServiceTimeSpec> step : steps().entrySet()) {
                if (step.getValue() != null) {
                    within(step.getKey(), step.getValue()::validate);
                }
            }
        }

        TransportPolicy.Steps over(TransportPolicy.Steps defaults) {
            return new TransportPolicy.Steps(
                    relay == null ? defaults.relay() : relay.toDistribution(),
                    delivery == null ? defaults.delivery() : delivery.toDistribution(),
                    retrieval == null ? defaults.retrieval() : retrieval.toDistribution());
        }

        private Map<String, ServiceTimeSpec> steps() {
            Map<String, ServiceTimeSpec> steps = new LinkedHashMap<>();
            steps.put("relay", relay);
            steps.put("delivery", delivery);
            steps.put("retrieval", retrieval);
            return steps;
        }
    }

    /** What the simulated nodes receive of this exercise: its node behaviour, typed. */
    public NodeBehaviourTable nodeBehaviourTable() {
        return new NodeBehaviourTable(nodeBehaviour.stream().map(NodeBehaviourSpec::toRule).toList(), preservationPeriodHours());
    }

    /** The preservation period the case timer keeps in this exercise, in hours: what renewals are asked against. */
    private double preservationPeriodHours() {
        Span period = clocks.get(ClockKind.PRESERVATION_PERIOD);
        return period == null ? Procedure.DEFAULT_PRESERVATION_PERIOD_HOURS : calendarHours(period);
    }

    /** A span in calendar hours; working days counted as days (the renewal is then asked early, never late). */
    private static double calendarHours(Span span) {
        return switch (span.unit()) {
            case MINUTES -> span.amount() / 60.0;
            case HOURS -> span.amount();
            case DAYS, WORKING_DAYS -> span.amount() * 24.0;
        };
    }

    public Instant startAt() {
        return Instant.parse(start);
    }

    public Instant endAt() {
        return startAt().plus(Duration.ofMillis(Math.round(durationDays * 86_400_000)));
    }

    /** The world: a world file (path relative to the scenario file) or a world written inline, never both. */
    public record WorldRef(String file, JsonNode inline) {
        void validate() {
            require(file != null ^ inline != null, "file", "give either 'file' (a world file) or 'inline' (a world), not both or neither");
            require(inline == null || inline.isObject(), "inline", "must be a world (a mapping with 'states')");
        }
    }

    /**
     * One arrival stream of the workload: requests from one state to another, of one type and
     * crime, arriving as a Poisson process ({@code ratePerDay}) and/or in bursts.
     *
     * @param id            stream id, used to key its random numbers and as the target of SURGE injects
     * @param subjectPerson pseudonymous person every request of the stream concerns (concurrent requests)
     * @param maxPenaltyYears maximum penalty of the offence in the requesting state's law; with
     *                      {@code organisedCriminalGroup} and {@code electronicEvidence}, what the
     *                      router needs to judge a convention's scope (docs/rules.md, rule 1)
     * @param interpolInstrument for provisional arrests: RED_NOTICE or DIFFUSION (default: diffusion)
     * @param requestedDeadline deadline each request asks for, counted from its submission (UNTOC art. 18(24))
     */
    public record ArrivalStream(
            String id,
            String from,
            String to,
            RequestType requestType,
            Instrument instrument,
            CrimeArea crimeArea,
            ConductCategory conductCategory,
            String nationalOffenceLabel,
            Boolean urgent,
            Boolean coercive,
            Boolean evidentialUse,
            String language,
            String subjectPerson,
            Integer maxPenaltyYears,
            Boolean organisedCriminalGroup,
            Boolean electronicEvidence,
            InterpolInstrument interpolInstrument,
            Span requestedDeadline,
            Double ratePerDay,
            List<Burst> bursts,
            SimTime activeFrom,
            SimTime activeUntil) {

        public ArrivalStream {
            nationalOffenceLabel = nationalOffenceLabel == null ? "" : nationalOffenceLabel;
            urgent = urgent != null && urgent;
            coercive = coercive != null && coercive;
            evidentialUse = evidentialUse != null && evidentialUse;
            organisedCriminalGroup = organisedCriminalGroup != null && organisedCriminalGroup;
            electronicEvidence = electronicEvidence != null && electronicEvidence;
            bursts = listOf(bursts);
        }

        void validate() {
            require(id != null && SLUG.matcher(id).matches(), "id", "is required, lower-case words joined by '-'");
            require(from != null && STATE.matcher(from).matches(), "from", "is required: a state code of three capital letters");
            require(to != null && STATE.matcher(to).matches(), "to", "is required: a state code of three capital letters");
            require(!from.equals(to), "to", "must differ from 'from'");
            requireKnown(requestType, "requestType", RequestType.UNKNOWN);
            requireKnown(instrument, "instrument", Instrument.UNKNOWN);
            requireKnown(crimeArea, "crimeArea", CrimeArea.UNKNOWN);
            requireKnown(conductCategory, "conductCategory", ConductCategory.UNKNOWN);
            require(language != null && language.matches("[a-z]{2,3}"), "language", "is required: a language code such as en, fr, pt");
            require(subjectPerson == null || PERSON.matcher(subjectPerson).matches(), "subjectPerson",
                    "must be a pseudonymous id such as P-7f3a91, never a name");
            require(maxPenaltyYears == null || (maxPenaltyYears > 0 && maxPenaltyYears <= 100), "maxPenaltyYears",
                    "must be a number of years between 1 and 100 (omit it for a life sentence stated elsewhere)");
            if (interpolInstrument != null) {
                requireKnown(interpolInstrument, "interpolInstrument", InterpolInstrument.UNKNOWN);
                require(requestType == RequestType.PROVISIONAL_ARREST, "interpolInstrument",
                        "applies to PROVISIONAL_ARREST only (a Red Notice or diffusion for a wanted person)");
            }
            require(requestedDeadline == null || (!requestedDeadline.isZero()
                    && requestedDeadline.unit() != Span.Unit.WORKING_DAYS), "requestedDeadline",
                    "counts calendar hours or days after submission (e.g. 10d), more than zero");
            require(ratePerDay != null || !bursts.isEmpty(), "ratePerDay", "give a Poisson rate (ratePerDay) or bursts, or both");
            require(ratePerDay == null || (ratePerDay > 0 && ratePerDay < 1e6), "ratePerDay", "must be > 0");
            for (int i = 0; i < bursts.size(); i++) {
                within("bursts[" + i + "]", required(bursts.get(i), "bursts[" + i + "]")::validate);
            }
        }
    }

    /** {@code count} requests spread evenly over {@code overHours} from {@code at}. */
    public record Burst(SimTime at, Integer count, Double overHours) {
        public Burst {
            overHours = overHours == null ? 0.0 : overHours;
        }

        void validate() {
            required(at, "at");
            require(count != null && count >= 1, "count", "is required, >= 1");
            require(overHours >= 0, "overHours", "must be >= 0");
        }
    }

    /** Which nodes an entry applies to: a node id, or a role, a state, or both. */
    public record Match(String node, NodeRole role, String state) {
        void validate() {
            require(node != null || role != null || state != null, "node", "name a node, a role, a state, or a role and a state");
            require(node == null || (role == null && state == null), "node", "a node id alone; role and state are implied");
            require(node == null || NODE.matcher(node).matches(), "node", "'" + node + "' is not a node id (e.g. ALD-CA-MLA)");
            require(role != NodeRole.UNKNOWN, "role", "UNKNOWN is not a role");
            require(state == null || STATE.matcher(state).matches(), "state", "must be three capital letters");
        }

        NodeBehaviourRule.Match toMatch() {
            return new NodeBehaviourRule.Match(node, role, state);
        }
    }

    /**
     * How the matched nodes behave. Outcome probabilities and refusal grounds form one group:
     * an entry that sets any of them sets them all (unset ones are 0), so what a node does is
     * always read from a single entry.
     *
     * @param officers    overrides the world's staffing of the matched nodes
     * @param serviceTime officer time per request type, or {@code default}, in working hours
     */
    public record NodeBehaviourSpec(
            Match match,
            Integer officers,
            Map<String, ServiceTimeSpec> serviceTime,
            Double moreInfo,
            Double consult,
            Double refuse,
            Double partial,
            Map<RefusalGround, Double> refusalGrounds,
            Double translationHours,
            Double consultationHours,
            Double moreInfoReplyHours,
            Double consultBeforeRefusingExtradition,
            Double conditions,
            Double acceptConditions,
            Double conditionsReplyHours,
            Double withdrawal,
            Double withdrawalAfterHours,
            Integer preservationRenewals,
            Double renewalLeadHours,
            Double forwardForExecutionHours,
            Double returnFromExecutionHours) {

        private static final String DEFAULT_TYPE = "default";

        public NodeBehaviourSpec {
            serviceTime = mapOf(serviceTime);
            refusalGrounds = refusalGrounds == null ? null : mapOf(refusalGrounds);
        }

        void validate() {
            required(match, "match");
            within("match", match::validate);
            require(officers == null || officers >= 1, "officers", "must be >= 1");
            for (Map.Entry<String, ServiceTimeSpec> entry : serviceTime.entrySet()) {
                String type = entry.getKey();
                required(entry.getValue(), "serviceTime." + type);
                require(type.equals(DEFAULT_TYPE) || isRequestType(type), "serviceTime." + type,
                        "'" + type + "' is not a request type; use 'default' or one of " + knownNames(RequestType.values()));
                within("serviceTime." + type, entry.getValue()::validate);
            }
            require(translationHours == null || translationHours >= 0, "translationHours", "must be >= 0 hours");
            require(consultationHours == null || consultationHours >= 0, "consultationHours", "must be >= 0 hours");
            require(moreInfoReplyHours == null || moreInfoReplyHours >= 0, "moreInfoReplyHours", "must be >= 0 hours");
            requireProbability(moreInfo, "moreInfo");
            requireProbability(consult, "consult");
            requireProbability(refuse, "refuse");
            requireProbability(partial, "partial");
            requireProbability(consultBeforeRefusingExtradition, "consultBeforeRefusingExtradition");
            requireProbability(conditions, "conditions");
            requireProbability(acceptConditions, "acceptConditions");
            requireProbability(withdrawal, "withdrawal");
            require(conditionsReplyHours == null || conditionsReplyHours >= 0, "conditionsReplyHours", "must be >= 0 hours");
            require(withdrawalAfterHours == null || withdrawalAfterHours >= 0, "withdrawalAfterHours", "must be >= 0 hours");
            require(preservationRenewals == null || preservationRenewals >= 0, "preservationRenewals", "must be >= 0");
            require(renewalLeadHours == null || renewalLeadHours >= 0, "renewalLeadHours", "must be >= 0 hours");
            require(forwardForExecutionHours == null || forwardForExecutionHours >= 0, "forwardForExecutionHours",
                    "must be >= 0 hours");
            require(returnFromExecutionHours == null || returnFromExecutionHours >= 0, "returnFromExecutionHours",
                    "must be >= 0 hours");
            require(zero(moreInfo) < 1, "moreInfo", "must be below 1, or no request would ever be decided");
            require(zero(moreInfo) + zero(consult) + zero(refuse) + zero(partial) <= 1 + 1e-9, "partial",
                    "moreInfo + consult + refuse + partial must not exceed 1");
            require(zero(consult) + zero(refuse) == 0
                            || refusalGrounds != null && refusalGrounds.values().stream().anyMatch(w -> w != null && w > 0),
                    "refusalGrounds", "consult or refuse > 0 needs refusal grounds with positive weights (UNTOC art. 18(21))");
            require(refusalGrounds == null || refusalGrounds.values().stream().allMatch(w -> w != null && w >= 0),
                    "refusalGrounds", "weights must be >= 0");
            require(refusalGrounds == null || !refusalGrounds.containsKey(RefusalGround.UNKNOWN),
                    "refusalGrounds.UNKNOWN", "is not a ground");
        }

        private static void requireProbability(Double p, String field) {
            require(p == null || (p >= 0 && p <= 1), field, "must be a probability between 0 and 1");
        }

        /** The typed rule the simulated nodes work by. */
        public NodeBehaviourRule toRule() {
            ServiceTimes times = null;
            if (!serviceTime.isEmpty()) {
                Map<RequestType, ServiceTimeDistribution> byType = new EnumMap<>(RequestType.class);
                serviceTime.forEach((type, spec) -> {
                    if (!type.equals(DEFAULT_TYPE)) {
                        byType.put(RequestType.valueOf(type), spec.toDistribution());
                    }
                });
                ServiceTimeSpec otherwise = serviceTime.get(DEFAULT_TYPE);
                times = new ServiceTimes(byType, otherwise == null ? null : otherwise.toDistribution());
            }
            boolean setsOutcomes = moreInfo != null || consult != null || refuse != null || partial != null || refusalGrounds != null;
            Outcomes outcomes = setsOutcomes ? new Outcomes(zero(moreInfo), zero(consult), zero(refuse), zero(partial),
                    refusalGrounds == null ? Map.of() : refusalGrounds) : null;
            return new NodeBehaviourRule(match.toMatch(), officers, times, outcomes, translationHours, consultationHours,
                    moreInfoReplyHours, consultBeforeRefusingExtradition, procedure());
        }

        /** Rule 10's procedure, taken whole: an entry that sets any of its fields has the defaults for the others. */
        private Procedure procedure() {
            boolean setsProcedure = conditions != null || acceptConditions != null || conditionsReplyHours != null
                    || withdrawal != null || withdrawalAfterHours != null || preservationRenewals != null
                    || renewalLeadHours != null || forwardForExecutionHours != null || returnFromExecutionHours != null;
            Procedure none = Procedure.NONE;
            return !setsProcedure ? null : new Procedure(zero(conditions),
                    Objects.requireNonNullElse(acceptConditions, none.acceptConditions()),
                    Objects.requireNonNullElse(conditionsReplyHours, none.conditionsReplyHours()),
                    zero(withdrawal),
                    Objects.requireNonNullElse(withdrawalAfterHours, none.withdrawalAfterHours()),
                    Objects.requireNonNullElse(preservationRenewals, none.preservationRenewals()),
                    Objects.requireNonNullElse(renewalLeadHours, none.renewalLeadHours()),
                    none.preservationPeriodHours(),
                    Objects.requireNonNullElse(forwardForExecutionHours, none.forwardForExecutionHours()),
                    Objects.requireNonNullElse(returnFromExecutionHours, none.returnFromExecutionHours()));
        }

        private static double zero(Double p) {
            return p == null ? 0 : p;
        }

        private static boolean isRequestType(String name) {
            return Arrays.stream(RequestType.values()).anyMatch(t -> t != RequestType.UNKNOWN && t.name().equals(name));
        }
    }

    /** A service-time distribution in hours: exponential {mean}, lognormal {median or mean, sigma}, fixed {value}. */
    public record ServiceTimeSpec(String distribution, Double mean, Double median, Double sigma, Double value) {
        void validate() {
            try {
                ServiceTimeDistribution.of(distribution, mean, median, sigma, value);
            } catch (IllegalArgumentException e) {
                throw new InvalidField(distribution == null || e.getMessage().startsWith("distribution") ? "distribution" : null,
                        e.getMessage());
            }
        }

        public ServiceTimeDistribution toDistribution() {
            return ServiceTimeDistribution.of(distribution, mean, median, sigma, value);
        }
    }

    private static void validateLadder(String field, List<LadderStep> steps) {
        for (int i = 0; i < steps.size(); i++) {
            String at = field + "[" + i + "]";
            within(at, required(steps.get(i), at)::validate);
            require(i == 0 || steps.get(i).level().ordinal() > steps.get(i - 1).level().ordinal(), at + ".level",
                    "steps must climb in order REMINDER, SUPERVISOR, LIAISON_OFFICER, DIPLOMATIC_NOTE");
            require(i == 0 || steps.get(i).after().toDuration().compareTo(steps.get(i - 1).after().toDuration()) >= 0,
                    at + ".after", "a step cannot fall due before the step below it");
        }
    }

    /** The router's parameters for this scenario: its world's, with the scenario's drafting delay if it sets one. */
    public RoutingParameters routing(RoutingParameters world) {
        return formalFollowUpDrafting == null ? world : world.withFormalFollowUpDrafting(formalFollowUpDrafting.toDuration());
    }

    /**
     * The case timer's settings for this scenario's clocks and ladders (grace and stores as the run
     * chooses): the one translation, used to configure the timer and to explain its report.
     */
    public CaseTimerConfiguration caseTimer(Duration grace, CaseTimerTopology.StoreKind stores) {
        Map<String, String> spans = new LinkedHashMap<>();
        clocks.forEach((clock, span) -> spans.put(settingName(clock), span.toString()));
        if (expeditedExecution != null) {
            spans.put(CaseTimerConfiguration.EXPEDITED_EXECUTION, expeditedExecution.toString());
        }
        Map<String, Map<String, String>> own = new LinkedHashMap<>();
        ladders.forEach((clock, steps) -> own.put(settingName(clock), ladderSettings(steps)));
        return new CaseTimerConfiguration(spans, ladderSettings(ladder), own, null, Span.of(grace).toString(), stores);
    }

    private static Map<String, String> ladderSettings(List<LadderStep> steps) {
        Map<String, String> delays = new LinkedHashMap<>();
        steps.forEach(step -> delays.put(settingName(step.level()), step.after().toString()));
        return delays;
    }

    private static String settingName(Enum<?> name) {
        return name.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** One step of the escalation ladder, due {@code after} the missed deadline (0h: at once). */
    public record LadderStep(EscalationLevel level, Span after) {
        void validate() {
            requireKnown(level, "level", EscalationLevel.UNKNOWN);
            required(after, "after");
            require(after.unit() != Span.Unit.WORKING_DAYS, "after", "ladder delays count calendar hours or days (12h, 3d)");
        }
    }

    /**
     * An MSEL inject. Targets and parameters by kind:
     * <ul>
     * <li>NODE_OUTAGE: target node id; {@code until} required.</li>
     * <li>CHANNEL_OUTAGE: target channel (CENTRAL_AUTHORITY, CONTACT_POINT_247, I247, DIPLOMATIC); {@code until} required.</li>
     * <li>SURGE: target workload stream id; {@code factor} (rate multiplier, with {@code until}) or
     *     {@code count} extra requests (optionally {@code overHours}).</li>
     * <li>STAFF_CUT: target node id; {@code officers} left; {@code until} required.</li>
     * <li>RATIFICATION: target state; {@code instrument} (UNTOC or CYBERCRIME_CONVENTION), optional
     *     {@code acceptsInterpolForUrgent}.</li>
     * <li>DESIGNATION: target node id; {@code handles} (comma-separated request types), optional
     *     {@code active} (false withdraws the designation).</li>
     * <li>DIRECTORY_ERROR: target node id whose entry is wrong; {@code misroutesTo} node id; optional
     *     {@code until} (when the entry is corrected).</li>
     * </ul>
     *
     * A conditional inject ({@code when}) fires at the first step boundary from {@code at} on where
     * its condition holds; a contingency inject ({@code unless}) fires at the first step boundary
     * from {@code at} on unless its condition held before {@code at}. Either acts on nodes or
     * channels only (outages, staff cuts) and lasts {@code lasting} from when it fires.
     *
     * @param lasting     how long a conditional or contingency inject lasts once fired (instead of {@code until})
     * @param when        the condition a conditional inject waits for
     * @param unless      the expected state a contingency inject checks at {@code at}
     * @param expected    expected player or system action, in words (the trainer's MSEL column)
     * @param expectation the same, as a check on the after-action report
     */
    public record Inject(
            String id,
            SimTime at,
            InjectKind kind,
            String target,
            SimTime until,
            Span lasting,
            Condition when,
            Condition unless,
            Map<String, String> parameters,
            String expected,
            Expectation expectation) {

        public Inject {
            parameters = mapOf(parameters);
        }


        /** Fires on the exercise's state (conditional or contingency) rather than at a fixed time. */
        public boolean conditional() {
            return when != null || unless != null;
        }

        /** The condition of a conditional or contingency inject ({@code when} or {@code unless}); else null. */
        public Condition condition() {
            return when != null ? when : unless;
        }

        /** The field that gives {@link #condition()}. */
        String conditionField() {
            return when != null ? "when" : "unless";
        }

        void validate() {
            require(id != null && !id.isBlank(), "id", "is required (e.g. INJ-01)");
            required(at, "at");
            requireKnown(kind, "kind", InjectKind.UNKNOWN);
            require(target != null && !target.isBlank(), "target", "is required");
            require(expected != null && !expected.isBlank(), "expected", "is required: the expected player or system action");
            required(expectation, "expectation");
            within("expectation", expectation::validate);
            parameters.forEach((name, value) -> required(value, "parameters." + name));
            require(when == null || unless == null, "unless",
                    "give 'when' (a conditional inject) or 'unless' (a contingency inject), not both");
            if (conditional()) {
                within(conditionField(), condition()::validate);
                String which = when != null ? "a conditional" : "a contingency";
                require(RunTimeInjects.KINDS.contains(kind), "kind", which + " inject acts on nodes or channels: "
                        + RunTimeInjects.names()
                        + "; world changes and surges are fixed before the run starts");
                require(until == null, "until", which
                        + " inject fires at an instant known only during the run: give 'lasting' (e.g. 2d) instead");
                require(lasting == null || (!lasting.isZero() && lasting.unit() != Span.Unit.WORKING_DAYS), "lasting",
                        "counts calendar hours or days (e.g. 2d), more than zero");
            } else {
                require(lasting == null, "lasting", "only a conditional ('when') or contingency ('unless') inject takes"
                        + " 'lasting'; give 'until'");
            }
            checkKind(kind, target, conditional() ? "lasting" : "until", until != null || lasting != null, parameters);
        }

        /**
         * @param endField the field that gives the end ({@code until}, or {@code lasting} for an inject fired on the state)
         * @param ends     whether it is given
         */
        private static void checkKind(InjectKind kind, String target, String endField, boolean ends, Map<String, String> p) {
            switch (kind) {
                case NODE_OUTAGE -> {
                    requireNode(target);
                    require(ends, endField, "is required");
                    allowOnly(p);
                }
                case CHANNEL_OUTAGE -> {
                    require(isKnown(target, Channel.values()), "target",
                            "'" + target + "' is not a channel; one of " + knownNames(Channel.values()));
                    require(ends, endField, "is required");
                    allowOnly(p);
                }
                case SURGE -> {
                    allowOnly(p, "factor", "count", "overHours");
                    require(p.containsKey("factor") ^ p.containsKey("count"), "parameters",
                            "a SURGE needs either 'factor' (with until) or 'count'");
                    if (p.containsKey("factor")) {
                        require(number(p, "factor") > 1, "parameters.factor", "must be > 1");
                        require(ends, endField, "is required");
                    } else {
                        require(integer(p, "count") >= 1, "parameters.count", "must be >= 1");
                        require(!p.containsKey("overHours") || number(p, "overHours") >= 0, "parameters.overHours", "must be >= 0");
                    }
                }
                case STAFF_CUT -> {
                    requireNode(target);
                    require(ends, endField, "is required");
                    allowOnly(p, "officers");
                    require(p.containsKey("officers") && integer(p, "officers") >= 0, "parameters.officers",
                            "is required: officers left at work (>= 0)");
                }
                case RATIFICATION -> {
                    require(STATE.matcher(target).matches(), "target", "must be a state code");
                    require(!ends, "until", "a ratification has no end; withdraw it with another inject");
                    allowOnly(p, "instrument", "acceptsInterpolForUrgent");
                    require("UNTOC".equals(p.get("instrument")) || "CYBERCRIME_CONVENTION".equals(p.get("instrument")),
                            "parameters.instrument", "is required: UNTOC or CYBERCRIME_CONVENTION");
                    optionalBoolean(p, "acceptsInterpolForUrgent");
                }
                case DESIGNATION -> {
                    requireNode(target);
                    allowOnly(p, "handles", "active");
                    require(p.containsKey("handles"), "parameters.handles", "is required: comma-separated request types");
                    for (String type : p.get("handles").split(",")) {
                        require(isKnown(type.trim(), RequestType.values()), "parameters.handles",
                                "'" + type.trim() + "' is not a request type");
                    }
                    optionalBoolean(p, "active");
                }
                case DIRECTORY_ERROR -> {
                    requireNode(target);
                    allowOnly(p, "misroutesTo");
                    require(p.containsKey("misroutesTo") && NODE.matcher(p.get("misroutesTo")).matches(),
                            "parameters.misroutesTo", "is required: the node the wrong entry sends requests to");
                    require(!target.equals(p.get("misroutesTo")), "parameters.misroutesTo", "must differ from the target");
                }
                case UNKNOWN -> throw new InvalidField("kind", "UNKNOWN is not an inject kind");
            }
        }

        private static void requireNode(String target) {
            require(NODE.matcher(target).matches(), "target", "'" + target + "' is not a node id (e.g. KES-POC-247)");
        }

        private static void allowOnly(Map<String, String> p, String... names) {
            for (String key : p.keySet()) {
                require(List.of(names).contains(key), "parameters." + key,
                        names.length == 0 ? "this inject kind takes no parameters" : "unknown parameter; allowed: " + List.of(names));
            }
        }

        private static double number(Map<String, String> p, String key) {
            try {
                return Double.parseDouble(p.get(key));
            } catch (NumberFormatException e) {
                throw new InvalidField("parameters." + key, "'" + p.get(key) + "' is not a number");
            }
        }

        private static long integer(Map<String, String> p, String key) {
            try {
                return Long.parseLong(p.get(key));
            } catch (NumberFormatException e) {
                throw new InvalidField("parameters." + key, "'" + p.get(key) + "' is not a whole number");
            }
        }

        private static void optionalBoolean(Map<String, String> p, String key) {
            require(!p.containsKey(key) || p.get(key).equals("true") || p.get(key).equals("false"),
                    "parameters." + key, "must be true or false");
        }
    }

    /** An expected outcome of the whole run. */
    public record Outcome(String expected, Expectation expectation) {
        void validate() {
            require(expected != null && !expected.isBlank(), "expected", "is required: the outcome in words");
            required(expectation, "expectation");
            within("expectation", expectation::validate);
        }
    }

    /**
     * A machine-checkable expectation on the after-action report: {@code metric} lies within
     * [{@code atLeast}, {@code atMost}]. Metrics:
     * <pre>
     *   clocks.&lt;ClockKind&gt;.missed | clocks.&lt;ClockKind&gt;.met
     *   cases.total | cases.&lt;CaseStatus&gt;          cases that reached the status
     *   requests.&lt;RequestType&gt;                    requests submitted, including spawned follow-ups
     *   escalations.&lt;EscalationLevel&gt;
     *   refusals.&lt;RefusalGround&gt;
     *   channels.&lt;Channel&gt;.transmissions
     *   nodes.&lt;node id&gt;.arrivals | .decided | .meanWaitHours | .utilisation
     *   followUps.spawned                          informal-to-formal MLA cases (res. 12/1 annex I (p))
     *   arbitrations.opened                        concurrent extradition requests (rule 8)
     *   procedure.&lt;name&gt;                          node actions of rule 10 (conditions accepted, withdrawals, renewals)
     *   deadletters
     *   injects.&lt;inject id&gt;.fired                 1 if the inject fired before the end, else 0
     * </pre>
     */
    public record Expectation(String metric, Double atLeast, Double atMost) {
        private static final Pattern NODE_METRIC =
                Pattern.compile("nodes\\.(" + NODE.pattern() + ")\\.(arrivals|decided|meanWaitHours|utilisation)");
        private static final Pattern INJECT_METRIC = Pattern.compile("injects\\.(.+)\\.fired");
        private static final List<Pattern> METRICS = List.of(
                Pattern.compile("clocks\\.(" + names(ClockKind.values()) + ")\\.(missed|met)"),
                Pattern.compile("cases\\.(total|" + names(CaseStatus.values()) + ")"),
                Pattern.compile("requests\\.(" + names(RequestType.values()) + ")"),
                Pattern.compile("escalations\\.(" + names(EscalationLevel.values()) + ")"),
                Pattern.compile("refusals\\.(" + names(RefusalGround.values()) + ")"),
                Pattern.compile("channels\\.(" + names(Channel.values()) + ")\\.transmissions"),
                Pattern.compile("evidence\\.(" + names(Channel.values()) + ")\\.(positive|negative|late)"),
                NODE_METRIC,
                Pattern.compile("reasons\\.[A-Z0-9][A-Za-z0-9_:./()\\-]*"),
                Pattern.compile("followUps\\.spawned"),
                Pattern.compile("arbitrations\\.opened"),
                Pattern.compile("procedure\\.(" + ProcedureMetric.names() + ")"),
                Pattern.compile("deadletters"),
                INJECT_METRIC);

        void validate() {
            require(metric != null && METRICS.stream().anyMatch(p -> p.matcher(metric).matches()), "metric",
                    "'" + metric + "' is not a metric; see the list in docs/report.md (e.g. clocks.POC_ACKNOWLEDGEMENT.missed)");
            require(atLeast != null || atMost != null, "atLeast", "give atLeast, atMost or both");
            require(atLeast == null || atMost == null || atLeast <= atMost, "atMost", "must be >= atLeast");
        }

        /** The node a {@code nodes.<node id>.…} metric is about; the world must have it (checked when the world is loaded). */
        public Optional<String> node() {
            Matcher matcher = NODE_METRIC.matcher(metric);
            return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
        }

        /** The inject an {@code injects.<id>.fired} metric is about; the msel must have it. */
        public Optional<String> inject() {
            Matcher matcher = INJECT_METRIC.matcher(metric);
            return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
        }

        public boolean holds(double value) {
            return (atLeast == null || value >= atLeast) && (atMost == null || value <= atMost);
        }

        private static String names(Enum<?>[] values) {
            return String.join("|", knownNames(values));
        }
    }

    /** An unmodifiable copy that keeps null items, so that validation can name them instead of failing in binding. */
    private static <T> List<T> listOf(List<T> list) {
        return list == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(list));
    }

    private static <K, V> Map<K, V> mapOf(Map<K, V> map) {
        return map == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }

    private static <E extends Enum<E>> void requireKnown(E value, String field, E unknown) {
        require(value != null, field, "is required");
        require(value != unknown, field, "UNKNOWN is not allowed here");
    }

    private static boolean isKnown(String name, Enum<?>[] values) {
        return knownNames(values).contains(name);
    }
}
