package id.ruangaman.channel.inbound;

import id.ruangaman.transcript.Channel;

/**
 * Turns one stored update of a channel into conversation steps. {@link #prepare} runs outside any
 * transaction (for slow work such as downloading an upload); {@link #apply} runs inside the
 * transaction that also marks the update done, so a crash in between repeats nothing.
 */
public interface InboundHandler {

    Channel channel();

    /** Slow, idempotent preparation outside a transaction. */
    Prepared prepare(InboundUpdate update, byte[] payload);

    /**
     * Whether {@link #prepare} may fetch and stage a file for this update (by its {@link InboundUpdate#kind}); such an
     * update is looked at again just before it is prepared, in case the person's data was erased since it was claimed.
     * Any other update is prepared from what was claimed, and its transaction finds out (an erased update is closed
     * IGNORED, never applied).
     */
    default boolean mayFetchFile(InboundUpdate update) {
        return true;
    }

    /**
     * Whether {@link #apply} of this work runs a step of its sender's conversation, the contact the update is ordered
     * by ({@link InboundUpdate#contactHash}): the round then reads and locks that contact and its session with the
     * others', before it applies any ({@code RoundPreload}).
     */
    default boolean stepsSender(Prepared prepared) {
        return false;
    }

    /**
     * The conversation work, in the processing transaction; returns the update's final status, or {@code PENDING}
     * when the conversation wants the update's file and {@link #prepare} did not fetch it: the update is then
     * prepared again with {@link InboundUpdate#fetchFile} set, and nothing of this attempt is kept.
     */
    InboundUpdate.Status apply(Prepared prepared);

    /** Whatever {@link #prepare} found out, handed to {@link #apply}. */
    interface Prepared {
    }

    /**
     * Thrown by {@link #apply} for an update that cannot be applied yet through no fault of its own (a WhatsApp
     * delivery status that arrived before the record of its send was committed): nothing of the attempt is kept, and
     * the update is looked at again after the usual back-off, like a failed attempt, but logged at DEBUG, since it is
     * expected. The handler decides when to stop waiting (by {@link InboundUpdate#attempts}); the message holds no data.
     */
    final class NotYet extends RuntimeException {
        public NotYet(String reason) {
            super(reason, null, false, false);
        }
    }
}
