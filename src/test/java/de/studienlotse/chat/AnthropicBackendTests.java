package de.studienlotse.chat;

import org.junit.jupiter.api.AfterAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import de.studienlotse.llm.FakeLlmServer;
import de.studienlotse.llm.FakeLlmServer.Protocol;

/** The app with {@code provider=anthropic}: the messages API streamed as named SSE events. */
class AnthropicBackendTests extends LlmBackendContract {

    static final String MODEL = "claude-e2e-test";
    static final FakeLlmServer SERVER = FakeLlmServer.start(Protocol.ANTHROPIC);

    @DynamicPropertySource
    static void llm(DynamicPropertyRegistry registry) {
        pointAt(registry, "anthropic", SERVER, MODEL);
    }

    @AfterAll
    static void stopServer() {
        SERVER.close();
    }

    @Override
    FakeLlmServer server() {
        return SERVER;
    }

    @Override
    String provider() {
        return "anthropic";
    }

    @Override
    String model() {
        return MODEL;
    }

    @Override
    String chatPath() {
        return "/v1/messages";
    }
}
