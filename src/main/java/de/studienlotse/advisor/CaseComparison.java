package de.studienlotse.advisor;

import de.studienlotse.corpus.CaseStudy;
import de.studienlotse.corpus.Passage;
import de.studienlotse.corpus.Study;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * Two to four cases side by side, row by row: goal, who works with the AI, duration, challenges, success factors,
 * tips. Every cell holds the case's passages verbatim, each with the link to its anchor on the case page.
 */
public record CaseComparison(List<CaseColumn> cases, List<Row> rows) {

    static final int MIN_CASES = 2;
    static final int MAX_CASES = 4;

    /** The rows, in order: id, title, and which passages of a case fill the cell. */
    private static final List<RowSpec> ROWS = List.of(
            new RowSpec("ziel", "Ziel", c -> section(c, "ziel")),
            new RowSpec("interaktion", "Wer arbeitet mit der KI?", c -> section(c, "interaktion")),
            new RowSpec("dauer", "Dauer der Einführung", c -> section(c, "eckdaten").stream()
                    .filter(p -> "Dauer der Einführung".equals(p.label())).toList()),
            new RowSpec("eckdaten", "Weitere Eckdaten", c -> section(c, "eckdaten").stream()
                    .filter(p -> !"Dauer der Einführung".equals(p.label())).toList()),
            new RowSpec("herausforderungen", "Herausforderungen", c -> section(c, "herausforderungen")),
            new RowSpec("erfolgsfaktoren", "Erfolgsfaktoren", c -> section(c, "erfolgsfaktoren")),
            new RowSpec("tipps", "Tipps", c -> section(c, "tipps")));

    public CaseComparison {
        cases = List.copyOf(cases);
        rows = List.copyOf(rows);
    }

    public record CaseColumn(String id, String taetigkeit, String branche, String anwendung, String duration, String link) {
    }

    public record Row(String id, String title, List<Cell> cells) {
    }

    /** One case's passages in one row; empty when the case says nothing on it. */
    public record Cell(String caseId, List<PassageRef> passages) {
    }

    /** @param categories the categories of Tabelle 1 or 2 the item counts in; empty for other passages */
    public record PassageRef(String passageId, String label, String text, String link, List<String> categories) {

        static PassageRef of(Passage p, CategoryMapping mapping) {
            return new PassageRef(p.id(), p.label(), p.text(), AdvisorLinks.passageLink(p.id(), p.caseId()),
                    mapping.categoriesOf(p.id()).stream().map(Category::label).toList());
        }
    }

    private record RowSpec(String id, String title, Function<CaseStudy, List<Passage>> passages) {
    }

    public static CaseComparison of(List<CaseStudy> cases, CategoryMapping mapping) {
        List<CaseColumn> columns = cases.stream().map(c -> new CaseColumn(c.id(), c.activity().label(), c.branche(),
                c.application(), c.facts().duration(), AdvisorLinks.caseLink(c.id()))).toList();
        List<Row> rows = new ArrayList<>();
        for (RowSpec spec : ROWS) {
            rows.add(new Row(spec.id(), spec.title(), cases.stream().map(c -> new Cell(c.id(),
                    spec.passages().apply(c).stream().map(p -> PassageRef.of(p, mapping)).toList())).toList()));
        }
        return new CaseComparison(columns, rows);
    }

    /**
     * The cases of {@code ids} ("B1,K3" or "B1 K3"), in the given order; 400 with a German detail for fewer than two,
     * more than four or an unknown id.
     */
    public static List<CaseStudy> resolve(String ids, Study study) {
        if (ids == null || ids.isBlank()) {
            throw badRequest("Bitte 2 bis 4 Fälle angeben, z. B. ids=B1,K3.");
        }
        Set<String> wanted = new LinkedHashSet<>();
        for (String id : ids.split("[,;\\s]+")) {
            if (!id.isBlank()) {
                wanted.add(id.strip().toUpperCase(Locale.ROOT));
            }
        }
        if (wanted.size() > MAX_CASES) {
            throw badRequest("Höchstens %d Fälle lassen sich vergleichen, angegeben waren %d.".formatted(MAX_CASES, wanted.size()));
        }
        List<CaseStudy> cases = new ArrayList<>();
        for (String id : wanted) {
            cases.add(study.caseById(id).orElseThrow(() -> badRequest(
                    "Den Fall „%s“ gibt es nicht. Gültig sind B1–B7, K1–K7 und P1–P4.".formatted(id))));
        }
        if (cases.size() < MIN_CASES) {
            throw badRequest("Für einen Vergleich braucht es mindestens %d verschiedene Fälle.".formatted(MIN_CASES));
        }
        return cases;
    }

    private static List<Passage> section(CaseStudy c, String sectionId) {
        return c.section(sectionId).map(s -> s.passages()).orElse(List.of());
    }

    private static ResponseStatusException badRequest(String detail) {
        return new ResponseStatusException(HttpStatus.BAD_REQUEST, detail);
    }
}
