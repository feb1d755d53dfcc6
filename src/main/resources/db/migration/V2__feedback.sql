-- One rating per answer and client (the widget's random client id, no IP address), changeable.
-- The answer is copied in (question, answer, citations, backend), so the rating stays readable after the corpus,
-- the prompts or the exchange log change; feedback itself is kept until the team deletes it.
CREATE TABLE feedback (
    message_id      VARCHAR(64)              NOT NULL,
    client_id       VARCHAR(100)             NOT NULL,
    rating          VARCHAR(4)               NOT NULL,
    reasons         VARCHAR                  NOT NULL, -- JSON array of strings
    comment_text    VARCHAR,
    conversation_id VARCHAR(100)             NOT NULL,
    question        VARCHAR                  NOT NULL,
    answer          VARCHAR                  NOT NULL,
    citations       VARCHAR                  NOT NULL, -- JSON array of de.studienlotse.answer.Citation
    backend         VARCHAR(200)             NOT NULL,
    answered_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT feedback_pk PRIMARY KEY (message_id, client_id),
    CONSTRAINT feedback_rating CHECK (rating IN ('up', 'down'))
);

CREATE INDEX feedback_updated_at ON feedback (updated_at);
