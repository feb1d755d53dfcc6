package de.studienlotse.evaluation;

import de.studienlotse.corpus.BrochureParser;
import de.studienlotse.corpus.CaseStudy;
import de.studienlotse.corpus.Study;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Where each case and each study section lies in the raw brochure text, so that the baselines' chunks, which know
 * nothing of the structure, can be scored against the gold cases and sections by their character position.
 *
 * <p>The i-th heading "Best Practice zur KI-Einführung in einem KMU" starts the i-th case of the parsed study
 * (B1..P4, the parser's order). A study section starts at its heading, as {@link BrochureParser} reads it; the text
 * before the first heading (publisher, authors) belongs to the {@code impressum}, as in the parser. Two rules follow
 * the parser where the brochure has no heading: the line "Tabelle 2: …" starts {@code tabelle-2}, and of the two
 * unlabelled count grids (header "Buchhaltung 7 Teilnehmende …"), printed together after Tabelle 2, the first belongs
 * to {@code tabelle-1} and the second to {@code tabelle-2}.
 */
final class BrochureSpans {

    private static final String COUNTS_HEADER = "Buchhaltung 7 Teilnehmende\t";

    /** A run of text from {@code start} to the next span's start; {@code caseId} null for study sections. */
    record Span(int start, int end, String caseId, String section) {
    }

    private final List<Span> spans;

    private BrochureSpans(List<Span> spans) {
        this.spans = List.copyOf(spans);
    }

    static BrochureSpans of(String text, Study study) {
        List<CaseStudy> cases = study.cases();
        List<int[]> starts = new ArrayList<>(); // offset, case index or -1
        List<String> sections = new ArrayList<>();
        int caseIndex = 0;
        int countGrids = 0;
        int offset = 0;
        starts.add(new int[]{0, -1});
        sections.add("impressum");
        for (String line : text.split("\n", -1)) {
            String clean = line.replace("*", "").replaceFirst("^#+", "").strip().toLowerCase(Locale.GERMAN);
            String section = null;
            int caseStart = -1;
            // the parser's own reading of headings, so spans and passages never disagree
            if (BrochureParser.startsCase(line)) {
                if (caseIndex >= cases.size()) {
                    throw new IllegalStateException("more case headings than parsed cases");
                }
                caseStart = caseIndex++;
            } else if (BrochureParser.studySectionStartedBy(line).isPresent()) {
                section = BrochureParser.studySectionStartedBy(line).get();
            } else if (clean.startsWith("tabelle 2:")) {
                section = "tabelle-2";
            } else if (line.startsWith(COUNTS_HEADER)) {
                section = ++countGrids == 1 ? "tabelle-1" : "tabelle-2";
            }
            if (caseStart >= 0 || section != null) {
                starts.add(new int[]{offset, caseStart});
                sections.add(section);
            }
            offset += line.length() + 1;
        }
        if (caseIndex != cases.size()) {
            throw new IllegalStateException("found " + caseIndex + " case headings for " + cases.size() + " cases");
        }
        List<Span> spans = new ArrayList<>();
        for (int i = 0; i < starts.size(); i++) {
            int start = starts.get(i)[0];
            int end = i + 1 < starts.size() ? starts.get(i + 1)[0] : text.length();
            int index = starts.get(i)[1];
            if (end > start) {
                spans.add(new Span(start, end, index >= 0 ? cases.get(index).id() : null, sections.get(i)));
            }
        }
        return new BrochureSpans(spans);
    }

    List<Span> spans() {
        return spans;
    }

    /** The hit a chunk {@code [start, end)} of the raw text stands for: every case and study section it overlaps. */
    Hit hit(int start, int end) {
        Set<String> caseIds = new LinkedHashSet<>();
        Set<String> sections = new LinkedHashSet<>();
        for (Span span : spans) {
            if (span.start() < end && start < span.end()) {
                if (span.caseId() != null) {
                    caseIds.add(span.caseId());
                    // a case chunk has no section of its own: its case id never matches a study section
                    sections.add(span.caseId());
                } else {
                    sections.add(span.section());
                }
            }
        }
        return new Hit(null, caseIds, sections);
    }
}
