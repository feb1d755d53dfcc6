package de.studienlotse.chat;

import org.junit.jupiter.api.AfterAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import de.studienlotse.llm.FakeLlmServer;
import de.studienlotse.llm.FakeLlmServer.Protocol;

/** The app with {@code provider=openai}: chat completions streamed as SSE, as OpenAI, vLLM and LM Studio send them. */
class OpenAiBackendTests extends LlmBackendContract {

    static final FakeLlmServer SERVER = FakeLlmServer.start(Protocol.OPENAI, "studienlotse-gpt-test");

    OpenAiBackendTests() {
        super(SERVER);
    }

    @DynamicPropertySource
    static void llm(DynamicPropertyRegistry registry) {
        pointAt(registry, SERVER);
    }

    @AfterAll
    static void stopServer() {
        SERVER.close();
    }
}
