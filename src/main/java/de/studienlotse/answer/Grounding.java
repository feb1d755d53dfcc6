package de.studienlotse.answer;

import de.studienlotse.answer.Statement.Support;
import de.studienlotse.search.AnalyzedWord;
import de.studienlotse.search.PassageIndex;
import de.studienlotse.search.QueryTerms;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Checks an answer sentence by sentence against the passages it cites, whoever wrote it: a sentence is supported when
 * its content words, after the same German analysis the index uses (lemmas, compound parts, the glossary and thesaurus
 * alternatives), are found in its cited passages and their case's facts (id, Branche, KI-Anwendung, section, label).
 *
 * <p>Headings, list introductions ending in a colon, notices in italics and words of the answer's own frame ("Die
 * Studie nennt … aus 3 Fällen") are not statements about the study. A sentence without a marker of its own is read
 * with the marker that closes its list item or paragraph, as a quoted passage of several sentences is cited once at
 * its end.
 */
@Component
class Grounding {

    /** Share of a sentence's content words its passages must hold to support it. */
    static final double SUPPORTED = 0.8;
    /** Below this it is unsupported. */
    static final double PARTLY = 0.5;

    /** Words of the frame around the study's text, which claim nothing about a case. */
    private static final String FRAME = """
            Studie Fall Fälle Fällen Unternehmen Firma Betrieb KMU Beispiel nennen nennt beschreiben beschreibt zählen zählt
            berichten berichtet geben gibt vor allem insbesondere mehrere einige weitere übrige folgende genannt
            Einführung KI Anwendung KI-Anwendung Tätigkeit Tätigkeitsbereich Bereich Text Passage Quelle Angabe Eckdaten
            Herausforderung Erfolgsfaktor Tipp Schritt Ziel Zitat Ergebnis Thema Kategorie Nennung Tabelle Best Practice
            umfassen dauern kurz lang schnell langsam weitere Eckdaten
            study case cases company companies firm example names describes reports counts mentions several other
            introduction AI application activity area source passage challenge success factor tip step goal quote
            result topic category mention table German quoted comprises took shortest longest fastest further facts
            printed beside
            """;
    private static final Pattern MARKER = CitationMarkers.PATTERN;
    /** A sentence ends at . ! ? (with closing quotes, emphasis and markers) before the next one starts. */
    private static final Pattern END = Pattern.compile(
            "[.!?][\"“”»)*]*((\\s*" + CitationMarkers.UNGROUPED + ")*)(?=\\s+[\\p{Lu}\\d„\"*(\\[])");
    private static final Pattern ABBREVIATION = Pattern.compile(
            "(?i)(\\b\\p{L}|\\d+|bzw|ca|inkl|evtl|ggf|usw|etc|vgl|nr|sog|zw|zzgl|bspw|max|min|mind|z\\. ?b|d\\. ?h|u\\. ?a|e\\.g|i\\.e)$");
    private static final Pattern LIST_PREFIX = Pattern.compile("^\\s*(?:[-*+] |\\d+\\. |> )+");
    private static final Pattern MARKDOWN = Pattern.compile("\\*\\*|[*_`„“”»«\"]|" + CitationMarkers.UNGROUPED);
    /** How many cases the frame counts ("aus 4 Fällen", "in 3 cases"): a figure of the answer, not of a passage. */
    private static final Pattern CASE_COUNT = Pattern.compile("(?iu)\\b\\d{1,2}(?= (Fällen|Fälle|Fall|cases|case)\\b)");

    private final PassageIndex index;
    private final Set<String> frame;
    private final Map<String, Set<String>> passageTerms = new ConcurrentHashMap<>();

    Grounding(PassageIndex index) {
        this.index = index;
        this.frame = index.words(FRAME).stream().map(AnalyzedWord::term).collect(Collectors.toUnmodifiableSet());
    }

    /** The answer's statements in reading order; {@code citations} are the sources its markers may name. */
    List<Statement> statements(String text, List<Citation> citations) {
        List<Statement> statements = new ArrayList<>();
        List<int[]> unit = new ArrayList<>();
        int lineStart = 0;
        while (lineStart <= text.length()) {
            int lineEnd = text.indexOf('\n', lineStart);
            if (lineEnd < 0) {
                lineEnd = text.length();
            }
            String line = text.substring(lineStart, lineEnd);
            // a list item or paragraph goes on over its following lines (a quoted passage with a list of its own)
            if (line.isBlank() || LIST_PREFIX.matcher(line).lookingAt() || notStatement(line.strip())) {
                unit(text, unit, citations, statements);
            }
            if (!line.isBlank() && !notStatement(line.strip())) {
                unit.add(new int[] {lineStart, lineEnd});
            }
            lineStart = lineEnd + 1;
        }
        unit(text, unit, citations, statements);
        return statements;
    }

    /** A heading, a rule, a notice in italics: the answer's frame, not a statement. */
    private static boolean notStatement(String line) {
        return line.startsWith("#") || RULE.matcher(line).matches() || BOLD_LINE.matcher(line).matches()
                || ITALIC_LINE.matcher(line).matches() && !MARKER.matcher(line).find();
    }

    private static final Pattern RULE = Pattern.compile("-{3,}|\\*{3,}");
    private static final Pattern BOLD_LINE = Pattern.compile("\\*\\*[^*]+\\*\\*:?");
    private static final Pattern ITALIC_LINE = Pattern.compile("\\*[^*].*[^*]\\*");

    /** The statements of one list item or paragraph (its lines); a sentence without a marker takes the next one's. */
    private void unit(String text, List<int[]> lines, List<Citation> citations, List<Statement> out) {
        List<int[]> spans = new ArrayList<>();
        for (int[] line : lines) {
            Matcher prefix = LIST_PREFIX.matcher(text.substring(line[0], line[1]));
            spans.addAll(sentences(text, line[0] + (prefix.lookingAt() ? prefix.end() : 0), line[1]));
        }
        lines.clear();
        List<List<Integer>> markers = spans.stream().map(s -> markers(text.substring(s[0], s[1]))).toList();
        for (int i = 0; i < spans.size(); i++) {
            int[] span = spans.get(i);
            String sentence = text.substring(span[0], span[1]);
            List<Integer> cited = markers.get(i);
            for (int j = i + 1; cited.isEmpty() && j < spans.size(); j++) {
                cited = markers.get(j);
            }
            if (cited.isEmpty() && sentence.strip().endsWith(":")) {
                continue; // introduces the list below
            }
            List<AnalyzedWord> words = index.words(CASE_COUNT.matcher(MARKDOWN.matcher(sentence).replaceAll(" ")).replaceAll(" "));
            if (words.stream().allMatch(w -> frame.contains(w.term()))) {
                continue;
            }
            out.add(new Statement(sentence, span[0], span[1], cited, support(sentence, words, cited, citations)));
        }
    }

    /** Share of statements with this support, or 0 for none. */
    static double share(List<Statement> statements, Support support) {
        return statements.isEmpty() ? 0 : statements.stream().filter(s -> s.status() == support).count() / (double) statements.size();
    }

    private Support support(String sentence, List<AnalyzedWord> words, List<Integer> cited, List<Citation> citations) {
        Set<String> held = new HashSet<>();
        for (int n : cited) {
            citations.stream().filter(c -> c.n() == n).findFirst().ifPresent(c -> held.addAll(terms(c)));
        }
        if (held.isEmpty()) {
            return Support.UNSUPPORTED;
        }
        List<AnalyzedWord> content = words.stream().filter(w -> !frame.contains(w.term())).toList();
        Set<String> alternatives = null;
        int covered = 0;
        for (AnalyzedWord word : content) {
            boolean found = held.contains(word.term())
                    || !word.parts().isEmpty() && word.parts().stream().filter(p -> p.length() > 2).allMatch(held::contains);
            if (!found) {
                if (alternatives == null) {
                    // English or everyday words: the glossary's and thesaurus' study words for them
                    alternatives = new HashSet<>();
                    for (QueryTerms.QueryTerm term : index.analyze(MARKDOWN.matcher(sentence).replaceAll(" ")).terms()) {
                        if (term.expansions().stream().anyMatch(held::contains)) {
                            alternatives.add(term.term());
                        }
                    }
                }
                found = alternatives.contains(word.term());
            }
            if (found) {
                covered++;
            }
        }
        double coverage = covered / (double) content.size();
        return coverage >= SUPPORTED ? Support.SUPPORTED : coverage >= PARTLY ? Support.PARTLY : Support.UNSUPPORTED;
    }

    private Set<String> terms(Citation c) {
        return passageTerms.computeIfAbsent(c.passageId(), id -> {
            // the names of the concepts the passage is tagged with (a reviewed mapping, concepts/passagen-konzepte.tsv)
            // support a sentence that groups passages by concept: "vor allem Kommunikation & Zusammenarbeit [1][2]"
            List<String> named = new ArrayList<>();
            index.concepts().of(id).forEach(cid -> index.concepts().byId(cid).ifPresent(k -> {
                named.add(k.nameDe());
                named.add(k.nameEn());
            }));
            String about = String.join(" ", nonNull(c.caseId(), c.taetigkeit(), c.branche(), c.anwendung(),
                    c.section(), c.label(), c.quote())) + " " + String.join(" ", named);
            Set<String> terms = new HashSet<>();
            index.words(about).forEach(w -> {
                terms.add(w.term());
                terms.addAll(w.parts());
            });
            return Set.copyOf(terms);
        });
    }

    private static List<String> nonNull(String... values) {
        List<String> list = new ArrayList<>();
        for (String v : values) {
            if (v != null) list.add(v);
        }
        return list;
    }

    private static List<int[]> sentences(String text, int from, int to) {
        List<int[]> spans = new ArrayList<>();
        String line = text.substring(from, to);
        Matcher end = END.matcher(line);
        int start = 0;
        while (end.find()) {
            if (ABBREVIATION.matcher(line.substring(start, end.start())).find()) {
                continue;
            }
            spans.add(trimmed(from, line, start, end.end()));
            start = end.end();
        }
        if (!line.substring(start).isBlank()) {
            spans.add(trimmed(from, line, start, line.length()));
        }
        return spans;
    }

    private static int[] trimmed(int offset, String line, int start, int end) {
        while (start < end && Character.isWhitespace(line.charAt(start))) start++;
        while (end > start && Character.isWhitespace(line.charAt(end - 1))) end--;
        return new int[] {offset + start, offset + end};
    }

    private static List<Integer> markers(String sentence) {
        List<Integer> numbers = new ArrayList<>();
        Matcher m = MARKER.matcher(sentence);
        while (m.find()) {
            int n = Integer.parseInt(m.group(1));
            if (!numbers.contains(n)) numbers.add(n);
        }
        return numbers;
    }
}
