package de.studienlotse.advisor;

import static org.assertj.core.api.Assertions.assertThat;

import de.studienlotse.answer.llm.LanguageModel;
import de.studienlotse.answer.llm.ModelStream;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class BriefSummarizerTests {

    private static final Brief BRIEF = new BriefAssembler(Fixtures.study(), Fixtures.index(), Fixtures.mapping(),
            new ConcernMatcher(Fixtures.study(), Fixtures.index(), Fixtures.mapping()),
            StudyAggregates.compute(Fixtures.study(), Fixtures.mapping()))
            .assemble(new ClientProfile(null, null, "Buchhaltung", List.of("Datenschutz", "Barrierefreiheit"), null),
                    Instant.parse("2026-11-26T10:00:00Z"));
    private static final ModelStream STREAM = new ModelStream(Duration.ofSeconds(5), Duration.ofSeconds(10));

    @Test
    void should_keep_only_markers_of_given_sources_and_renumber_them_first() {
        // given: a model citing source 2, a source it was not given (the last footnote) and one that does not exist
        int last = BRIEF.citations().size();
        AtomicReference<String> prompt = new AtomicReference<>();
        StreamingChatModel model = scripted("B-Fälle ähneln dem Betrieb [2]. Dazu kommt [" + last + "]. Und [999].", prompt);
        BriefSummarizer summarizer = new BriefSummarizer(new LanguageModel(Optional.of(model), "test:scripted"), STREAM,
                "classpath:prompts/");

        // when
        Brief summarized = summarizer.summarize(BRIEF).block(Duration.ofSeconds(10));

        // then: [2] survives and, being read first now, becomes [1]; the others are gone
        assertThat(summarized.summary().text()).isEqualTo("B-Fälle ähneln dem Betrieb [1]. Dazu kommt. Und.");
        assertThat(summarized.summary().backend()).isEqualTo("test:scripted");
        assertThat(summarized.citations().getFirst().passageId()).isEqualTo(BRIEF.citations().get(1).passageId());
        assertThat(prompt.get()).contains("[2] Fall").contains("Barrierefreiheit").doesNotContain("[" + last + "] Fall");
    }

    @Test
    void should_drop_a_summary_without_valid_citation() {
        StreamingChatModel model = scripted("Alles wird gut.", new AtomicReference<>());
        BriefSummarizer summarizer = new BriefSummarizer(new LanguageModel(Optional.of(model), "test:scripted"), STREAM,
                "classpath:prompts/");

        assertThat(summarizer.summarize(BRIEF).block(Duration.ofSeconds(10)).summary()).isNull();
    }

    @Test
    void should_leave_the_brief_alone_without_a_model() {
        BriefSummarizer offline = new BriefSummarizer(LanguageModel.extractive(), STREAM, "classpath:prompts/");

        assertThat(offline.summarize(BRIEF).block()).isSameAs(BRIEF);
    }

    private static StreamingChatModel scripted(String reply, AtomicReference<String> prompt) {
        return new StreamingChatModel() {
            @Override
            public void doChat(ChatRequest request, StreamingChatResponseHandler handler) {
                ChatMessage user = request.messages().getLast();
                prompt.set(((UserMessage) user).singleText());
                handler.onPartialResponse(reply);
                handler.onCompleteResponse(ChatResponse.builder().aiMessage(AiMessage.from(reply)).build());
            }
        };
    }
}
