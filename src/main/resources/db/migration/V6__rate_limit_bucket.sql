-- Token buckets of the rate limit, shared by all instances on one PostgreSQL (Bucket4j's format: the bucket's
-- configuration and state in one binary value). Only PostgreSQL deployments write here; with H2 the buckets stay in
-- the memory of the one process. The id is the quota's name and a hash of the client network (IPv4 address or IPv6
-- /64), never more of the client; a row is deleted once its bucket is full again (expires_at, milliseconds since the epoch).
CREATE TABLE rate_limit_bucket (
    id         VARCHAR(100) NOT NULL,
    state      BYTEA,
    expires_at BIGINT,
    CONSTRAINT rate_limit_bucket_pk PRIMARY KEY (id)
);

CREATE INDEX rate_limit_bucket_expires_at ON rate_limit_bucket (expires_at);
