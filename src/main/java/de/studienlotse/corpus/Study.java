package de.studienlotse.corpus;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** The whole brochure as a structured model: 18 cases, the study-level sections, and every passage by id. */
public final class Study {

    /** Section ids of a case, in the order the brochure's layout intends. */
    public static final List<String> CASE_SECTIONS = List.of("beschreibung", "ziel", "interaktion", "prozess",
            "eckdaten", "herausforderungen", "zusammenarbeit", "erfolgsfaktoren", "tipps", "zitat");

    /** Section ids of the study-level text, in order of appearance. */
    public static final List<String> STUDY_SECTIONS = List.of("zusammenfassung", "einleitung", "ausblick",
            "zielstellung", "methodik", "auswertung", "ergebnisse", "tabelle-1", "tabelle-2", "fazit", "impressum");

    private final List<CaseStudy> cases;
    private final List<Section> studySections;
    private final Map<String, Passage> passagesById = new LinkedHashMap<>();
    private final Map<String, CaseStudy> casesById = new LinkedHashMap<>();

    public Study(List<CaseStudy> cases, List<Section> studySections) {
        this.cases = List.copyOf(cases);
        this.studySections = List.copyOf(studySections);
        this.cases.forEach(c -> casesById.put(c.id(), c));
        passages().forEach(p -> {
            if (passagesById.putIfAbsent(p.id(), p) != null) {
                throw new IllegalStateException("duplicate passage id " + p.id());
            }
        });
    }

    public List<CaseStudy> cases() {
        return cases;
    }

    public List<Section> studySections() {
        return studySections;
    }

    public Optional<CaseStudy> caseById(String id) {
        return Optional.ofNullable(id == null ? null : casesById.get(id.toUpperCase(java.util.Locale.ROOT)));
    }

    public Optional<Passage> passage(String id) {
        return Optional.ofNullable(passagesById.get(id));
    }

    /** Every passage: cases first (B1..P4), then the study-level sections. */
    public List<Passage> passages() {
        return Stream.concat(cases.stream().flatMap(c -> c.passages().stream()),
                studySections.stream().flatMap(s -> s.passages().stream())).toList();
    }

    public Optional<Section> studySection(String id) {
        return studySections.stream().filter(s -> s.id().equals(id)).findFirst();
    }
}
