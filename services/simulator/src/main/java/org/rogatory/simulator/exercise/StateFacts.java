package org.rogatory.simulator.exercise;

import org.rogatory.router.domain.NoLegalBasisPolicy;

import java.time.DayOfWeek;
import java.util.List;

/**
 * State-level facts of a world that are not node or treaty records: for trainers, reports and the
 * simulator's office-hours calendar.
 *
 * @param weekend                 the weekly rest days of its office-hours nodes
 * @param liaisonOfficersPostedIn states where this state has a liaison officer
 * @param reciprocityOfferedTo    states this state offers reciprocity to ("*" = any state)
 */
public record StateFacts(String code, String name, String timeZone, List<String> languages,
                         List<String> holidays, List<DayOfWeek> weekend, boolean refusesUntranslated,
                         List<String> liaisonOfficersPostedIn, List<String> reciprocityOfferedTo,
                         NoLegalBasisPolicy noLegalBasisPolicy) {
}
