package de.studienlotse.answer;

import static org.assertj.core.api.Assertions.assertThat;

import de.studienlotse.llm.FakeLlmServer;
import de.studienlotse.llm.FakeModel;
import de.studienlotse.llm.FakeLlmServer.Protocol;
import de.studienlotse.llm.FakeLlmServer.RecordedRequest;
import de.studienlotse.search.Concept;
import de.studienlotse.search.PassageIndex;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The rewrite of a question into the study's words, with OpenAI's real client against a fake model server: the
 * rewrite is searched beside the question, and a failing rewrite leaves the question's own search.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {"studienlotse.llm.api-key=sk-test-rewrite-0000", "studienlotse.llm.first-token-timeout=5s",
                "studienlotse.llm.timeout=10s"})
@FakeModel(value = Protocol.OPENAI, model = "rewrite-test")
class StudyQueryTests {

    /** Everyday words: the index finds the minutes-writing case K2 for them, not the planning cases P1..P4. */
    static final String QUESTION = "Wer hat die Dienstpläne mit Software austüfteln lassen?";
    static final String STUDY_QUERY = "Personaleinsatzplanung Kapazitätsplanung";
    static final String ANSWER = "Laut der Studie plante ein Unternehmen so seine Kapazitäten [1].";

    @Autowired
    FakeLlmServer server;

    @Autowired
    AnswerService answers;

    @Autowired
    QuestionAnalyzer analyzer;

    @Autowired
    SourceSelector selector;

    @Autowired
    PassageIndex index;

    String promptLine;

    @BeforeEach
    void reset() throws IOException {
        server.reset();
        promptLine = Files.readString(Path.of("prompts/query-study-vocabulary.md"), StandardCharsets.UTF_8).lines()
                .findFirst().orElseThrow();
    }

    @Test
    void should_send_the_concept_names_and_find_the_planning_cases_by_the_rewrite() {
        // given
        server.answersPromptsContaining(promptLine, STUDY_QUERY).streams(ANSWER);
        List<String> offline = offlineSources(QUESTION);
        assertThat(offline.getFirst()).as("the question's own words miss the planning cases").doesNotStartWith("P");

        // when
        Streamed answer = stream(QUESTION);
        RecordedRequest rewrite = server.takeRoutedRequest();

        // then: the prompt names the study's concepts and carries the question
        String prompt = String.join("\n", rewrite.texts());
        assertThat(prompt).contains(promptLine, "Frage: " + QUESTION);
        assertThat(index.concepts().all()).isNotEmpty()
                .allSatisfy(concept -> assertThat(prompt).contains("- " + concept.nameDe()));
        assertThat(index.concepts().all().stream().map(Concept::id)).noneMatch(prompt::contains);
        // the rewrite's hits lead, the question's own are fused in
        assertThat(answer.sourceCases().getFirst()).startsWith("P");
        assertThat(answer.sourceCases()).contains("P1", "P3");
        assertThat(answer.sourceIds()).isNotEqualTo(offline);
        assertThat(answer.done().text()).isEqualTo(ANSWER);
        assertThat(answer.done().notice()).isNull();
        // the answer prompt keeps the user's question: the rewrite is for the search only
        String answerPrompt = String.join("\n", server.takeRequest().texts());
        assertThat(answerPrompt).contains("Frage: " + QUESTION).doesNotContain(STUDY_QUERY);
    }

    @Test
    void should_search_the_question_alone_and_still_answer_when_the_rewrite_fails() {
        // given
        server.failsPromptsContaining(promptLine, 500).streams(ANSWER);

        // when
        Streamed answer = stream(QUESTION);

        // then
        assertThat(server.takeRoutedRequest().texts()).anySatisfy(text -> assertThat(text).contains(promptLine));
        assertThat(answer.sourceIds()).isEqualTo(offlineSources(QUESTION));
        assertThat(answer.done().text()).isEqualTo(ANSWER);
        assertThat(answer.done().backend()).isEqualTo("openai:rewrite-test");
        assertThat(answer.done().notice()).isNull();
    }

    @Test
    void should_search_the_question_alone_when_the_rewrite_is_no_query() {
        // given: a reply far longer than a search query is an answer, not a rewrite
        server.answersPromptsContaining(promptLine, "Personaleinsatzplanung ".repeat(40)).streams(ANSWER);

        // when
        Streamed answer = stream(QUESTION);

        // then
        assertThat(server.routedRequestCount()).isEqualTo(1);
        assertThat(answer.sourceIds()).isEqualTo(offlineSources(QUESTION));
        assertThat(answer.done().text()).isEqualTo(ANSWER);
    }

    @Test
    void should_rewrite_the_standalone_question_of_a_follow_up() {
        // given: the follow-up rewrite gets the main script, the rewrite into the study's words its route
        String standalone = "Wie lange hat die Einführung bei P3 gedauert?";
        server.answersPromptsContaining(promptLine, "Dauer der Einführung P3").streams(standalone);
        List<Turn> history = List.of(new Turn(Turn.Role.USER, "Was macht P3?"),
                new Turn(Turn.Role.ASSISTANT, "P3 wertet Kunden- und Nutzungsdaten aus [1]."));

        // when
        answers.stream(new AnswerRequest("Und wie lange hat das dort gedauert?", history, null, null))
                .collectList().block(Duration.ofSeconds(20));

        // then
        assertThat(String.join("\n", server.takeRoutedRequest().texts())).contains("Frage: " + standalone)
                .doesNotContain("dort gedauert");
    }

    private List<String> offlineSources(String question) {
        return selector.select(analyzer.analyze(AnswerRequest.of(question))).sources().stream()
                .map(s -> s.passage().id()).toList();
    }

    private Streamed stream(String question) {
        return new Streamed(answers.stream(AnswerRequest.of(question)).collectList().block(Duration.ofSeconds(20)));
    }

    record Streamed(List<AnswerEvent> events) {

        List<Citation> sources() {
            return events.stream().filter(e -> e instanceof AnswerEvent.Sources).map(e -> ((AnswerEvent.Sources) e).sources())
                    .findFirst().orElseThrow();
        }

        List<String> sourceIds() {
            return sources().stream().map(Citation::passageId).toList();
        }

        List<String> sourceCases() {
            return sources().stream().map(c -> c.caseId() == null ? "study" : c.caseId()).toList();
        }

        Answer done() {
            return events.stream().filter(e -> e instanceof AnswerEvent.Done).map(e -> ((AnswerEvent.Done) e).answer())
                    .findFirst().orElseThrow();
        }
    }
}
