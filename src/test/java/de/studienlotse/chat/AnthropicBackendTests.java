package de.studienlotse.chat;

import org.junit.jupiter.api.AfterAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import de.studienlotse.llm.FakeLlmServer;
import de.studienlotse.llm.FakeLlmServer.Protocol;

/** The app with {@code provider=anthropic}: the messages API streamed as named SSE events. */
class AnthropicBackendTests extends LlmBackendContract {

    static final FakeLlmServer SERVER = FakeLlmServer.start(Protocol.ANTHROPIC, "claude-e2e-test");

    AnthropicBackendTests() {
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
