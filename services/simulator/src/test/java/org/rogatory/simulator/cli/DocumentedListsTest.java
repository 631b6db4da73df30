package org.rogatory.simulator.cli;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rogatory.contracts.ConductCategory;
import org.rogatory.contracts.RefusalGround;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The closed lists the scenario format documents are the contracts' enum symbols, in order, so
 * the documentation cannot drift from the schemas ({@code UNKNOWN}, the Avro default symbol that
 * only a reader of a newer writer sees, is no value to write).
 */
class DocumentedListsTest {

    private static final String SCENARIO_FORMAT = DocumentedExamplesTest.read(DocumentedExamplesTest.DOCS.resolve("scenario-format.md"));
    private static final Pattern FIRST_CELL = Pattern.compile("^\\| `([A-Z_]+)` \\|", Pattern.MULTILINE);

    @Test
    @DisplayName("docs/scenario-format.md lists every conduct category of the ConductCategory contract")
    void conductCategories() {
        assertEquals(symbols(ConductCategory.values()), listedUnder("## Conduct categories"));
    }

    @Test
    @DisplayName("docs/scenario-format.md lists every refusal ground of the RefusalGround contract")
    void refusalGrounds() {
        assertEquals(symbols(RefusalGround.values()), listedUnder("## Refusal grounds"));
    }

    private static List<String> symbols(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).filter(n -> !n.equals("UNKNOWN")).toList();
    }

    /** The values in the first column of the table in the section under {@code heading}. */
    private static List<String> listedUnder(String heading) {
        int start = SCENARIO_FORMAT.indexOf("\n" + heading + "\n");
        int end = SCENARIO_FORMAT.indexOf("\n## ", start + 1);
        Matcher m = FIRST_CELL.matcher(SCENARIO_FORMAT.substring(start, end < 0 ? SCENARIO_FORMAT.length() : end));
        return m.results().map(r -> r.group(1)).toList();
    }
}
