package id.ruangaman.conversation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.UncheckedIOException;

/** Reads and writes {@link SessionState}, {@link Answer} and {@link Output} JSON the way the engine expects. */
public final class SessionStateJson {

    private static final ObjectMapper MAPPER = configure(new ObjectMapper());

    private SessionStateJson() {
    }

    /** Registers Java time support and ISO dates on a mapper (also usable on the host's own mapper). */
    public static ObjectMapper configure(ObjectMapper mapper) {
        return mapper.registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static String write(SessionState state) {
        try {
            return MAPPER.writeValueAsString(state);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static SessionState read(String json) {
        try {
            return MAPPER.readValue(json, SessionState.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
