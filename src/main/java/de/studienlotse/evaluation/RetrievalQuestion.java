package de.studienlotse.evaluation;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * One line of {@code evaluation/retrieval-questions.jsonl} (schema in {@code evaluation/README.md}); only the keys
 * retrieval scoring needs.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record RetrievalQuestion(String id, String lang, String type, String question, boolean answerable,
                         @JsonProperty("gold_cases") List<String> goldCases,
                         @JsonProperty("gold_sections") List<String> goldSections) {

    RetrievalQuestion {
        goldCases = goldCases == null ? List.of() : List.copyOf(goldCases);
        goldSections = goldSections == null ? List.of() : List.copyOf(goldSections);
    }

    /** Study-level questions name sections, not cases: they are scored on sections. */
    boolean studyLevel() {
        return goldCases.isEmpty();
    }

    /** What counts as relevant: the gold cases, or for study-level questions the gold sections. */
    List<String> relevant() {
        return studyLevel() ? goldSections : goldCases;
    }

    static List<RetrievalQuestion> read(Path file) {
        JsonMapper json = JsonMapper.builder().build();
        try {
            return Files.readAllLines(file).stream()
                    .filter(line -> !line.isBlank())
                    .map(line -> json.readValue(line, RetrievalQuestion.class))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
