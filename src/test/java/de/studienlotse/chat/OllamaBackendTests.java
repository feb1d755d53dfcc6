package de.studienlotse.chat;

import org.junit.jupiter.api.AfterAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import de.studienlotse.llm.FakeLlmServer;
import de.studienlotse.llm.FakeLlmServer.Protocol;

/** The app with {@code provider=ollama}: {@code /api/chat} streamed as NDJSON, one JSON object per line. */
class OllamaBackendTests extends LlmBackendContract {

    static final String MODEL = "llama3.1:8b-e2e";
    static final FakeLlmServer SERVER = FakeLlmServer.start(Protocol.OLLAMA);

    @DynamicPropertySource
    static void llm(DynamicPropertyRegistry registry) {
        pointAt(registry, "ollama", SERVER, MODEL);
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
        return "ollama";
    }

    @Override
    String model() {
        return MODEL;
    }

    @Override
    String chatPath() {
        return "/api/chat";
    }
}
