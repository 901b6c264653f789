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
import id.ruangaman.transcript.Outbox;
import id.ruangaman.conversation.Flow;
import id.ruangaman.conversation.FlowEngine;
import id.ruangaman.conversation.Input;
import id.ruangaman.conversation.Output;
import id.ruangaman.conversation.SessionStateJson;
import id.ruangaman.intake.ConversationConfig;
import id.ruangaman.intake.FlowRegistry;
import id.ruangaman.security.People;

/**
 * Builds a case's transcript for the inbox: only the lines filed under that case, each with its author (the
 * survivor, the bot, or which counsellor), a pressed button as its label in the reader's language (not the stored
 * option id), a link to a file kept as this case's evidence, and a mark on what the person wrote after the task force
 * closed the case. Must run inside a transaction (bodies are decrypted on read) and a request (a counsellor is named
 * by {@link People}).
 */
@ApplicationScoped
class TranscriptLines {

    private static final java.util.regex.Pattern PLACEHOLDER = java.util.regex.Pattern.compile("\\{[a-z]+\\}");
    private static final java.util.regex.Pattern NUMBER = java.util.regex.Pattern.compile("\\d+");
    private static final java.util.regex.Pattern PARAGRAPHS = java.util.regex.Pattern.compile("\n\\s*\n");

    private final ChatMessageRepository messages;
    private final MediaRepository media;
    private final People people;
    private final FlowRegistry flows;
    private final FlowEngine engine;
    private final ConversationConfig conversations;

    TranscriptLines(ChatMessageRepository messages, MediaRepository media, People people, FlowRegistry flows,
            FlowEngine engine, ConversationConfig conversations) {
        this.conversations = conversations;
        this.messages = messages;
        this.media = media;
        this.people = people;
        this.flows = flows;
        this.engine = engine;
    }

    public List<TranscriptLine> of(CaseFile file, Locale reader) {
        if (file.isDeleted()) {
            return List.of();
        }
        List<ChatMessage> lines = messages.transcriptOfCase(file.id, file.contactId, file.conversation);
        Set<Long> evidence = new HashSet<>(media.getEntityManager()
                .createQuery("select m.id from Media m where m.intakeId = :id and m.claimed = true", Long.class)
                .setParameter("id", file.id).getResultList());
        Optional<Flow> flow = flow(file);
        String language = reader.getLanguage();
        Labels labels = Labels.in(flows, conversations, language);
        boolean closed = CaseStatus.CLOSED.equals(file.status) && file.statusChangedAt != null;
        ButtonsShown shown = new ButtonsShown();
        Map<String, String> cards = cards(lines, labels);
        List<TranscriptLine> shownLines = lines.stream().peek(shown::note).filter(m -> !Outbox.KIND_REMOVE_BUTTONS.equals(m.kind)).map(m -> {
            boolean inbound = m.direction == ChatMessage.Direction.IN;
            TranscriptLine.Author author = inbound ? TranscriptLine.Author.SURVIVOR
                    : m.authorAccountId == null ? TranscriptLine.Author.BOT : TranscriptLine.Author.COUNSELLOR;
            String counsellor = m.authorAccountId == null ? null
                    : people.nameOf(m.authorAccountId);
            Input input = inbound ? input(m) : null;
            Long mediaId = input instanceof Input.Media upload ? evidenceId(upload, evidence) : null;
            String cardLine = input instanceof Input.SharedContact card && SharedCard.of(card).numbers() > 0 ? card.describe() : null;
            String kind = "edit".equals(m.kind) && input instanceof Input.Unsupported change && "revoke".equals(change.kind()) ? "revoke" : m.kind;
            return new TranscriptLine(m.id, inbound, author, counsellor, kind, hideCards(text(m, input, flow, language, labels, shown), inbound, cards), mediaId,
                    m.status.name(), m.failureReason, m.createdAt, m.sentAt,
                    inbound && closed && m.createdAt.isAfter(file.statusChangedAt), cardLine, null, null, null, null, false,
                    null, false, null, forwarded(input));
        }).toList();
        return withQuotedLines(lines, withChangedLines(lines, shownLines), flow);
    }

    /**
     * Each line sent as a reply to an earlier message ({@link ChatMessage#repliesTo}) with that message: its anchor and
     * first words when it is in this transcript (a "ya" shown beside the question it answered), else marked as a
     * message not recorded here. The words are those of the message's last edit before the quoting line, as the person's
     * phone showed it when they quoted it; an edit the service could not read, a deletion by the sender or an erasure
     * gives no words. A bot's question is named by its words without the progress line above it ("Langkah 3 dari 9").
     */
    private static List<TranscriptLine> withQuotedLines(List<ChatMessage> lines, List<TranscriptLine> shown, Optional<Flow> flow) {
        Map<Long, Long> quotes = new HashMap<>();
        for (ChatMessage m : lines) {
            if (m.repliesTo != null) {
                quotes.put(m.id, m.repliesTo);
            }
        }
        if (quotes.isEmpty()) {
            return shown;
        }
        Set<String> progress = progressLine(flow);
        Set<Long> quoted = new HashSet<>(quotes.values());
        Set<Long> typed = new HashSet<>();
        Map<Long, List<ChatMessage>> edits = new HashMap<>(); // a quoted message's edits, in the order they came
        for (ChatMessage m : lines) {
            if (m.editOf != null && "edit".equals(m.kind) && quoted.contains(m.editOf)) {
                edits.computeIfAbsent(m.editOf, key -> new java.util.ArrayList<>()).add(m);
            }
            if ((quoted.contains(m.id) || m.editOf != null && quoted.contains(m.editOf)) && m.direction == ChatMessage.Direction.IN
                    && m.body != null && input(m) instanceof Input.Text) {
                typed.add(m.id);
            }
        }
        Map<Long, TranscriptLine> byId = new HashMap<>();
        shown.forEach(line -> byId.put(line.id(), line));
        return shown.stream().map(line -> {
            Long of = quotes.get(line.id());
            if (of == null) {
                return line;
            }
            TranscriptLine here = byId.get(of);
            if (here == null) {
                return line.quoting(of, false, null);
            }
            // the words as the person's phone showed them when they quoted it: the last edit before this line; none after an
            // edit the service could not read (or a deletion), whose words it does not know
            ChatMessage edit = edits.getOrDefault(of, List.of()).stream().filter(e -> e.id < line.id()).reduce((a, b) -> b).orElse(null);
            TranscriptLine words = edit == null ? here : byId.get(edit.id);
            boolean unknown = edit != null && (words == null || input(edit) instanceof Input.Unsupported);
            return line.quoting(of, true, unknown ? null
                    : TranscriptLine.excerpt(words.byBot() ? quotedWords(words.text(), progress) : words.text(), typed.contains(words.id())));
        }).toList();
    }

    /**
     * The flow's progress line above a question ({@code messages.progress}: "Langkah {n} dari {total}", "Step {n} of
     * {total}"), in any of its languages, as {@link #progressForms}; empty without the flow.
     */
    private static Set<String> progressLine(Optional<Flow> flow) {
        return flow.map(f -> progressForms(f.message(id.ruangaman.conversation.definition.MessageKey.PROGRESS).values().values()))
                .orElse(Set.of());
    }

    /** Progress templates with each placeholder as "#", to compare with a paragraph whose numbers are "#" too. */
    static Set<String> progressForms(java.util.Collection<String> templates) {
        return templates.stream().map(template -> PLACEHOLDER.matcher(template).replaceAll("#").strip())
                .collect(java.util.stream.Collectors.toSet());
    }

    /**
     * The words a quote of a bot message names: its last paragraph that asks something ("Kejadian ini dialami siapa?"),
     * not the progress paragraph above it ("Langkah 3 dari 9": {@code progress}, {@link #progressForms}) nor a note before
     * it ("Maaf, saya belum mengerti.", the emergency numbers); without a question, the message without its progress
     * paragraph; the words as they are when nothing is left.
     */
    static String quotedWords(String text, Set<String> progress) {
        if (text == null) {
            return null;
        }
        List<String> kept = java.util.Arrays.stream(PARAGRAPHS.split(text)).map(String::strip)
                .filter(paragraph -> !paragraph.isEmpty() && !progress.contains(NUMBER.matcher(paragraph).replaceAll("#"))).toList();
        if (kept.isEmpty()) {
            return text;
        }
        for (int i = kept.size() - 1; i >= 0; i--) {
            if (kept.get(i).contains("?")) {
                return kept.get(i);
            }
        }
        return String.join("\n\n", kept);
    }

    /**
     * Each version of a changed message with its neighbours: an edit or deletion with the version it replaces, when that
     * line is in this transcript (its id, the page's anchor, and the first words it shows here, so an erased or deleted
     * line gives no words back), and a replaced version with the edit or deletion that replaced it. Every edit of a message points at the original
     * ({@link ChatMessage#editOf}); its versions are the original and its edits in the order they came (by id): a second
     * edit replaces the first edit's words, not the original's. {@code lines} and {@code shown} are in the same order,
     * {@code shown} without the rows that are no line of the page (which no edit points at).
     */
    private static List<TranscriptLine> withChangedLines(List<ChatMessage> lines, List<TranscriptLine> shown) {
        Map<Long, Long> replaces = new HashMap<>();
        Map<Long, Long> replacedBy = new HashMap<>();
        Map<Long, Long> latest = new HashMap<>();
        Set<Long> typed = new HashSet<>();
        for (ChatMessage m : lines) {
            if (m.direction == ChatMessage.Direction.IN && m.body != null && input(m) instanceof Input.Text) {
                typed.add(m.id);
            }
            if (m.editOf != null && "edit".equals(m.kind)) {
                Long previous = latest.getOrDefault(m.editOf, m.editOf);
                replaces.put(m.id, previous);
                replacedBy.put(previous, m.id);
                latest.put(m.editOf, m.id);
            }
        }
        if (replaces.isEmpty()) {
            return shown;
        }
        Map<Long, TranscriptLine> byId = new HashMap<>();
        shown.forEach(line -> byId.put(line.id(), line));
        return shown.stream().map(line -> {
            TranscriptLine replaced = replaces.containsKey(line.id()) ? byId.get(replaces.get(line.id())) : null;
            TranscriptLine later = replacedBy.containsKey(line.id()) ? byId.get(replacedBy.get(line.id())) : null;
            if (replaced == null && later == null) {
                return line;
            }
            return line.changing(replaced, replaced == null ? null : TranscriptLine.excerpt(replaced.text(), typed.contains(replaced.id())),
                    later);
        }).toList();
    }

    /**
     * The contact cards the person shared in these lines, as their answers quote them ("👤 name · phone") → as the inbox
     * shows them ("Kartu kontak: name · 1 nomor telepon (disembunyikan)"): the bot's summary repeats a card's line.
     */
    private static Map<String, String> cards(List<ChatMessage> lines, Labels labels) {
        Map<String, String> cards = new HashMap<>();
        for (ChatMessage m : lines) {
            if (m.direction == ChatMessage.Direction.IN && "contact".equals(m.kind) && m.body != null
                    && input(m) instanceof Input.SharedContact card && SharedCard.of(card).numbers() > 0) {
                cards.put(card.describe(), labels.contactCard(SharedCard.of(card)));
            }
        }
        return cards;
    }

    /** A bot's or counsellor's message with each shared card it quotes (the summary does) as the card's label. */
    private static String hideCards(String text, boolean inbound, Map<String, String> cards) {
        if (text == null || inbound || cards.isEmpty()) {
            return text;
        }
        String shown = text;
        for (Map.Entry<String, String> card : cards.entrySet()) {
            shown = shown.replace(card.getKey(), card.getValue());
        }
        return shown;
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

    /** Whether the person forwarded the line from another chat (a typed line or a file; {@link Input#asForwarded()}). */
    private static boolean forwarded(Input input) {
        return input instanceof Input.Text text && text.forwarded() || input instanceof Input.Media upload && upload.forwarded();
    }

    private static Input input(ChatMessage m) {
        return TranscriptBody.input(m).orElse(null);
    }

    /**
     * What a line says; a pressed button, an upload or another kind of message as words (through {@link Labels}). A
     * row that only tells the sender what to do on the platform says so in the reader's language, not its stored note.
     */
    private String text(ChatMessage m, Input in, Optional<Flow> flow, String language, Labels labels, ButtonsShown shown) {
        if (m.body == null) {
            return null;
        }
        if (m.direction == ChatMessage.Direction.OUT) {
            if (Outbox.KIND_DELETE.equals(m.kind)) {
                return labels.quickExitLine();
            } else if (Outbox.KIND_TEMPLATE.equals(m.kind)) {
                return labels.invitationLine();
            }
            return TranscriptBody.message(m).map(Output.Message::text).orElse("[" + labels.mediaKind(m.kind) + "]");
        }
        if (in instanceof Input.Text t) {
            return t.text();
        } else if (in instanceof Input.ButtonPress b) {
            // In the reader's language, with the survivor's own words (the button as it was sent to them) beside it
            // when they differ, as a typed answer shows what was typed.
            String label = flow.flatMap(f -> engine.buttonLabel(f, b.nodeId(), b.optionId(), language))
                    .orElseGet(() -> labels.buttonLabel(b.callbackData()));
            String own = shown.label(b.callbackData()).filter(words -> !words.equals(label)).orElse(null);
            return ChatMessage.KIND_STALE_BUTTON.equals(m.kind) ? labels.pressedStale(label, own) : labels.pressed(label, own);
        } else if (in instanceof Input.Media upload) {
            return "[" + labels.mediaKind(upload.kind().name()) + (upload.caption() == null ? "" : ": " + upload.caption()) + "]";
        } else if (in instanceof Input.Location location) {
            return "[" + labels.mediaKind(m.kind) + ": " + location.describe() + "]";
        } else if (in instanceof Input.SharedContact contact) {
            // A third party's number stays hidden until a deliberate, audited click (CaseService.contactCardNumbers).
            return "[" + labels.contactCard(SharedCard.of(contact)) + "]";
        } else if (in instanceof Input.Unsupported unreadable) {
            if ("edit".equals(m.kind)) {
                return "[" + labels.changed(unreadable.kind()) + "]"; // a deletion or a change nobody can quote
            }
            return "[" + labels.unreadable(unreadable.kind()) + "]"; // nothing lost silently: the kind, never a code
        }
        return "[" + labels.mediaKind(m.kind) + "]";
    }

    /**
     * The buttons the person was shown, as sent (their labels in the language the person read them in), read along the
     * transcript: a press is shown with the label of the last message before it that carried its callback data.
     */
    private static final class ButtonsShown {

        private final Map<String, String> labels = new HashMap<>();

        void note(ChatMessage m) {
            if (m.direction != ChatMessage.Direction.OUT || m.body == null || !"choices".equals(m.kind)) {
                return;
            }
            TranscriptBody.message(m).filter(message -> message.nodeId() != null).ifPresent(message -> message.choices()
                    .forEach(choice -> labels.put(message.nodeId() + ":" + choice.id(), unticked(choice.label()))));
        }

        Optional<String> label(String callbackData) {
            return Optional.ofNullable(labels.get(callbackData));
        }

        /** A ticked option of a multiple choice is sent as "✓ label". */
        private static String unticked(String label) {
            return label == null ? null : label.startsWith("\u2713 ") ? label.substring(2) : label;
        }
    }
}
