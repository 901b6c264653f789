-- A form post that carried its page's one-time token (web/SubmittedOnce): a second post of the same rendered form
-- with the same content (a double click on "Kirim", Enter pressed twice on a slow network) is answered as the first
-- was, and nothing is done twice. The key is a SHA-256 of the form's path, token and content: no text is kept.
-- done: the first post's action finished (location: where it sent the browser, a path of this service).
-- Rows older than a day are deleted as new ones are claimed.
CREATE TABLE submitted_form (
    submission_key bytea PRIMARY KEY,
    done boolean NOT NULL DEFAULT false,
    location text,
    submitted_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX submitted_form_submitted_at ON submitted_form (submitted_at);
