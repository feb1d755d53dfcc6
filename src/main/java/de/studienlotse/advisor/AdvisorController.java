package de.studienlotse.advisor;

import de.studienlotse.corpus.Study;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The public advisor views as JSON: cases side by side and the study's aggregated tables, recounted. */
@RestController
@Tag(name = "Beratung", description = "Fallvergleich und Auswertung der Studie für Beraterinnen und Berater")
class AdvisorController {

    private final Study study;
    private final CategoryMapping mapping;
    private final StudyAggregates aggregates;

    AdvisorController(Study study, CategoryMapping mapping, StudyAggregates aggregates) {
        this.study = study;
        this.mapping = mapping;
        this.aggregates = aggregates;
    }

    @GetMapping("/api/cases/compare")
    @Operation(summary = "2 bis 4 Fälle nebeneinander: Ziel, Nutzer, Dauer, Herausforderungen, Erfolgsfaktoren, Tipps")
    CaseComparison compare(@Parameter(description = "Fall-Ids, z. B. B1,K3") @RequestParam(required = false) String ids) {
        return CaseComparison.of(CaseComparison.resolve(ids, study), mapping);
    }

    @GetMapping("/api/study/sections")
    @Operation(summary = "Die Abschnitte der Studie außerhalb der Fälle (Zusammenfassung, Methodik, Tabellen, Fazit …)")
    List<StudySection> studySections() {
        return study.studySections().stream().map(s -> new StudySection(s.id(), s.title(), s.passages().stream()
                .map(p -> new CaseComparison.PassageRef(p.id(), p.label(), p.text(),
                        AdvisorLinks.passageLink(p.id(), null), List.of()))
                .toList())).toList();
    }

    /** A study-level section with its passages verbatim. */
    record StudySection(String id, String title, List<CaseComparison.PassageRef> passages) {
    }

    @GetMapping("/api/study/aggregates")
    @Operation(summary = "Herausforderungen und Erfolgsfaktoren je Kategorie und Tätigkeit: berechnet und gedruckt")
    StudyAggregates aggregates() {
        return aggregates;
    }
}
