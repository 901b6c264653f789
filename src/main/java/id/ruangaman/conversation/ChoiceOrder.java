package id.ruangaman.conversation;

/**
 * Whether a question's message, as a messenger shows it, lets the person see its choices in order: only then does a
 * typed bare number ("2") mean the choice in that place. Telegram stacks its buttons one a row and WhatsApp its reply
 * buttons, and numbered text shows the numbers; a WhatsApp list shows only its "Pilih" button until it is opened, so
 * a number typed at it means nothing yet and gets the question's kind re-prompt. Given by the host per messenger.
 */
@FunctionalInterface
public interface ChoiceOrder {

    /** Every choice is seen in order (the dev chat, Telegram, tests). */
    ChoiceOrder SHOWN = question -> true;

    /** @param question the question's message with its choices, as the engine sends it */
    boolean shown(Output.Message question);

    /**
     * Whether the messenger shows {@code question}'s choices as a numbered text list ("1. Ya", "2. Tidak"), their
     * numbers on the screen: only there may a bare number pick at a question where a wrong pick is destructive or
     * safety-relevant (see id.ruangaman.conversation.engine.Answering). False for buttons and lists, which show no
     * numbers (Telegram, WhatsApp reply buttons and lists, the dev chat).
     *
     * @param question the question's message with its choices, as the engine sends it
     */
    default boolean numbered(Output.Message question) {
        return false;
    }
}
