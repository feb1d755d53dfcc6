package de.studienlotse.corpus;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** The study's structure as JSON: the 18 cases, one whole case, one passage. */
@RestController
@Tag(name = "Fälle", description = "Die 18 Fälle der Studie und ihre Passagen")
class CaseController {

    private final Study study;

    CaseController(Study study) {
        this.study = study;
    }

    @GetMapping("/api/cases")
    @Operation(summary = "Alle 18 Fälle mit ihren Eckdaten")
    List<CaseSummary> cases() {
        return study.cases().stream().map(CaseSummary::of).toList();
    }

    @GetMapping("/api/cases/{id}")
    @Operation(summary = "Ein Fall mit allen Abschnitten und Passagen")
    CaseDetail caseById(@PathVariable String id) {
        return study.caseById(id).map(CaseDetail::of).orElseThrow(() -> new ResponseStatusException(
                HttpStatus.NOT_FOUND, "Den Fall „%s“ gibt es nicht. Gültig sind B1–B7, K1–K7 und P1–P4.".formatted(id)));
    }

    @GetMapping("/api/passages/{id}")
    @Operation(summary = "Eine Passage (ein Best Practice, Prozessschritt, Zitat oder Absatz)")
    PassageView passage(@PathVariable String id) {
        return study.passage(id).map(p -> PassageView.of(p, study)).orElseThrow(() -> new ResponseStatusException(
                HttpStatus.NOT_FOUND, "Die Passage „%s“ gibt es nicht. Ids sehen aus wie B4.erfolgsfaktoren.2 oder fazit.3."
                        .formatted(id)));
    }

    /** A case's facts, as listed in the case table. */
    record CaseSummary(String id, String taetigkeit, String branche, String anwendung, String duration,
                       Boolean externalSupport, Boolean worksCouncil, Boolean documentation, Boolean guideline,
                       String furtherApplications, List<String> printedFacts) {

        static CaseSummary of(CaseStudy c) {
            CaseFacts f = c.facts();
            return new CaseSummary(c.id(), c.activity().label(), c.branche(), c.application(), f.duration(),
                    f.externalSupport(), f.worksCouncil(), f.documentation(), f.guideline(), f.furtherApplications(),
                    f.printed());
        }
    }

    record CaseDetail(CaseSummary summary, List<SectionView> sections) {

        static CaseDetail of(CaseStudy c) {
            return new CaseDetail(CaseSummary.of(c), c.sections().stream().map(SectionView::of).toList());
        }
    }

    record SectionView(String id, String title, List<PassageItem> passages) {

        static SectionView of(Section s) {
            return new SectionView(s.id(), s.title(),
                    s.passages().stream().map(p -> new PassageItem(p.id(), p.label(), p.text(), p.kind())).toList());
        }
    }

    record PassageItem(String passageId, String label, String text, PassageKind kind) {
    }

    record PassageView(String passageId, String caseId, String taetigkeit, String branche, String anwendung,
                       String section, String sectionTitle, String label, String text, PassageKind kind) {

        static PassageView of(Passage p, Study study) {
            CaseStudy c = p.caseId() == null ? null : study.caseById(p.caseId()).orElseThrow();
            String title = c == null
                    ? study.studySection(p.sectionId()).map(Section::title).orElse(null)
                    : c.section(p.sectionId()).map(Section::title).orElse(null);
            return new PassageView(p.id(), p.caseId(), c == null ? null : c.activity().label(),
                    c == null ? null : c.branche(), c == null ? null : c.application(), p.sectionId(), title,
                    p.label(), p.text(), p.kind());
        }
    }
}
