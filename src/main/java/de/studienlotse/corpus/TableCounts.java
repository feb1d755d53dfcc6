package de.studienlotse.corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The per-Tätigkeit counts below Tabelle 1 and 2. They are printed without row labels, after the categories; row i
 * belongs to category i of its table (the sums agree).
 */
final class TableCounts {

    static final Pattern ROW = Pattern.compile("(\\d+)\\t(\\d+)\\t(\\d+)\\t?(.*)");

    private final List<String> tableOneCategories = new ArrayList<>();
    private final List<String> tableTwoCategories = new ArrayList<>();
    private int table;
    private int row;

    /** The column header "Buchhaltung 7 Teilnehmende\tKundenberatung …" that starts the counts of the next table. */
    static boolean isHeader(String raw) {
        return raw.startsWith("Buchhaltung 7 Teilnehmende\t");
    }

    void category(String section, String label) {
        (section.equals("tabelle-2") ? tableTwoCategories : tableOneCategories).add(label);
    }

    void startTable() {
        table++;
        row = 0;
    }

    /** The next row of counts as a passage of its table, labelled with its category. */
    Draft row(Matcher counts) {
        List<String> categories = table == 1 ? tableOneCategories : tableTwoCategories;
        String category = row < categories.size() ? categories.get(row) : "Zeile " + (row + 1);
        row++;
        String label = category.replaceFirst(" \\(\\d+ Nennungen\\)", "")
                + ": Nennungen je Tätigkeit (Buchhaltung | Kundenberatung | Kapazitätsplanung"
                + (counts.group(4).isBlank() ? ")" : " | zugeordnetes Hemmnis aus Studie 1)");
        String text = counts.group(1) + " | " + counts.group(2) + " | " + counts.group(3)
                + (counts.group(4).isBlank() ? "" : " | " + counts.group(4).strip());
        Draft draft = new Draft(label, text, PassageKind.TEXT);
        draft.section = table == 1 ? "tabelle-1" : "tabelle-2";
        return draft;
    }
}
