package de.studienlotse.answer;

import de.studienlotse.answer.llm.LanguageModel;
import de.studienlotse.answer.llm.LlmProperties;
import de.studienlotse.answer.llm.ModelStream;
import de.studienlotse.answer.llm.PromptFiles;
import de.studienlotse.corpus.Passage;
import de.studienlotse.corpus.Study;
import de.studienlotse.search.Concept;
import de.studienlotse.search.PassageIndex;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.input.PromptTemplate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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

    private static final Logger log = LoggerFactory.getLogger(LlmAnswerer.class);
    private static final int HISTORY_TURNS = 6;

    /** The longest rewrite into the study's words taken; a longer reply is no search query but an answer. */
    static final int MAX_STUDY_QUERY = 300;
    /** The longest standalone question taken; the chat accepts questions of up to 1,000 characters. */
    static final int MAX_STANDALONE = 1000;

    private final LanguageModel model;
    private final ModelStream stream;
    private final LlmProperties limits;
    private final PromptTemplate system;
    private final PromptTemplate answer;
    private final PromptTemplate rewrite;
    private final PromptTemplate studyQuery;
    /** Word runs of the prompts that the study does not hold: none may reach a reader. */
    private final java.util.Set<String> promptShingles;
    /** The study's concept names, one per line, for the rewrite into its words. */
    private final String conceptNames;

    LlmAnswerer(LanguageModel model, ModelStream stream, LlmProperties limits, PromptProperties promptProperties,
                PassageIndex index, Study study) {
        this.model = model;
        this.stream = stream;
        this.limits = limits;
        this.system = PromptFiles.load(promptProperties.location(), "answer-system.md");
        this.answer = PromptFiles.load(promptProperties.location(), "answer-user.md");
        this.rewrite = PromptFiles.load(promptProperties.location(), "rewrite.md");
        this.studyQuery = PromptFiles.load(promptProperties.location(), "query-study-vocabulary.md");
        this.promptShingles = AnswerGuard.promptShingles(List.of(system.template(), answer.template()),
                study.passages().stream().map(Passage::text).toList());
        this.conceptNames = index.concepts().all().stream().map(Concept::nameDe).distinct()
                .map(name -> "- " + name).collect(Collectors.joining("\n"));
    }

    boolean available() {
        return model.isPresent();
    }

    String backend() {
        return model.backendName();
    }

    /** A fresh check for one answer's text: what the model was told must not come back to the reader. */
    AnswerGuard guard() {
        return AnswerGuard.against(promptShingles);
    }

    /** The answer's text deltas, markers unchecked. */
    Flux<String> answer(AnalyzedQuestion question, List<Source> sources) {
        String numbered = sources.stream().map(LlmAnswerer::numbered).collect(Collectors.joining("\n\n"));
        List<ChatMessage> messages = List.of(SystemMessage.from(system.template()),
                UserMessage.from(PromptFiles.fill(answer, Map.of("sources", numbered, "question", question.text()))));
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
        return shortReply(PromptFiles.fill(rewrite, Map.of("history", turns, "question", question)), MAX_STANDALONE)
                .filter(s -> kept(!s.isBlank(), "Follow-up rewrite dropped: the model replied with no text"));
    }

    /**
     * The question as a short search query in the study's words ({@code prompts/query-study-vocabulary.md}, given the
     * names of the study's concepts); empty when the model replies with nothing usable.
     */
    Mono<String> studyQuery(String question) {
        // a reply may start with the query and go on explaining it: only its first line is read, so read a little past
        return shortReply(PromptFiles.fill(studyQuery, Map.of("concepts", conceptNames, "question", question)),
                4 * MAX_STUDY_QUERY)
                .map(reply -> reply.lines().map(String::strip).filter(line -> !line.isEmpty()).findFirst().orElse(""))
                .map(line -> line.replaceAll("^[\"„“'»]+|[\"“”'«]+$", "").strip())
                .filter(line -> kept(!line.isBlank(), "Query rewrite into the study's words dropped: the model replied with no text"))
                .filter(line -> kept(line.length() <= MAX_STUDY_QUERY,
                        "Query rewrite into the study's words dropped: %d characters, more than %d".formatted(line.length(), MAX_STUDY_QUERY)));
    }

    /**
     * One short prompt under the rewrite's own limits (token cap, time limit), the whole reply at once; a reply longer
     * than {@code maxChars} fails as soon as it gets there, which the caller logs.
     */
    private Mono<String> shortReply(String prompt, int maxChars) {
        return stream.shortReply(model.model().orElseThrow(), List.of(UserMessage.from(prompt)), limits.rewriteMaxTokens(),
                maxChars, limits.rewriteTimeout()).map(String::strip);
    }

    /** {@code keep}, with a warning when a rewrite is dropped: the answer then searches the question alone. */
    private static boolean kept(boolean keep, String warning) {
        if (!keep) log.warn(warning);
        return keep;
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
