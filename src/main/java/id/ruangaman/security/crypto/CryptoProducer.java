package id.ruangaman.security.crypto;

import java.nio.file.Path;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.Startup;

/** Builds the key ring once at start-up (failing fast without a key) and exposes the cipher and the blind index. */
@Startup
@Singleton
class CryptoProducer {

    private final KeyRing keys;

    CryptoProducer(CryptoConfig config) {
        DataKeyLoader.Mode mode = DataKeyLoader.modeOf(LaunchMode.current().name()).orElse(DataKeyLoader.Mode.PRODUCTION);
        this.keys = DataKeyLoader.load(config, mode, Path.of(config.devDataKeyFile()));
    }

    @Produces
    @Singleton
    FieldCipher fieldCipher() {
        return new FieldCipher(keys);
    }

    @Produces
    @Singleton
    BlindIndex blindIndex() {
        return new BlindIndex(keys);
    }
}
