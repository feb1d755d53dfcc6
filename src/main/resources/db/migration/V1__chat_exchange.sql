-- Every finished answer, so that feedback on it can keep a snapshot of what the user saw.
-- Kept for studienlotse.chat.exchange-retention (README: "Daten und Datenschutz"); nothing about the client (no IP address).
-- Plain SQL that H2 and PostgreSQL both run; VARCHAR without a length is unbounded in both.
CREATE TABLE chat_exchange (
    message_id      VARCHAR(64)              NOT NULL,
    conversation_id VARCHAR(100)             NOT NULL,
    question        VARCHAR                  NOT NULL,
    answer          VARCHAR                  NOT NULL,
    citations       VARCHAR                  NOT NULL, -- JSON array of de.studienlotse.answer.Citation
    backend         VARCHAR(200)             NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT chat_exchange_pk PRIMARY KEY (message_id)
);

CREATE INDEX chat_exchange_created_at ON chat_exchange (created_at);
