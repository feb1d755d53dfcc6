package de.studienlotse.advisor;

import de.studienlotse.corpus.Activity;
import de.studienlotse.corpus.Passage;
import de.studienlotse.corpus.Study;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The study's own aggregate view, recomputed: how often each category of Tabelle 1 (challenges) and Tabelle 2 (success
 * factors) is named, per Tätigkeit, counted from the structured cases through {@link CategoryMapping}, beside the
 * numbers the brochure prints. The printed per-Tätigkeit rows come without category names in the text; the parser
 * labels row i with category i (corpus/README), and this class reads them from there.
 *
 * @param tables      both tables, categories in printed order
 * @param differences every cell where our count differs from the printed one
 */
public record StudyAggregates(List<TableCounts> tables, List<Difference> differences) {

    private static final Pattern TOTAL = Pattern.compile("\\((\\d+) Nennungen\\)");
    private static final Pattern ROW_LABEL = Pattern.compile(": Nennungen je Tätigkeit \\(([^)]*)\\)");

    public StudyAggregates {
        tables = List.copyOf(tables);
        differences = List.copyOf(differences);
    }

    /**
     * @param items items of this table's section over all cases (a challenge in two categories counts once here)
     */
    public record TableCounts(String id, String title, String section, int items, List<CategoryCounts> categories) {
    }

    /**
     * @param tablePassageId the printed category with its examples, e.g. {@code tabelle-1.7}
     * @param rowPassageId   the printed per-Tätigkeit row, e.g. {@code tabelle-1.14}; {@code null} if missing
     */
    public record CategoryCounts(String category, String tablePassageId, String rowPassageId, Count total,
                                 List<ActivityCount> byTaetigkeit) {
    }

    /** @param printed as printed; {@code null} where the brochure prints no number */
    public record Count(int computed, Integer printed) {

        public boolean differs() {
            return printed != null && printed != computed;
        }
    }

    /**
     * @param cases cases of this Tätigkeit naming the category at least once
     * @param items the counted items
     */
    public record ActivityCount(String taetigkeit, int computed, Integer printed, int cases, List<ItemRef> items) {
    }

    /**
     * One counted item and why it counts here.
     *
     * @param byExample {@code true} when the table's examples name it, {@code false} for our reading
     * @param note      the mapping file's note
     */
    public record ItemRef(String passageId, String caseId, String label, String link, boolean byExample, String note) {
    }

    /**
     * @param byReading the counted items of this cell that the table's examples do not name (our reading): the first
     *                   place to look for the reason of the difference
     */
    public record Difference(String table, String category, String taetigkeit, int computed, int printed,
                             List<String> byReading) {
    }

    public static StudyAggregates compute(Study study, CategoryMapping mapping) {
        List<TableCounts> tables = new ArrayList<>();
        List<Difference> differences = new ArrayList<>();
        for (Category.Table table : Category.Table.values()) {
            List<Passage> printed = study.studySection(table.studySection()).map(s -> s.passages()).orElse(List.of());
            List<CategoryCounts> categories = new ArrayList<>();
            for (Category category : Category.of(table)) {
                Optional<Passage> head = printed.stream()
                        .filter(p -> p.label() != null && p.label().startsWith(category.label() + " (")).findFirst();
                Optional<Passage> row = printed.stream()
                        .filter(p -> p.label() != null && p.label().startsWith(category.label() + ": Nennungen je Tätigkeit"))
                        .findFirst();
                Map<Activity, Integer> printedByActivity = row.map(StudyAggregates::printedRow).orElse(Map.of());
                List<String> counted = mapping.passagesOf(category, study);
                List<ActivityCount> perActivity = new ArrayList<>();
                for (Activity activity : Activity.values()) {
                    List<String> ids = counted.stream()
                            .filter(id -> study.passage(id).map(p -> p.caseId().startsWith(activity.idPrefix())).orElse(false))
                            .toList();
                    Set<String> cases = new LinkedHashSet<>();
                    ids.forEach(id -> cases.add(study.passage(id).orElseThrow().caseId()));
                    Integer printedCount = printedByActivity.get(activity);
                    List<ItemRef> refs = ids.stream().map(id -> {
                        Passage p = study.passage(id).orElseThrow();
                        CategoryMapping.Assignment a = mapping.assignmentsOf(id).stream()
                                .filter(x -> x.category() == category).findFirst().orElseThrow();
                        return new ItemRef(id, p.caseId(), p.label() == null ? p.text() : p.label(),
                                AdvisorLinks.passageLink(id, p.caseId()), a.byExample(), a.note());
                    }).toList();
                    perActivity.add(new ActivityCount(activity.label(), ids.size(), printedCount, cases.size(), refs));
                    if (printedCount != null && printedCount != ids.size()) {
                        List<String> byReading = ids.stream()
                                .filter(id -> mapping.assignmentsOf(id).stream()
                                        .anyMatch(a -> a.category() == category && !a.byExample()))
                                .toList();
                        differences.add(new Difference(table.studySection(), category.label(), activity.label(),
                                ids.size(), printedCount, byReading));
                    }
                }
                Integer printedTotal = head.map(p -> {
                    Matcher m = TOTAL.matcher(p.label());
                    return m.find() ? Integer.parseInt(m.group(1)) : null;
                }).orElse(null);
                categories.add(new CategoryCounts(category.label(), head.map(Passage::id).orElse(null),
                        row.map(Passage::id).orElse(null), new Count(counted.size(), printedTotal), perActivity));
            }
            int items = study.cases().stream()
                    .mapToInt(c -> c.section(table.caseSection()).map(s -> s.passages().size()).orElse(0)).sum();
            tables.add(new TableCounts(table.studySection(), table.title(), table.caseSection(), items, categories));
        }
        return new StudyAggregates(tables, differences);
    }

    /** "7 | 3 | 4 | Integration …" under a label naming the column order: the first three numbers by Tätigkeit. */
    static Map<Activity, Integer> printedRow(Passage row) {
        Matcher header = ROW_LABEL.matcher(row.label());
        if (!header.find()) {
            return Map.of();
        }
        String[] columns = header.group(1).split("\\s*\\|\\s*");
        String[] cells = row.text().split("\\s*\\|\\s*");
        Map<Activity, Integer> counts = new EnumMap<>(Activity.class);
        for (int i = 0; i < Math.min(columns.length, cells.length); i++) {
            Optional<Activity> activity = Activity.parse(columns[i]);
            if (activity.isPresent() && cells[i].strip().matches("\\d+")) {
                counts.put(activity.get(), Integer.parseInt(cells[i].strip()));
            }
        }
        return counts;
    }

    /** The counts of one category (table and label as printed). */
    public Optional<CategoryCounts> category(Category category) {
        return tables.stream().filter(t -> t.id().equals(category.table().studySection()))
                .flatMap(t -> t.categories().stream())
                .filter(c -> c.category().equals(category.label()))
                .findFirst();
    }
}
