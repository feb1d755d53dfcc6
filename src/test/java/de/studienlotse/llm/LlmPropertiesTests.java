package de.studienlotse.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import de.studienlotse.llm.LlmProperties.Provider;

class LlmPropertiesTests {

    @Test
    void should_default_base_url_and_model_per_provider() {
        // when
        LlmProperties openAi = properties(Provider.OPENAI, " ", null, null);
        LlmProperties ollama = properties(Provider.OLLAMA, null, "", null);
        LlmProperties anthropic = properties(Provider.ANTHROPIC, null, null, "sk-ant-xyz");

        // then
        assertThat(openAi.baseUrl()).isEqualTo("https://api.openai.com/v1");
        assertThat(openAi.model()).isEqualTo("gpt-4o-mini");
        assertThat(ollama.baseUrl()).isEqualTo("http://localhost:11434");
        assertThat(ollama.model()).as("a local server has no default model").isNull();
        assertThat(anthropic.baseUrl()).isEqualTo("https://api.anthropic.com/v1/");
        assertThat(anthropic.model()).startsWith("claude-");
    }

    @Test
    void should_keep_configured_base_url_and_model() {
        // when
        LlmProperties vllm = properties(Provider.OPENAI, " http://localhost:8000/v1 ", "Qwen/Qwen2.5-7B-Instruct", null);

        // then
        assertThat(vllm.baseUrl()).isEqualTo("http://localhost:8000/v1");
        assertThat(vllm.model()).isEqualTo("Qwen/Qwen2.5-7B-Instruct");
    }

    @Test
    void should_default_the_model_only_for_the_providers_cloud() {
        // when
        LlmProperties local = properties(Provider.OPENAI, "http://localhost:8080/v1", null, null);
        LlmProperties proxy = properties(Provider.ANTHROPIC, "https://llm-gateway.example.org/v1/", " ", "key-123456789");
        LlmProperties cloud = properties(Provider.OPENAI, "https://api.openai.com/v1", null, "key-123456789");

        // then: never gpt-4o-mini to a llama.cpp server
        assertThat(local.model()).isNull();
        assertThat(local.hasModel()).isFalse();
        assertThat(proxy.model()).isNull();
        assertThat(cloud.model()).isEqualTo("gpt-4o-mini");
        assertThat(cloud.isCloud()).isTrue();
    }

    @Test
    void should_keep_api_key_out_of_to_string() {
        // when
        LlmProperties properties = properties(Provider.ANTHROPIC, null, null, "sk-ant-geheim-123456");

        // then
        assertThat(properties.toString()).doesNotContain("geheim").contains("apiKey=***");
        assertThat(properties.apiKey()).isEqualTo("sk-ant-geheim-123456");
    }

    @Test
    void should_treat_blank_api_key_as_missing() {
        // when: what ${STUDIENLOTSE_LLM_API_KEY:} gives when the variable is unset
        LlmProperties properties = properties(Provider.OPENAI, null, null, "");

        // then
        assertThat(properties.hasApiKey()).isFalse();
        assertThat(properties.apiKey()).isNull();
    }

    @Test
    void should_fall_back_to_extractive_and_default_timeouts() {
        // when
        LlmProperties properties = new LlmProperties(null, null, null, null, null, null, 0.1, 1024);

        // then
        assertThat(properties.provider()).isEqualTo(Provider.EXTRACTIVE);
        assertThat(properties.timeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(properties.firstTokenTimeout()).isEqualTo(Duration.ofSeconds(20));
    }

    @Test
    void should_reject_limits_that_cannot_work() {
        assertThatThrownBy(() -> new LlmProperties(Provider.OLLAMA, null, null, null, Duration.ZERO, null, 0.1, 1024))
                .hasMessageContaining("timeout");
        assertThatThrownBy(() -> new LlmProperties(Provider.OLLAMA, null, null, null, null, null, 0.1, 0))
                .hasMessageContaining("maxTokens");
        assertThatThrownBy(() -> new LlmProperties(Provider.OLLAMA, null, null, null, null, null, 7, 1024))
                .hasMessageContaining("temperature");
    }

    private static LlmProperties properties(Provider provider, String baseUrl, String model, String apiKey) {
        return new LlmProperties(provider, baseUrl, model, apiKey, null, null, 0.1, 1024);
    }
}
