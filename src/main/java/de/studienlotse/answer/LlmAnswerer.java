package de.studienlotse.answer;

import de.studienlotse.answer.llm.LanguageModel;
import de.studienlotse.answer.llm.ModelStream;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Answers through the configured language model: the prompts of {@code prompts/}, the sources numbered [1]..[n].
 * Only used when a provider is configured; the caller checks and falls back to the extractive answer on any error.
 */
@Component
class LlmAnswerer {

    private static final int HISTORY_TURNS = 6;

    private final LanguageModel model;
    private final ModelStream stream;
    private final Prompts prompts;

    LlmAnswerer(LanguageModel model, ModelStream stream, PromptProperties promptProperties) {
        this.model = model;
        this.stream = stream;
        this.prompts = Prompts.load(promptProperties.location());
    }

    boolean available() {
        return model.isPresent();
    }

    String backend() {
        return model.backendName();
    }

    /** The answer's text deltas, markers unchecked. */
    Flux<String> answer(AnalyzedQuestion question, List<Source> sources) {
        String numbered = sources.stream().map(LlmAnswerer::numbered).collect(Collectors.joining("\n\n"));
        List<ChatMessage> messages = List.of(SystemMessage.from(prompts.system()),
                UserMessage.from(Prompts.fill(prompts.answer(), Map.of("sources", numbered, "question", question.text()))));
        return stream.stream(model.model().orElseThrow(), messages);
    }

    /** A follow-up made standalone for retrieval; the question itself when there is no history. */
    Mono<String> standalone(String question, List<Turn> history) {
        if (history.isEmpty()) {
            return Mono.just(question);
        }
        String turns = history.stream().skip(Math.max(0, history.size() - HISTORY_TURNS))
                .map(t -> (t.role() == Turn.Role.USER ? "Nutzer: " : "Assistent: ") + t.content())
                .collect(Collectors.joining("\n"));
        List<ChatMessage> messages = List.of(UserMessage.from(
                Prompts.fill(prompts.rewrite(), Map.of("history", turns, "question", question))));
        return stream.complete(model.model().orElseThrow(), messages).map(String::strip)
                .filter(s -> !s.isBlank() && s.length() < 1000);
    }

    private static String numbered(Source s) {
        var p = s.passage();
        String where = s.caseStudy() == null ? "Studie, Abschnitt " + p.sectionId()
                : "Fall " + s.caseStudy().id() + " (" + (s.caseStudy().branche() == null ? "" : s.caseStudy().branche() + ", ")
                + s.caseStudy().activity().label() + ", " + s.caseStudy().application() + "), Abschnitt " + p.sectionId();
        return "[" + s.n() + "] " + where + "\n" + p.labelled();
    }

    /** Where the prompts are read from: the jar carries {@code prompts/}. */
    @org.springframework.boot.context.properties.ConfigurationProperties("studienlotse.prompts")
    record PromptProperties(@DefaultValue("classpath:prompts/") String location) {
    }
}
