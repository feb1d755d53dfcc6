-- The server's conversation memory (LangChain4j ChatMemoryStore): the last turns of each conversation as JSON.
-- One row per conversation, replaced as a whole, so a write is never partial. Rows idle longer than
-- studienlotse.chat.memory-ttl are ignored and deleted; with studienlotse.chat.store-conversations=false nothing is written.
CREATE TABLE chat_conversation (
    conversation_id VARCHAR(100)             NOT NULL,
    messages        VARCHAR                  NOT NULL, -- LangChain4j ChatMessageSerializer JSON
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT chat_conversation_pk PRIMARY KEY (conversation_id)
);

CREATE INDEX chat_conversation_updated_at ON chat_conversation (updated_at);
