package id.ruangaman.database;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Settings of the embedded PostgreSQL used in dev mode and tests. They are read early by
 * {@link EmbeddedPostgresConfigSourceFactory}; this mapping documents them and validates them.
 */
@ConfigMapping(prefix = "ruangaman.embedded-postgres")
public interface EmbeddedPostgresConfig {

    /** Where dev mode keeps its database between restarts (git-ignored). */
    @WithDefault(EmbeddedPostgresConfigSourceFactory.DEFAULT_DEV_DATA_DIR)
    String dataDir();
}
