package de.studienlotse.evaluation;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonAlias;
import de.studienlotse.answer.Turn;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import tools.jackson.databind.json.JsonMapper;

/**
 * One line of {@code evaluation/questions.jsonl}; the schema and the meaning of every key are in
 * {@code evaluation/README.md}. The gold files spell their keys in snake case ({@code gold_cases}); the API writes the
 * question in camelCase like every other field, and the aliases read both, so runs stored before still load.
 *
 * @param goldSections  {@code B4.herausforderungen} for a case section, {@code fazit} for a study section
 * @param goldPassages  the one passage that is the answer ({@code B4.erfolgsfaktoren.2}), or empty
 * @param mustMention   short facts in the study's wording that a good answer contains
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record GoldQuestion(String id, String lang, String type, String question, List<HistoryTurn> history,
                           boolean answerable,
                           @JsonAlias("gold_cases") List<String> goldCases,
                           @JsonAlias("gold_sections") List<String> goldSections,
                           @JsonAlias("gold_passages") List<String> goldPassages,
                           @JsonAlias("must_mention") List<String> mustMention) {

    /** The question types of the schema, in the order reports list them. */
    public static final List<String> TYPES = List.of("case-fact", "cross-case", "study-level", "aggregate",
            "paraphrase", "unanswerable", "followup", "english");

    public GoldQuestion {
        if (id == null || id.isBlank()) throw new IllegalArgumentException("id must not be blank");
        if (question == null || question.isBlank()) throw new IllegalArgumentException("question must not be blank: " + id);
        if (!TYPES.contains(type)) throw new IllegalArgumentException("unknown type " + type + ": " + id);
        history = history == null ? List.of() : List.copyOf(history);
        goldCases = goldCases == null ? List.of() : List.copyOf(goldCases);
        goldSections = goldSections == null ? List.of() : List.copyOf(goldSections);
        goldPassages = goldPassages == null ? List.of() : List.copyOf(goldPassages);
        mustMention = mustMention == null ? List.of() : List.copyOf(mustMention);
    }

    /** An earlier turn of a follow-up's conversation. */
    public record HistoryTurn(String role, String content) {
    }

    /** Scored on sections, not cases: the question names no case (study-level, Tabelle 1/2, Methodik ...). */
    public boolean sectionLevel() {
        return goldCases.isEmpty();
    }

    /** What counts as relevant at case level: the gold cases, or for section-level questions the gold sections. */
    public Set<String> relevant() {
        return Set.copyOf(sectionLevel() ? goldSections : goldCases);
    }

    public List<Turn> turns() {
        return history.stream().map(t -> "assistant".equals(t.role().toLowerCase(Locale.ROOT))
                ? Turn.assistant(t.content()) : Turn.user(t.content())).toList();
    }

    public static List<GoldQuestion> read(Path file) {
        try {
            return read(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** The questions of a JSON Lines text, one per non-blank line. */
    public static List<GoldQuestion> read(String jsonLines) {
        JsonMapper json = JsonMapper.builder().build();
        return jsonLines.lines().filter(line -> !line.isBlank())
                .map(line -> json.readValue(line, GoldQuestion.class)).toList();
    }
}
