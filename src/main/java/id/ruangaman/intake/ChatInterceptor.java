package id.ruangaman.intake;

import java.util.List;
import java.util.Optional;

import id.ruangaman.transcript.Contact;
import id.ruangaman.conversation.Input;
import id.ruangaman.conversation.Output;

/**
 * A feature that answers some inputs itself, before the conversation engine sees them (for example the referral
 * consent buttons and {@code /cabut}). {@link ConversationService#receive} asks every interceptor bean, lowest
 * {@link #priority()} first, after recording the inbound message, inside the same transaction and with the contact's
 * row locked. The first one that returns a value handles the input: its messages are queued through the outbox and
 * the engine is not called. An empty result means "not mine".
 */
public interface ChatInterceptor {

    Optional<List<Output.Message>> intercept(Contact contact, Input input);

    /** Lower runs first. */
    default int priority() {
        return 0;
    }
}
