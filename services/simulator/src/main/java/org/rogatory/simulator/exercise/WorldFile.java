package org.rogatory.simulator.exercise;

import org.rogatory.contracts.ConductCategory;
import org.rogatory.contracts.Instrument;
import org.rogatory.contracts.NodeRole;
import org.rogatory.contracts.RequestType;
import org.rogatory.platform.calendar.Weekend;
import org.rogatory.router.domain.NoLegalBasisPolicy;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The world file as written (YAML), bound by Jackson. Compact constructors check what one entry
 * can check alone; Jackson then reports the failure with file line and field path. Checks across
 * entries (a treaty partner that does not exist) are made by {@link WorldLoader}.
 */
public record WorldFile(Settings settings, Interpol interpol, List<StateSpec> states) {

    public WorldFile {
        settings = settings == null ? new Settings(null, null, null, null, null) : settings;
        interpol = interpol == null ? new Interpol(null, null) : interpol;
        require(states != null && !states.isEmpty(), "states", "a world needs at least one state");
    }

    /** Scenario parameters; every field optional (docs/rules.md defaults). */
    public record Settings(NoLegalBasisPolicy noLegalBasisPolicy, Double translationDelayHours,
                           Double redNoticeReviewHours, Integer concurrentExtraditionWindowDays,
                           String effectiveFrom) {
        public Settings {
            require(translationDelayHours == null || translationDelayHours >= 0, "translationDelayHours", "translationDelayHours must be >= 0");
            require(redNoticeReviewHours == null || redNoticeReviewHours >= 0, "redNoticeReviewHours", "redNoticeReviewHours must be >= 0");
            require(concurrentExtraditionWindowDays == null || concurrentExtraditionWindowDays > 0,
                "concurrentExtraditionWindowDays", "concurrentExtraditionWindowDays must be > 0");
            if (effectiveFrom != null) {
                try {
                    Instant.parse(effectiveFrom);
                } catch (DateTimeException e) {
                    throw new FieldProblem("effectiveFrom", "effectiveFrom must be an ISO instant, e.g. 2026-01-05T00:00:00Z");
                }
            }
        }
    }

    /** The INTERPOL General Secretariat node and the offences it refuses under its Constitution, art. 3. */
    public record Interpol(String generalSecretariat, Map<String, List<String>> article3Offences) {
        static final Set<String> CHARACTERS = Set.of("political", "military", "religious", "racial");

        public Interpol {
            generalSecretariat = generalSecretariat == null ? "INTERPOL-GS" : generalSecretariat;
            article3Offences = article3Offences == null ? Map.of() : article3Offences;
            for (String character : article3Offences.keySet()) {
                require(CHARACTERS.contains(character), "article3Offences",
                    "article3Offences key '" + character + "' must be one of " + CHARACTERS.stream().sorted().toList());
            }
        }
    }

    /**
     * One fictional state with its law, its treaties and its nodes.
     *
     * @param weekend the weekly rest days of its office-hours nodes, a state practice (default Saturday and Sunday)
     */
    public record StateSpec(String code, String name, String timeZone, List<String> languages,
                            Boolean refusesUntranslated, List<String> holidays, List<DayOfWeek> weekend,
                            NoLegalBasisPolicy noLegalBasisPolicy, List<ConductCategory> conducts,
                            Boolean waivesDualCriminalityNonCoercive, List<PartySpec> parties,
                            List<String> bilateral, List<String> reciprocity, List<NodeSpec> nodes) {
        public StateSpec {
            require(code != null && code.matches("[A-Z]{3}"), "code", "code must be three capital letters (invented, e.g. ALD)");
            require(name != null && !name.isBlank(), "name", "name is required");
            require(timeZone != null, "timeZone", "timeZone is required (e.g. UTC-08:00)");
            try {
                ZoneId.of(timeZone);
            } catch (DateTimeException e) {
                throw new FieldProblem("timeZone", "timeZone '" + timeZone + "' is not a zone id or UTC offset");
            }
            require(languages != null && !languages.isEmpty(), "languages", "languages must list at least one language");
            holidays = holidays == null ? List.of() : holidays;
            for (String day : holidays) {
                try {
                    LocalDate.parse(day);
                } catch (DateTimeException e) {
                    throw new FieldProblem("holidays", "holiday '" + day + "' is not an ISO date (YYYY-MM-DD)");
                }
            }
            if (weekend == null) {
                weekend = List.copyOf(Weekend.SATURDAY_SUNDAY.days());
            }
            require(weekend.stream().noneMatch(Objects::isNull), "weekend", "weekend lists an empty day; write e.g. [FRIDAY, SATURDAY]");
            try {
                weekend = List.copyOf(Weekend.of(weekend).days()); // Monday first, as the records list it
            } catch (IllegalArgumentException e) {
                throw new FieldProblem("weekend", e.getMessage());
            }
            refusesUntranslated = refusesUntranslated != null && refusesUntranslated;
            waivesDualCriminalityNonCoercive = waivesDualCriminalityNonCoercive != null && waivesDualCriminalityNonCoercive;
            parties = parties == null ? List.of() : parties;
            bilateral = bilateral == null ? List.of() : bilateral;
            reciprocity = reciprocity == null ? List.of() : reciprocity;
            require(nodes != null && !nodes.isEmpty(), "nodes", "nodes must list at least one node");
        }
    }

    /** Party to a multilateral instrument, with its declarations. */
    public record PartySpec(Instrument instrument, Boolean inForce, Boolean acceptsInterpolForUrgent) {
        public PartySpec {
            require(instrument == Instrument.UNTOC || instrument == Instrument.CYBERCRIME_CONVENTION, "instrument",
                "parties[].instrument must be UNTOC or CYBERCRIME_CONVENTION (bilateral treaties and reciprocity have their own lists)");
            inForce = inForce == null || inForce;
            acceptsInterpolForUrgent = acceptsInterpolForUrgent != null && acceptsInterpolForUrgent;
        }
    }

    /** A node of the state; handles, hours and id default by role. */
    public record NodeSpec(NodeRole role, String id, List<RequestType> handles, Integer officers,
                           List<String> languages, Hours hours, String postedIn, Boolean active) {
        public NodeSpec {
            require(role != null && role != NodeRole.UNKNOWN && role != NodeRole.INTERPOL_GS, "role",
                "role is required (CA_MLA, CA_EXT, POC_247, NCB, MFA, EXECUTING_AUTHORITY or LIAISON_OFFICER)");
            require(officers == null || officers > 0, "officers", "officers must be > 0");
            require((role == NodeRole.LIAISON_OFFICER) == (postedIn != null), "postedIn",
                "postedIn is required for a LIAISON_OFFICER and only for one");
            active = active == null || active;
        }
    }

    /** Working hours in the node's time zone; round the clock by default for 24/7 points and NCBs. */
    public record Hours(Boolean roundTheClock, Integer open, Integer close) {
        public Hours {
            require(open == null || (open >= 0 && open <= 23), "open", "open must be an hour 0-23");
            require(close == null || (close >= 1 && close <= 24), "close", "close must be an hour 1-24");
            require(open == null || close == null || open < close, "open", "open must be before close");
        }
    }

    static void require(boolean condition, String field, String message) {
        if (!condition) {
            throw new FieldProblem(field, message);
        }
    }

    /** A value one entry cannot accept; {@code field} is the entry's field at fault. */
    static final class FieldProblem extends IllegalArgumentException {
        final String field;

        FieldProblem(String field, String message) {
            super(message);
            this.field = field;
        }
    }
}
