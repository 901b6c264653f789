package id.ruangaman.conversation;

import java.util.List;

/** The result of one engine call: the state to store and what to send or save, in order. */
public record Step(SessionState state, List<Output> outputs) {

    public Step {
        outputs = List.copyOf(outputs);
    }
}
