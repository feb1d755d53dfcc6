package de.studienlotse.chat;

import de.studienlotse.llm.FakeLlmServer.Protocol;
import de.studienlotse.llm.FakeModel;

/** The app with {@code provider=anthropic}: the messages API streamed as named SSE events. */
@FakeModel(value = Protocol.ANTHROPIC, model = "claude-e2e-test")
class AnthropicBackendTests extends LlmBackendContract {
}
