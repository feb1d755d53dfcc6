-- Evaluation runs started from the evaluators' workbench (/werkbank), and the evaluators' ratings of their answers.
-- A run keeps its whole report (de.studienlotse.evaluation.RunReport) and the answers behind it as JSON: both are
-- small (a few hundred kB for the whole gold set) and only ever read whole.
CREATE TABLE evaluation_run (
    id          VARCHAR(36)              NOT NULL,
    status      VARCHAR(10)              NOT NULL,
    started_by  VARCHAR(100)             NOT NULL,
    backend     VARCHAR(200),
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at TIMESTAMP WITH TIME ZONE,
    error       VARCHAR,
    summary     VARCHAR, -- JSON object: headline metrics
    report      VARCHAR, -- JSON: RunReport
    answers     VARCHAR, -- JSON array: EvaluationRunner.AnsweredQuestion
    CONSTRAINT evaluation_run_pk PRIMARY KEY (id),
    CONSTRAINT evaluation_run_status CHECK (status IN ('running', 'done', 'failed'))
);

CREATE INDEX evaluation_run_created_at ON evaluation_run (created_at);

-- One rating per run, question and evaluator (the login name), changeable.
CREATE TABLE evaluation_rating (
    run_id        VARCHAR(36)              NOT NULL,
    question_id   VARCHAR(64)              NOT NULL,
    evaluator     VARCHAR(100)             NOT NULL,
    question      VARCHAR                  NOT NULL, -- copied from the run, for exports
    correctness   INTEGER                  NOT NULL,
    groundedness  INTEGER                  NOT NULL,
    helpfulness   INTEGER                  NOT NULL,
    comment_text  VARCHAR,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT evaluation_rating_pk PRIMARY KEY (run_id, question_id, evaluator),
    CONSTRAINT evaluation_rating_run FOREIGN KEY (run_id) REFERENCES evaluation_run (id) ON DELETE CASCADE,
    CONSTRAINT evaluation_rating_scores CHECK (correctness BETWEEN 1 AND 5 AND groundedness BETWEEN 1 AND 5
        AND helpfulness BETWEEN 1 AND 5)
);
