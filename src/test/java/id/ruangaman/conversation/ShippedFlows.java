package id.ruangaman.conversation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The shipped intake flow, {@code conversations/intake.yaml}, loaded as the service loads it: one loader for the tests
 * that run the engine or a check against the real flow. Paths are relative to the project folder, where Maven runs the
 * tests.
 */
public final class ShippedFlows {

    /** The shipped intake's file. */
    public static final Path INTAKE = Path.of("conversations/intake.yaml");

    private ShippedFlows() {
    }

    /**
     * The shipped intake, read afresh on each call.
     *
     * @throws UncheckedIOException when the file cannot be read
     * @throws FlowException        when the flow does not load (the flow tests say why)
     */
    public static Flow intake() {
        try {
            return new FlowLoader().load("intake.yaml", Files.readAllBytes(INTAKE));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
