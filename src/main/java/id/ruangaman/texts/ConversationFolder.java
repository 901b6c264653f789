package id.ruangaman.texts;

import java.nio.file.Path;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Where the conversation files live: the flows ({@code intake.yaml}) and the texts beside them ({@code _*.yaml}).
 * The one place the folder setting is read; every loader asks this for its file.
 */
@ConfigMapping(prefix = "ruangaman.conversation")
public interface ConversationFolder {

    /** Folder of flow and text files, relative to the working directory (RUANGAMAN_CONVERSATION_FLOWS_DIRECTORY). */
    @WithDefault("conversations")
    String flowsDirectory();

    /** The folder as a path. */
    default Path folder() {
        return Path.of(flowsDirectory());
    }

    /** A file in the folder, e.g. {@code _notices.yaml}. */
    default Path file(String name) {
        return folder().resolve(name);
    }
}
