-- Consultation briefs of the advisors (role ADVISOR), one row per brief. The brief is stored whole as JSON: the client
-- profile the advisor typed, the items with their citations (the study's passages, copied in, so a brief stays
-- readable when the corpus changes), the notes. Only its owner reads or changes it; no one else's name is stored.
CREATE TABLE advisor_brief (
    id          VARCHAR(36)              NOT NULL,
    owner       VARCHAR(100)             NOT NULL,
    title       VARCHAR(500)             NOT NULL,
    body        VARCHAR                  NOT NULL, -- JSON of de.studienlotse.advisor.Brief
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT advisor_brief_pk PRIMARY KEY (id)
);

CREATE INDEX advisor_brief_owner ON advisor_brief (owner, updated_at);
