package de.studienlotse.evaluation;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import de.studienlotse.answer.Turn;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.json.JsonMapper;

/** A gold question for answers (evaluation/chat-questions.jsonl; schema in evaluation/README.md). */
@JsonIgnoreProperties(ignoreUnknown = true)
record ChatQuestion(String id, String lang, String type, String question, List<HistoryTurn> history, boolean answerable,
                    @JsonProperty("gold_cases") List<String> goldCases,
                    @JsonProperty("gold_sections") List<String> goldSections,
                    @JsonProperty("must_mention") List<String> mustMention) {

    ChatQuestion {
        history = history == null ? List.of() : List.copyOf(history);
        goldCases = goldCases == null ? List.of() : List.copyOf(goldCases);
        goldSections = goldSections == null ? List.of() : List.copyOf(goldSections);
        mustMention = mustMention == null ? List.of() : List.copyOf(mustMention);
    }

    record HistoryTurn(String role, String content) {
    }

    List<Turn> turns() {
        return history.stream().map(t -> "assistant".equals(t.role().toLowerCase(Locale.ROOT))
                ? Turn.assistant(t.content()) : Turn.user(t.content())).toList();
    }

    /** Gold cases, or for study-level questions the gold study sections. */
    List<String> relevant() {
        return goldCases.isEmpty() ? goldSections : goldCases;
    }

    static List<ChatQuestion> read(Path file) {
        JsonMapper json = JsonMapper.builder().build();
        try {
            return Files.readAllLines(file).stream().filter(l -> !l.isBlank())
                    .map(l -> json.readValue(l, ChatQuestion.class)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
