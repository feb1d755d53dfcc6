package de.studienlotse.chat;

import de.studienlotse.llm.FakeLlmServer.Protocol;
import de.studienlotse.llm.FakeModel;

/** The app with {@code provider=openai}: chat completions streamed as SSE, as OpenAI, vLLM and LM Studio send them. */
@FakeModel(value = Protocol.OPENAI, model = "studienlotse-gpt-test")
class OpenAiBackendTests extends LlmBackendContract {
}
