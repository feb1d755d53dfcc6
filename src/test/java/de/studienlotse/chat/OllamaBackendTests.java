package de.studienlotse.chat;

import org.junit.jupiter.api.AfterAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import de.studienlotse.llm.FakeLlmServer;
import de.studienlotse.llm.FakeLlmServer.Protocol;

/** The app with {@code provider=ollama}: {@code /api/chat} streamed as NDJSON, one JSON object per line. */
class OllamaBackendTests extends LlmBackendContract {

    static final FakeLlmServer SERVER = FakeLlmServer.start(Protocol.OLLAMA, "llama3.1:8b-e2e");

    OllamaBackendTests() {
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
