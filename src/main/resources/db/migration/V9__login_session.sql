-- Browser logins of the team (form login at /login), shared by every instance on this database, so a load balancer
-- need not send a browser back to the instance it logged in on. One row per session; logout deletes it, so every
-- instance sees the logout at once. The session id (cookie SESSION) is stored only as its SHA-256 hash: someone who
-- reads the table cannot take over a login with it. attributes holds the login (user name and roles), the CSRF token
-- and the page to return to after the login, as JSON (de.studienlotse.web.LoginSessionAttributes). Rows past
-- expires_at are ignored at once and deleted every few minutes.
CREATE TABLE login_session (
    id_hash          VARCHAR(64)              NOT NULL,
    principal_name   VARCHAR(200),
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    last_accessed_at TIMESTAMP WITH TIME ZONE NOT NULL,
    max_idle_seconds BIGINT                   NOT NULL,
    expires_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    attributes       VARCHAR                  NOT NULL,
    CONSTRAINT login_session_pk PRIMARY KEY (id_hash)
);

CREATE INDEX login_session_expires_at ON login_session (expires_at);
