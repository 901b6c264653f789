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

    /**
     * @param reported whether this chat has sent a report: its conversation keeps the reference code from the first
     *                 submission on ({@code SessionState#referenceCode}), and the contact counts its reports
     *                 ({@link Contact#conversation}). Only then can the person have a case, and anything that hangs on
     *                 one (a referral awaiting their consent); an interceptor that only answers about such things can
     *                 leave every other input alone without reading the database (issue 16: a query per typed answer,
     *                 and the check of the whole round's pending writes Hibernate makes before each query).
     */
    Optional<List<Output.Message>> intercept(Contact contact, Input input, boolean reported);

    /**
     * What this feature still asks the person (a referral's consent question), said again after the conversation
     * answered a line it would otherwise have read (danger now, answered first with the emergency numbers): so the
     * question is not left behind the numbers. Empty when nothing is open.
     */
    default List<Output.Message> stillAsked(Contact contact) {
        return List.of();
    }

    /** Lower runs first. */
    default int priority() {
        return 0;
    }
}
