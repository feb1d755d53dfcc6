package de.studienlotse.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import de.studienlotse.llm.FakeLlmServer.Protocol;
import de.studienlotse.llm.FakeLlmServer.RecordedRequest;
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
            ConfiguredModel configuredModel = context.getBean(ConfiguredModel.class);
            assertThat(configuredModel.isPresent()).isFalse();
            assertThat(configuredModel.backendName()).isEqualTo("extractive");
        });
    }

    @Test
    void should_fail_at_startup_with_analysis_when_anthropic_has_no_api_key() {
        runner.withPropertyValues("studienlotse.llm.provider=anthropic", "studienlotse.llm.api-key=").run(context -> {
            // when
            FailureAnalysis analysis = new LlmFailureAnalyzer().analyze(context.getStartupFailure());

            // then
            assertThat(context).hasFailed();
            assertThat(analysis.getDescription()).contains("studienlotse.llm.provider=anthropic", "needs an API key");
            assertThat(analysis.getAction()).contains("STUDIENLOTSE_LLM_API_KEY");
        });
    }

    @Test
    void should_fail_at_startup_with_analysis_when_openai_cloud_has_no_api_key() {
        runner.withPropertyValues("studienlotse.llm.provider=openai").run(context -> {
            // when
            FailureAnalysis analysis = new LlmFailureAnalyzer().analyze(context.getStartupFailure());

            // then
            assertThat(context).hasFailed();
            assertThat(analysis.getDescription()).contains("api.openai.com", "needs an API key");
        });
    }

    @Test
    void should_fail_at_startup_with_analysis_when_local_server_has_no_model_name() {
        runner.withPropertyValues("studienlotse.llm.provider=openai", "studienlotse.llm.base-url=http://localhost:8080/v1")
                .run(context -> {
                    // when
                    FailureAnalysis analysis = new LlmFailureAnalyzer().analyze(context.getStartupFailure());

                    // then: no silent gpt-4o-mini to a llama.cpp server
                    assertThat(context).hasFailed();
                    assertThat(analysis.getDescription()).contains("http://localhost:8080/v1", "no model name");
                    assertThat(analysis.getAction()).contains("STUDIENLOTSE_LLM_MODEL");
                });
    }

    @Test
    void should_fail_at_startup_with_analysis_when_provider_is_unknown() {
        runner.withPropertyValues("studienlotse.llm.provider=mistral").run(context -> {
            // when
            FailureAnalysis analysis = new LlmFailureAnalyzer().analyze(context.getStartupFailure());

            // then
            assertThat(context).hasFailed();
            assertThat(analysis.getDescription()).contains("studienlotse.llm.provider=mistral");
            assertThat(analysis.getAction()).contains("STUDIENLOTSE_LLM_PROVIDER", "extractive, openai, ollama, anthropic");
        });
    }

    @Test
    void should_fail_at_startup_with_analysis_when_base_url_is_no_url() {
        runner.withPropertyValues("studienlotse.llm.provider=ollama", "studienlotse.llm.base-url=localhost:11434",
                "studienlotse.llm.model=llama3.1").run(context -> {
            // when
            FailureAnalysis analysis = new LlmFailureAnalyzer().analyze(context.getStartupFailure());

            // then
            assertThat(context).hasFailed();
            assertThat(analysis.getDescription()).contains("not an http(s) URL");
            assertThat(analysis.getAction()).contains("STUDIENLOTSE_LLM_BASE_URL");
        });
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void should_print_description_and_action_without_stack_trace_when_start_up_fails(CapturedOutput output) {
        // given
        SpringApplicationBuilder application = new SpringApplicationBuilder(BindProperties.class, LlmConfiguration.class)
                .web(WebApplicationType.NONE);

        // when: as arguments, which application.yml does not override
        assertThatThrownBy(() -> application.run("--studienlotse.llm.provider=openai",
                "--studienlotse.llm.base-url=http://127.0.0.1:8000/v1")).isNotNull();

        // then
        assertThat(output.getOut() + output.getErr())
                .contains("APPLICATION FAILED TO START", "Description:", "has no model name", "Action:", "STUDIENLOTSE_LLM_MODEL")
                .doesNotContain("\tat de.studienlotse", "\tat org.springframework");
    }

    @Test
    void should_name_provider_base_url_and_model_in_one_start_up_line_without_the_key() {
        // given
        LlmProperties properties = new LlmProperties(LlmProperties.Provider.OPENAI, "http://user:pw@127.0.0.1:8000/v1",
                "qwen2.5-7b-instruct", "lokal-geheim-4711-abcdef", null, null, 0.1, 1024);

        // when
        String line = LlmConfiguration.startupLine(properties);

        // then
        assertThat(line).isEqualTo("Language model: provider openai, base URL http://127.0.0.1:8000/v1, model qwen2.5-7b-instruct, API key set");
        assertThat(LlmConfiguration.startupLine(new LlmProperties(null, null, null, null, null, null, 0.1, 1024)))
                .startsWith("Language model: none");
    }

    @Test
    void should_stream_from_keyless_openai_compatible_local_server() {
        try (FakeLlmServer vllm = FakeLlmServer.start(Protocol.OPENAI)) {
            // given
            vllm.streams("Acht ", "Fallstudien.");

            runner.withPropertyValues("studienlotse.llm.provider=openai", "studienlotse.llm.base-url=" + vllm.baseUrl(),
                    "studienlotse.llm.model=qwen2.5-7b-instruct").run(context -> {
                assertThat(context).hasNotFailed();
                ConfiguredModel configuredModel = context.getBean(ConfiguredModel.class);

                // when
                String reply = context.getBean(ModelStream.class)
                        .complete(configuredModel.model().orElseThrow(), List.of(UserMessage.from("Wie viele Fälle?")))
                        .block(Duration.ofSeconds(5));

                // then
                assertThat(configuredModel.backendName()).isEqualTo("openai:qwen2.5-7b-instruct");
                assertThat(reply).isEqualTo("Acht Fallstudien.");
                RecordedRequest request = vllm.takeRequest();
                assertThat(request.json().path("model").asString()).isEqualTo("qwen2.5-7b-instruct");
                assertThat(request.header("Authorization")).isNull();
            });
        }
    }

    @Test
    void should_bind_limits_and_name_backend_after_provider_and_model() {
        runner.withPropertyValues("studienlotse.llm.provider=ollama", "studienlotse.llm.model=llama3.1",
                "studienlotse.llm.first-token-timeout=5s", "studienlotse.llm.idle-timeout=3s", "studienlotse.llm.rewrite-timeout=4s",
                "studienlotse.llm.rewrite-max-tokens=64",
                "studienlotse.llm.timeout=2m", "studienlotse.llm.max-tokens=512").run(context -> {
            // then
            assertThat(context).hasNotFailed();
            LlmProperties properties = context.getBean(LlmProperties.class);
            assertThat(properties.firstTokenTimeout()).isEqualTo(Duration.ofSeconds(5));
            assertThat(properties.timeout()).isEqualTo(Duration.ofMinutes(2));
            assertThat(properties.maxTokens()).isEqualTo(512);
            assertThat(properties.idleTimeout()).isEqualTo(Duration.ofSeconds(3));
            assertThat(properties.rewriteTimeout()).isEqualTo(Duration.ofSeconds(4));
            assertThat(properties.rewriteMaxTokens()).isEqualTo(64);
            assertThat(properties.temperature()).isEqualTo(0.1);
            assertThat(context.getBean(ConfiguredModel.class).backendName()).isEqualTo("ollama:llama3.1");
            assertThat(context.getBean(ConfiguredModel.class).isPresent()).isTrue();
        });
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(LlmProperties.class)
    static class BindProperties {
    }
}
