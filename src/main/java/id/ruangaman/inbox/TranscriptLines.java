package id.ruangaman.inbox;

import id.ruangaman.transcript.TranscriptBody;

import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import id.ruangaman.transcript.ChatMessage;
import id.ruangaman.transcript.ChatMessageRepository;
import id.ruangaman.transcript.MediaRepository;
import id.ruangaman.conversation.Flow;
import id.ruangaman.conversation.FlowEngine;
import id.ruangaman.conversation.Input;
import id.ruangaman.conversation.Output;
import id.ruangaman.conversation.SessionStateJson;
import id.ruangaman.intake.ConversationConfig;
import id.ruangaman.intake.FlowRegistry;
import id.ruangaman.security.AccountRepository;

/**
 * Builds a case's transcript for the inbox: only the lines filed under that case, each with its author (the
 * survivor, the bot, or which counsellor), a pressed button as its label in the reader's language (not the stored
 * option id), a link to a file kept as this case's evidence, and a mark on what the person wrote after the task force
 * closed the case. Must run inside a transaction (bodies are decrypted on read).
 */
@ApplicationScoped
class TranscriptLines {

    private final ChatMessageRepository messages;
    private final MediaRepository media;
    private final AccountRepository accounts;
    private final FlowRegistry flows;
    private final FlowEngine engine;
    private final ConversationConfig conversations;

    TranscriptLines(ChatMessageRepository messages, MediaRepository media, AccountRepository accounts, FlowRegistry flows,
            FlowEngine engine, ConversationConfig conversations) {
        this.conversations = conversations;
        this.messages = messages;
        this.media = media;
        this.accounts = accounts;
        this.flows = flows;
        this.engine = engine;
    }

    public List<TranscriptLine> of(CaseFile file, Locale reader) {
        if (file.isDeleted()) {
            return List.of();
        }
        List<ChatMessage> lines = messages.transcriptOfCase(file.id);
        Set<Long> evidence = new HashSet<>(media.getEntityManager()
                .createQuery("select m.id from Media m where m.intakeId = :id and m.claimed = true", Long.class)
                .setParameter("id", file.id).getResultList());
        Map<Long, String> authors = new HashMap<>();
        Optional<Flow> flow = flow(file);
        String language = reader.getLanguage();
        Labels labels = Labels.in(flows, conversations, language);
        boolean closed = CaseStatus.CLOSED.equals(file.status) && file.statusChangedAt != null;
        return lines.stream().map(m -> {
            boolean inbound = m.direction == ChatMessage.Direction.IN;
            TranscriptLine.Author author = inbound ? TranscriptLine.Author.SURVIVOR
                    : m.authorAccountId == null ? TranscriptLine.Author.BOT : TranscriptLine.Author.COUNSELLOR;
            String counsellor = m.authorAccountId == null ? null
                    : authors.computeIfAbsent(m.authorAccountId, id -> Optional.ofNullable(accounts.findById(id)).map(a -> a.username).orElse("?"));
            Input input = inbound ? input(m) : null;
            Long mediaId = input instanceof Input.Media upload ? evidenceId(upload, evidence) : null;
            return new TranscriptLine(m.id, inbound, author, counsellor, m.kind, text(m, input, flow, language, labels), mediaId,
                    m.status.name(), m.failureReason, m.createdAt, m.sentAt,
                    inbound && closed && m.createdAt.isAfter(file.statusChangedAt));
        }).toList();
    }

    private Optional<Flow> flow(CaseFile file) {
        if (file.flowId == null) {
            return Optional.empty();
        }
        Optional<Flow> pinned = flows.catalog().revision(file.flowId, file.flowRevision);
        if (pinned.isPresent()) {
            return pinned;
        }
        try {
            return Optional.of(flows.current(file.flowId));
        } catch (RuntimeException e) {
            return Optional.empty(); // a flow that is no longer deployed: ids are shown instead of labels
        }
    }

    private static Long evidenceId(Input.Media upload, Set<Long> evidence) {
        try {
            Long id = upload.mediaId() == null ? null : Long.valueOf(upload.mediaId());
            return id != null && evidence.contains(id) ? id : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Input input(ChatMessage m) {
        return TranscriptBody.input(m).orElse(null);
    }

    /** What a line says; a pressed button, an upload or another kind of message as words (through {@link Labels}). */
    private String text(ChatMessage m, Input in, Optional<Flow> flow, String language, Labels labels) {
        if (m.body == null) {
            return null;
        }
        if (m.direction == ChatMessage.Direction.OUT) {
            return TranscriptBody.message(m).map(Output.Message::text).orElse("[" + labels.mediaKind(m.kind) + "]");
        }
        if (in instanceof Input.Text t) {
            return t.text();
        } else if (in instanceof Input.ButtonPress b) {
            String label = flow.flatMap(f -> engine.buttonLabel(f, b.nodeId(), b.optionId(), language))
                    .orElseGet(() -> labels.buttonLabel(b.callbackData()));
            return labels.pressed(label);
        } else if (in instanceof Input.Media upload) {
            return "[" + labels.mediaKind(upload.kind().name()) + (upload.caption() == null ? "" : ": " + upload.caption()) + "]";
        }
        return "[" + labels.mediaKind(m.kind) + "]";
    }
}
