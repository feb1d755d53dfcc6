package de.studienlotse.chat;

import de.studienlotse.llm.FakeLlmServer.Protocol;
import de.studienlotse.llm.FakeModel;

/** The app with {@code provider=ollama}: {@code /api/chat} streamed as NDJSON, one JSON object per line. */
@FakeModel(value = Protocol.OLLAMA, model = "llama3.1:8b-e2e")
class OllamaBackendTests extends LlmBackendContract {
}
