package id.ruangaman.inbox;

import java.time.Instant;

import id.ruangaman.transcript.ChatMessage;
import id.ruangaman.transcript.DeliveryFailure;

/**
 * One message of a case's transcript with its author and delivery status.
 *
 * @param author      who wrote it: {@link Author#SURVIVOR}, {@link Author#BOT} or {@link Author#COUNSELLOR}
 * @param counsellor  who replied when {@code author} is COUNSELLOR: the person's name written for the account
 *                    (Account#displayName, the username until a coordinator writes one); else null
 * @param text        what was written, a pressed button as its label in the inbox language; null when erased
 * @param mediaId     a file kept as this case's evidence, to link to; else null
 * @param afterClosed the person wrote after the task force closed the case
 * @param cardLine    for a shared contact card that holds a phone number, the line the intake's answer quotes it with
 *                    ({@code Input.SharedContact#describe()}), to match that answer; never shown (it holds the number)
 * @param changes     for an edit ({@link #edited()}) or a deletion ({@link #revoked()}): the line of the version it
 *                    replaces, when that line is in this transcript (the page's anchor {@code msg-<id>}): the original
 *                    for the first change of a message, the previous edit for a later one; else null: a message the
 *                    service never saw, or not recorded here
 * @param changesExcerpt the first words of the version it replaces, as this transcript shows that line
 *                    ("“Kejadiannya tanggal 13…”", a photo "[Foto: …]"); null when there is none, or that line was erased
 *                    or deleted by the sender
 * @param changesAt   when the line it replaces was written (a deletion names it by its time: its words are gone); else null
 * @param changedBy   the line of a later edit or deletion that replaced this version (its anchor); else null
 * @param deletedBySender {@code changedBy} is the sender's deletion of this message for everyone
 * @param quotes      for a line sent as a reply to an earlier message of the chat (WhatsApp {@code context.id}, Telegram
 *                    {@code reply_to_message}; {@code ChatMessage#repliesTo}): that message's line, the page's anchor
 *                    {@code msg-<id>} when {@link #quotesHere}; else null
 * @param quotesHere  the quoted line is in this transcript (else it is a line of another case or conversation)
 * @param quotesExcerpt the first words of the quoted line as this transcript shows it ("Apakah aman chat di HP ini?", a
 *                    counsellor's question); null when it is not here, or was erased
 * @param forwarded   the person forwarded this message from another chat (WhatsApp {@code context.forwarded}, Telegram
 *                    {@code forward_origin}; {@code Input#asForwarded}): marked, so its words are not read as theirs
 */
public record TranscriptLine(long id, boolean inbound, Author author, String counsellor, String kind, String text,
        Long mediaId, String status, String failureReason, Instant createdAt, Instant sentAt, boolean afterClosed, String cardLine,
        Long changes, String changesExcerpt, Instant changesAt, Long changedBy, boolean deletedBySender,
        Long quotes, boolean quotesHere, String quotesExcerpt, boolean forwarded) {

    private static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile("\\s+");

    /** The longest excerpt of a changed line, in characters, before its "…". */
    static final int EXCERPT = 60;

    public enum Author { SURVIVOR, BOT, COUNSELLOR }

    public boolean problem() {
        return "FAILED".equals(status) || "HELD".equals(status);
    }

    /**
     * The kind of {@code failureReason} ({@link DeliveryFailure}'s name, for the {@code delivery_failure} label), or
     * null when there is none. The reason's own words (English, with the platform's code) are only a tooltip.
     */
    public String failureKind() {
        DeliveryFailure kind = DeliveryFailure.of(failureReason);
        return kind == null ? null : kind.name();
    }

    /** The send was given up after several tries. */
    public boolean gaveUp() {
        return DeliveryFailure.gaveUp(failureReason);
    }

    /** A shared contact card with a number, which a deliberate, audited click shows. */
    public boolean hiddenNumber() {
        return cardLine != null && text != null;
    }

    /** How many phone numbers a shared contact card holds (for the wording of its link); 0 for any other line. */
    public int cardNumbers() {
        return cardLine == null ? 0 : SharedCard.inAnswer(cardLine).map(SharedCard::numbers).orElse(0);
    }

    public boolean erased() {
        return text == null;
    }

    /** A message the bot sent: folded on the case page, where the survivor's and counsellors' lines stay open. */
    public boolean byBot() {
        return author == Author.BOT;
    }

    /** The first words of a folded bot message, on one line. */
    public String preview() {
        if (text == null) {
            return "";
        }
        String line = SPACES.matcher(text).replaceAll(" ").strip();
        return line.length() <= 90 ? line : line.substring(0, Character.isHighSurrogate(line.charAt(88)) ? 88 : 89) + "\u2026";
    }

    /**
     * A press of a button that was no longer current ({@link ChatMessage#KIND_STALE_BUTTON}):
     * the survivor's, but not a message; shown as a quiet line and never counted as unread.
     */
    public boolean quiet() {
        return ChatMessage.KIND_STALE_BUTTON.equals(kind);
    }

    /** A change the person made to an earlier message (kind {@code edit}): its new words, marked as such. */
    public boolean edited() {
        return "edit".equals(kind);
    }

    /**
     * The sender's deletion of an earlier message for everyone (WhatsApp {@code revoke}; kind {@code revoke} here, a line
     * of kind {@code edit} as stored): it says so and links to the line it deletes, and shows no text of its own.
     */
    public boolean revoked() {
        return "revoke".equals(kind);
    }

    /** An edit or deletion of a message not in this transcript: one the service never saw, or not recorded here. */
    public boolean changesUnrecorded() {
        return (edited() || revoked()) && changes == null;
    }

    /**
     * The first words of a line's {@code shown} text for the edit line that changes it: whitespace as single spaces, at
     * most {@link #EXCERPT} characters cut at a word where it can be, then "…"; a typed text in quotes. Null for an
     * erased line (nothing of it comes back).
     */
    static String excerpt(String shown, boolean typed) {
        if (shown == null) {
            return null;
        }
        String line = SPACES.matcher(shown).replaceAll(" ").strip();
        if (line.length() > EXCERPT) {
            int cut = line.lastIndexOf(' ', EXCERPT);
            int end = cut > EXCERPT / 2 ? cut : EXCERPT;
            if (Character.isHighSurrogate(line.charAt(end - 1))) {
                end--; // never half an emoji ("😭" is two chars): the "…" after a lone half was lost on the page
            }
            line = line.substring(0, end).strip() + "\u2026";
        }
        return typed ? "\u201c" + line + "\u201d" : line;
    }

    /**
     * This line with the version it replaces (an edit or deletion: {@link #changes}, {@link #changesExcerpt},
     * {@link #changesAt}) and the line that replaced it later ({@link #changedBy}, {@link #deletedBySender}).
     */
    TranscriptLine changing(TranscriptLine replaced, String excerpt, TranscriptLine replacedBy) {
        return new TranscriptLine(id, inbound, author, counsellor, kind, text, mediaId, status, failureReason, createdAt, sentAt,
                afterClosed, cardLine, replaced == null ? null : replaced.id, excerpt, replaced == null ? null : replaced.createdAt,
                replacedBy == null ? null : replacedBy.id, replacedBy != null && replacedBy.revoked(), quotes, quotesHere, quotesExcerpt,
                forwarded);
    }

    /** This line as a reply to {@code quoted} (its line's id), shown here with {@code excerpt} or not in this transcript. */
    TranscriptLine quoting(long quoted, boolean here, String excerpt) {
        return new TranscriptLine(id, inbound, author, counsellor, kind, text, mediaId, status, failureReason, createdAt, sentAt,
                afterClosed, cardLine, changes, changesExcerpt, changesAt, changedBy, deletedBySender, quoted, here, excerpt, forwarded);
    }

    public boolean bySurvivor() {
        return author == Author.SURVIVOR;
    }

    public boolean byCounsellor() {
        return author == Author.COUNSELLOR;
    }
}
