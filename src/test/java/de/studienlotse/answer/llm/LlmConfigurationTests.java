package de.studienlotse.answer.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import de.studienlotse.answer.llm.FakeLlmServer.Protocol;
import de.studienlotse.answer.llm.FakeLlmServer.RecordedRequest;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.StreamingChatModel;

class LlmConfigurationTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(BindProperties.class, LlmConfiguration.class);

    @Test
    void should_create_no_model_for_extractive() {
        runner.run(context -> {
            // then
            assertThat(context).hasNotFailed().doesNotHaveBean(StreamingChatModel.class).hasSingleBean(ModelStream.class);
            LanguageModel languageModel = context.getBean(LanguageModel.class);
            assertThat(languageModel.isPresent()).isFalse();
            assertThat(languageModel.backendName()).isEqualTo("extractive");
        });
    }

    @Test
    void should_fail_at_startup_when_anthropic_has_no_api_key() {
        runner.withPropertyValues("studienlotse.llm.provider=anthropic", "studienlotse.llm.api-key=").run(context -> {
            // then
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                    .hasMessageContaining("studienlotse.llm.provider=anthropic")
                    .hasMessageContaining("needs an API key")
                    .hasMessageContaining("STUDIENLOTSE_LLM_API_KEY");
        });
    }

    @Test
    void should_fail_at_startup_when_openai_cloud_has_no_api_key() {
        runner.withPropertyValues("studienlotse.llm.provider=openai").run(context -> {
            // then
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                    .hasMessageContaining("api.openai.com")
                    .hasMessageContaining("needs an API key");
        });
    }

    @Test
    void should_stream_from_keyless_openai_compatible_local_server() {
        try (FakeLlmServer vllm = FakeLlmServer.start(Protocol.OPENAI)) {
            // given
            vllm.streams("Acht ", "Fallstudien.");

            runner.withPropertyValues("studienlotse.llm.provider=openai", "studienlotse.llm.base-url=" + vllm.baseUrl(),
                    "studienlotse.llm.model=qwen2.5-7b-instruct").run(context -> {
                assertThat(context).hasNotFailed();
                LanguageModel languageModel = context.getBean(LanguageModel.class);

                // when
                String reply = context.getBean(ModelStream.class)
                        .complete(languageModel.model().orElseThrow(), List.of(UserMessage.from("Wie viele Fälle?")))
                        .block(Duration.ofSeconds(5));

                // then
                assertThat(languageModel.backendName()).isEqualTo("openai:qwen2.5-7b-instruct");
                assertThat(reply).isEqualTo("Acht Fallstudien.");
                RecordedRequest request = vllm.takeRequest();
                assertThat(request.json().path("model").asString()).isEqualTo("qwen2.5-7b-instruct");
                assertThat(request.header("Authorization")).isNull();
            });
        }
    }

    @Test
    void should_bind_limits_and_name_backend_after_provider_and_model() {
        runner.withPropertyValues("studienlotse.llm.provider=ollama", "studienlotse.llm.first-token-timeout=5s",
                "studienlotse.llm.timeout=2m", "studienlotse.llm.max-tokens=512").run(context -> {
            // then
            assertThat(context).hasNotFailed();
            LlmProperties properties = context.getBean(LlmProperties.class);
            assertThat(properties.firstTokenTimeout()).isEqualTo(Duration.ofSeconds(5));
            assertThat(properties.timeout()).isEqualTo(Duration.ofMinutes(2));
            assertThat(properties.maxTokens()).isEqualTo(512);
            assertThat(properties.temperature()).isEqualTo(0.1);
            assertThat(context.getBean(LanguageModel.class).backendName()).isEqualTo("ollama:llama3.1");
            assertThat(context.getBean(LanguageModel.class).isPresent()).isTrue();
        });
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(LlmProperties.class)
    static class BindProperties {
    }
}
