package de.studienlotse.search;

import de.studienlotse.corpus.BrochureParser;
import de.studienlotse.corpus.Passage;
import de.studienlotse.corpus.Study;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Writes {@code src/main/resources/search/openthesaurus-auszug.txt}: the synsets of OpenThesaurus's text edition
 * (Debian {@code openthesaurus-de-text}) that share at least one word with the brochure, with the licence header.
 * Run after changing the analyzer or the brochure:
 * {@code ./mvnw -q test-compile exec:exec@thesaurus} (reads {@code /usr/share/openthesaurus-de/openthesaurus.txt}).
 */
public final class ThesaurusExtract {

    public static void main(String[] args) throws IOException {
        Path source = Path.of(args.length > 0 ? args[0] : "/usr/share/openthesaurus-de/openthesaurus.txt");
        Path target = Path.of("src/main/resources/" + Thesaurus.RESOURCE);
        Study study = BrochureParser.parse(Files.readString(Path.of("corpus/studie-02-best-practices-ki-kmu.txt")));
        StudyAnalyzer analyzer = new StudyAnalyzer(GermanMorphology.load(), StudyAnalyzer.Stemming.LIGHT);
        Set<String> studyTerms = new HashSet<>();
        for (Passage passage : study.passages()) {
            studyTerms.addAll(StudyAnalyzerTests.terms(analyzer, passage.labelled()));
        }
        study.cases().forEach(c -> studyTerms.addAll(StudyAnalyzerTests.terms(analyzer, c.application())));
        List<String> header = new ArrayList<>();
        List<String> kept = new ArrayList<>();
        for (String line : Files.readAllLines(source, StandardCharsets.UTF_8)) {
            if (line.startsWith("#")) {
                header.add(line);
                continue;
            }
            Thesaurus one = Thesaurus.parse(analyzer, List.of(line));
            boolean reaches = false;
            for (String term : studyTerms) {
                if (!one.alternatives(term).isEmpty()) {
                    reaches = true;
                    break;
                }
            }
            if (reaches) {
                kept.add(line);
            }
        }
        List<String> out = new ArrayList<>(header);
        out.add("#");
        out.add("# Extract for Studienlotse: the " + kept.size() + " synsets (of the text edition above, Debian package");
        out.add("# openthesaurus-de-text) with at least one word that also occurs in the study \"Best Practices -");
        out.add("# Einführung von KI-Anwendungen in KMU\", unchanged. Full licence text: openthesaurus-LGPL-2.1.txt.");
        out.addAll(kept);
        Files.write(target, out, StandardCharsets.UTF_8);
        System.out.println("wrote " + kept.size() + " synsets to " + target);
    }
}
