package id.ruangaman.intake;

import java.util.Collection;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import id.ruangaman.transcript.Channel;
import id.ruangaman.transcript.Contact;
import id.ruangaman.transcript.PreloadedContacts;
import id.ruangaman.transcript.RoundLines;

/**
 * Reads what a round of conversation steps needs before it applies any of them: the senders' contacts, locked, and
 * their sessions, in three statements. The steps then find both in memory, with no query of their own, so nothing
 * makes Hibernate flush one step's writes before the next step runs, and the round's writes go out together as JDBC
 * batches at its commit.
 */
@ApplicationScoped
public class RoundPreload {

    private final PreloadedContacts contacts;
    private final SessionRepository sessions;
    private final RoundLines lines;

    RoundPreload(PreloadedContacts contacts, SessionRepository sessions, RoundLines lines) {
        this.contacts = contacts;
        this.sessions = sessions;
        this.lines = lines;
    }

    /**
     * In the current transaction: locks the channel's contacts known by these blind indexes (the senders of the
     * round's steps) and reads their sessions. A sender not known yet is created by its step, as before.
     */
    public void lockSenders(Channel channel, Collection<byte[]> senders) {
        List<Contact> locked = contacts.lockAll(channel, senders);
        sessions.preload(locked.stream().map(contact -> contact.id).toList());
    }

    /**
     * In the current transaction, after its steps: writes what they changed on their contacts every step (when the
     * person last wrote, the flood window, whether files are asked for) in one batch for the whole round, instead of
     * one UPDATE per contact at the commit ({@link PreloadedContacts#writeTouches}); then the round's transcript lines
     * not written yet, as one batch ({@link RoundLines#write}).
     */
    public void writeTouches() {
        contacts.writeTouches();
        lines.write(); // the round's transcript lines and replies: one batch (RoundLines)
    }
}
