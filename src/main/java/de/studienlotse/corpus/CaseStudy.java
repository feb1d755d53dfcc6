package de.studienlotse.corpus;

import java.util.List;
import java.util.Optional;

/**
 * One of the 18 best-practice cases (a Fall), in order of appearance: B1–B7, K1–K7, P1–P4.
 *
 * @param branche     the industry as printed; {@code null} for P4, which names none
 * @param application the KI-Anwendung title, e.g. "Automatisierte Rechnungsverarbeitung"
 */
public record CaseStudy(String id, Activity activity, String branche, String application, CaseFacts facts,
                        List<Section> sections) {

    public CaseStudy {
        sections = List.copyOf(sections);
    }

    public Optional<Section> section(String sectionId) {
        return sections.stream().filter(s -> s.id().equals(sectionId)).findFirst();
    }

    public List<Passage> passages() {
        return sections.stream().flatMap(s -> s.passages().stream()).toList();
    }
}
