package id.ruangaman.conversation;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;
import java.util.Map;

/** What the host must send or save, in order. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = Output.Message.class, name = "message"),
        @JsonSubTypes.Type(value = Output.AnswerRecorded.class, name = "answer_recorded"),
        @JsonSubTypes.Type(value = Output.IntakeSubmitted.class, name = "intake_submitted"),
        @JsonSubTypes.Type(value = Output.DeleteRequested.class, name = "delete_requested"),
        @JsonSubTypes.Type(value = Output.QuickExit.class, name = "quick_exit"),
        @JsonSubTypes.Type(value = Output.ConsentDeclined.class, name = "consent_declined"),
        @JsonSubTypes.Type(value = Output.DangerReported.class, name = "danger_reported"),
        @JsonSubTypes.Type(value = Output.EvidenceKept.class, name = "evidence_kept"),
        @JsonSubTypes.Type(value = Output.StaleButton.class, name = "stale_button")})
public sealed interface Output {

    /**
     * A message to send. {@code nodeId}: the question the message asks or answers at (a flow node, or a pending prompt's
     * pseudo id), null for a message of no question; always set when {@code choices} is not empty, and each button's
     * callback data is {@code nodeId + ":" + choice.id()}. A host keeps it with the sent message, so a reply that quotes
     * the message can be matched to its question ({@link Input.Text#repliesTo()}). {@code multiSelect}: buttons toggle, a "done" choice finishes.
     * {@code silent}: discreet mode, deliver without a notification sound where the platform allows it (Telegram
     * {@code disable_notification}).
     * {@code routine}: the routine acknowledgement of a story's line or a note beside the evidence ("Tersimpan.
     * Lanjutkan ..."), which says nothing the next acknowledgement does not: a host may leave it out when more lines
     * of the same person are already waiting, so a story typed in quick lines gets one answer, not one per line. Never
     * set on a message that carries anything else (the emergency numbers, a question, a note). Not part of the message
     * as sent or stored (not serialized).
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record Message(String text, String nodeId, List<Choice> choices,
            @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean multiSelect,
            @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean silent,
            @JsonIgnore boolean routine) implements Output {

        public Message {
            choices = choices == null ? List.of() : List.copyOf(choices);
        }

        public Message(String text, String nodeId, List<Choice> choices, boolean multiSelect, boolean silent) {
            this(text, nodeId, choices, multiSelect, silent, false);
        }

        public Message(String text, String nodeId, List<Choice> choices, boolean multiSelect) {
            this(text, nodeId, choices, multiSelect, false, false);
        }

        public static Message plain(String text) {
            return new Message(text, null, List.of(), false);
        }

        /** The routine acknowledgement {@code text} at the question {@code nodeId}, with its buttons (see {@code routine}). */
        public static Message routine(String text, String nodeId, List<Choice> choices) {
            return new Message(text, nodeId, choices, false, false, true);
        }

        public Message silenced() {
            return new Message(text, nodeId, choices, multiSelect, true, routine);
        }

        public Message withText(String value) {
            return new Message(value, nodeId, choices, multiSelect, silent, routine);
        }
    }

    /** Save (overwrite) one answer of the session in progress. */
    record AnswerRecorded(String key, Answer answer) implements Output {
    }

    /**
     * The person confirmed the summary: create the intake for the inbox. {@code flags}: the names of the flow's
     * {@code conditions} that hold for these answers (for example {@code urgent_medical}), in file order.
     */
    record IntakeSubmitted(String referenceCode, Map<String, Answer> answers,
            @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> flags) implements Output {

        public IntakeSubmitted {
            answers = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(answers));
            flags = flags == null ? List.of() : List.copyOf(flags);
        }

        public IntakeSubmitted(String referenceCode, Map<String, Answer> answers) {
            this(referenceCode, answers, List.of());
        }
    }

    /** The person confirmed /hapus: erase everything they sent, including a submitted intake and media. */
    record DeleteRequested() implements Output {
    }

    /** The person used /keluar. Consider deleting the bot's recent messages where the channel allows it. */
    record QuickExit() implements Output {
    }

    record ConsentDeclined() implements Output {
    }

    /** The person said they are in immediate danger; emergency contacts are being shown. */
    record DangerReported() implements Output {
    }

    /** After the report: keep these uploads as evidence of the case {@code referenceCode}. */
    record EvidenceKept(String referenceCode, List<String> mediaIds) implements Output {

        public EvidenceKept {
            mediaIds = List.copyOf(mediaIds);
        }
    }

    /**
     * After the report, a button of a prompt that is no longer current was pressed (the summary's "Kirim" or "Ubah
     * jawaban", an old question's). It is not a message for the counsellor and uses up no acknowledgement; the host
     * answers it with a short reply, on every platform.
     */
    record StaleButton() implements Output {
    }
}
