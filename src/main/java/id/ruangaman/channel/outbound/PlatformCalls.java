package id.ruangaman.channel.outbound;

/**
 * The channel's rate limit as a sender sees it: one permit for every request that reaches the platform, taken right
 * before that request. A send that makes no request (a WhatsApp reply held outside the 24-hour window) takes none; one
 * that makes several (Telegram's removal of old buttons, one editMessageReplyMarkup a message; a quick exit's
 * deleteMessages, one a hundred messages) takes one each, so the platform never sees more than the limit in a second
 * (issue 16, goal 3; sources in {@link RateLimiter}).
 */
@FunctionalInterface
public interface PlatformCalls {

    /**
     * Blocks until the channel's rate limit lets one more request reach the platform, and takes that permit. Returns
     * what to run as soon as the platform's answer to the request has arrived, or the request failed: the limit counts
     * the permit's slot free again a second after that moment. Run it on whichever thread received the answer (a client
     * that hands the answer from its I/O thread to the caller's would otherwise make every slot wait for the hand-over
     * too); it may run more than once, only the first counts, and it must be cheap. The dispatcher runs it anyway when
     * the send returns.
     *
     * @throws InterruptedException when the service stops while the send waits; nothing was sent for this permit
     */
    Runnable permit() throws InterruptedException;
}
