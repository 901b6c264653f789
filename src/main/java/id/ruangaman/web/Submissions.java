package id.ruangaman.web;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;

/**
 * The {@code submitted_form} rows of {@link SubmittedOnce}, each statement committed on its own (autocommit): a claim
 * must be seen by a second post at once, before the first post's action is done.
 */
@ApplicationScoped
class Submissions {

    /** What a claim found: this post may act, or the first post is done (and sent the browser to location), or still acting. */
    record Claim(boolean claimed, boolean done, String location) {
    }

    private final AgroalDataSource data;

    Submissions(AgroalDataSource data) {
        this.data = data;
    }

    /** Claims the key; when another post holds it, what that post has come to (null: released meanwhile, claim again). */
    Claim claim(byte[] key) throws SQLException {
        try (Connection c = data.getConnection()) {
            c.setAutoCommit(true);
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO submitted_form (submission_key) VALUES (?) ON CONFLICT DO NOTHING")) {
                insert.setBytes(1, key);
                if (insert.executeUpdate() == 1) {
                    try (PreparedStatement purge = c.prepareStatement(
                            "DELETE FROM submitted_form WHERE submitted_at < now() - interval '1 day'")) {
                        purge.executeUpdate();
                    }
                    return new Claim(true, false, null);
                }
            }
            try (PreparedStatement select = c.prepareStatement("SELECT done, location FROM submitted_form WHERE submission_key = ?")) {
                select.setBytes(1, key);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? new Claim(false, row.getBoolean(1), row.getString(2)) : null;
                }
            }
        }
    }

    /** The first post's action is done; a repeat is sent where it was sent ({@code location} a path, or null). */
    void done(byte[] key, String location) throws SQLException {
        try (Connection c = data.getConnection()) {
            c.setAutoCommit(true);
            try (PreparedStatement update = c.prepareStatement("UPDATE submitted_form SET done = true, location = ? WHERE submission_key = ?")) {
                update.setString(1, location);
                update.setBytes(2, key);
                update.executeUpdate();
            }
        }
    }

    /** The first post was refused or failed: nothing was done, so the same form may be sent again. */
    void release(byte[] key) throws SQLException {
        try (Connection c = data.getConnection()) {
            c.setAutoCommit(true);
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM submitted_form WHERE submission_key = ?")) {
                delete.setBytes(1, key);
                delete.executeUpdate();
            }
        }
    }
}
