package id.ruangaman.intake;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The per-contact flood limit. Override with RUANGAMAN_FLOOD_*. */
@ConfigMapping(prefix = "ruangaman.flood")
public interface FloodConfig {

    /** Messages from one contact within {@link #window()} that still run through the conversation. */
    @WithDefault("60")
    int maxMessages();

    /** The sliding window the limit counts in. */
    @WithDefault("1M")
    Duration window();
}
