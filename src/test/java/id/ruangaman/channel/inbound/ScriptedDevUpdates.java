package id.ruangaman.channel.inbound;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import id.ruangaman.transcript.Channel;

/**
 * A handler for stored updates of the dev channel (which has no webhook, so only {@link InboundQueueTest} stores
 * any): the payload is plain text; one starting with "fail" throws in the processing transaction, anything else is
 * DONE. Every attempt is recorded in order.
 */
@ApplicationScoped
public class ScriptedDevUpdates implements InboundHandler {

    record Text(long updateId, String text) implements Prepared {
    }

    private final List<String> attempts = new ArrayList<>();

    @Override
    public Channel channel() {
        return Channel.DEV;
    }

    @Override
    public Prepared prepare(InboundUpdate update, byte[] payload) {
        return new Text(update.id, new String(payload, StandardCharsets.UTF_8));
    }

    @Override
    public InboundUpdate.Status apply(Prepared prepared) {
        Text text = (Text) prepared;
        synchronized (attempts) {
            attempts.add(text.text());
        }
        if (text.text().startsWith("fail")) {
            throw new IllegalStateException("scripted failure");
        }
        return InboundUpdate.Status.DONE;
    }

    /** The texts applied so far (failed attempts included), in order. */
    List<String> attempts() {
        synchronized (attempts) {
            return new ArrayList<>(attempts);
        }
    }
}
