package id.ruangaman.conversation.definition;

import java.util.Set;

/** Fixed limits and reserved ids of the file format. */
public final class Limits {

    public static final int SUPPORTED_SPEC_VERSION = 1;
    /** Telegram allows 64 bytes of callback data; we keep a margin. */
    public static final int MAX_CALLBACK_BYTES = 60;
    /** Default {@code max_length} of a typed answer (Telegram's own message limit is 4096). */
    public static final int MAX_TEXT_LENGTH = 4000;
    /** Choice ids the engine adds itself; flow options may not use them. */
    public static final Set<String> RESERVED_OPTION_IDS = Set.of("skip", "done", "confirm", "edit", "back");
    public static final String ID_PATTERN = "[a-z0-9][a-z0-9_]*";
    public static final Set<String> OUTCOMES = Set.of("completed", "declined");
    /** {@code danger_reported} emits DangerReported; {@code discreet_on}/{@code discreet_off} switch discreet mode. */
    public static final Set<String> EVENTS = Set.of("danger_reported", "discreet_on", "discreet_off");
    /**
     * Words a reply has at least to be a telling ({@link ToldEarly}): "jadi kemarin pas aku pulang kuliah dia narik
     * tanganku ke ruangannya terus nutup pintunya" is one; "di kos temanku dekat kampus waktu malam hari" is an answer in
     * other words, read as before.
     */
    public static final int STORY_TOLD_EARLY_WORDS = 12;

    private Limits() {
    }
}
