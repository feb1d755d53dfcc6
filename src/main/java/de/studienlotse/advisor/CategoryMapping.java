package de.studienlotse.advisor;

import de.studienlotse.corpus.CaseStudy;
import de.studienlotse.corpus.Passage;
import de.studienlotse.corpus.Study;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which category of Tabelle 1 or 2 each challenge and success factor of the 18 cases belongs to: our hand-written
 * mapping {@code advisor/kategorien.tsv}, checked against the study when loaded. The study prints the categories with
 * example items but never says which item of which case it counted where; the file says so for every item, and marks
 * each line as named by the table's examples ({@code beispiel}) or as our reading ({@code lesart}).
 *
 * <p>Load fails (and so does the start-up) when a line names a passage that does not exist, is no challenge or success
 * factor, names a category its table does not have, or when an item has no line at all.
 */
public final class CategoryMapping {

    private final Map<String, List<Assignment>> byPassage;

    private CategoryMapping(Map<String, List<Assignment>> byPassage) {
        this.byPassage = byPassage;
    }

    /**
     * One line of the file.
     *
     * @param byExample {@code true} when the table's example list names the item ({@code beispiel}), {@code false} for
     *                  our reading of the text ({@code lesart})
     * @param note      why, in a few words
     */
    public record Assignment(String passageId, Category category, boolean byExample, String note) {
    }

    /** Parses the file's text and checks it against {@code study}. */
    public static CategoryMapping parse(String tsv, Study study) {
        Map<String, List<Assignment>> byPassage = new LinkedHashMap<>();
        List<String> errors = new ArrayList<>();
        String[] lines = tsv.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cols = line.split("\t", -1);
            String where = "kategorien.tsv line " + (i + 1) + ": ";
            if (cols.length != 4) {
                errors.add(where + "expected 4 tab-separated columns, found " + cols.length);
                continue;
            }
            Passage passage = study.passage(cols[0].strip()).orElse(null);
            if (passage == null || passage.caseId() == null) {
                errors.add(where + "no case passage " + cols[0]);
                continue;
            }
            Category.Table table = Category.Table.ofCaseSection(passage.sectionId()).orElse(null);
            if (table == null) {
                errors.add(where + passage.id() + " is neither a challenge nor a success factor");
                continue;
            }
            Category category = Category.find(table, cols[1].strip()).orElse(null);
            if (category == null) {
                errors.add(where + table.title() + " has no category \"" + cols[1] + "\"");
                continue;
            }
            String basis = cols[2].strip();
            if (!basis.equals("beispiel") && !basis.equals("lesart")) {
                errors.add(where + "basis must be beispiel or lesart, not " + basis);
                continue;
            }
            List<Assignment> assignments = byPassage.computeIfAbsent(passage.id(), id -> new ArrayList<>());
            if (assignments.stream().anyMatch(a -> a.category() == category)) {
                errors.add(where + passage.id() + " is mapped to " + category.label() + " twice");
                continue;
            }
            assignments.add(new Assignment(passage.id(), category, basis.equals("beispiel"), cols[3].strip()));
        }
        for (CaseStudy c : study.cases()) {
            for (Category.Table table : Category.Table.values()) {
                c.section(table.caseSection()).ifPresent(section -> section.passages().stream()
                        .filter(p -> !byPassage.containsKey(p.id()))
                        .forEach(p -> errors.add("kategorien.tsv: no category for " + p.id() + " (" + p.labelled() + ")")));
            }
        }
        if (!errors.isEmpty()) {
            throw new IllegalStateException("advisor/kategorien.tsv does not fit the study:\n" + String.join("\n", errors));
        }
        Map<String, List<Assignment>> frozen = new LinkedHashMap<>();
        byPassage.forEach((id, list) -> frozen.put(id, List.copyOf(list)));
        return new CategoryMapping(Map.copyOf(frozen));
    }

    /** The categories of one challenge or success factor; empty for any other passage. */
    public List<Category> categoriesOf(String passageId) {
        return byPassage.getOrDefault(passageId, List.of()).stream().map(Assignment::category).toList();
    }

    public List<Assignment> assignmentsOf(String passageId) {
        return byPassage.getOrDefault(passageId, List.of());
    }

    /** The ids of every item counted in {@code category}, in the study's order. */
    public List<String> passagesOf(Category category, Study study) {
        Set<String> ids = new LinkedHashSet<>();
        for (CaseStudy c : study.cases()) {
            c.section(category.table().caseSection()).ifPresent(section -> section.passages().stream()
                    .filter(p -> categoriesOf(p.id()).contains(category))
                    .forEach(p -> ids.add(p.id())));
        }
        return List.copyOf(ids);
    }
}
