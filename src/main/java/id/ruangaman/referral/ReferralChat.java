package id.ruangaman.referral;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import id.ruangaman.transcript.ChatMessage;
import id.ruangaman.transcript.ChatMessageRepository;
import id.ruangaman.transcript.TranscriptBody;
import id.ruangaman.transcript.Contact;
import id.ruangaman.conversation.AnswerWords;
import id.ruangaman.conversation.Choice;
import id.ruangaman.conversation.Input;
import id.ruangaman.conversation.Output;
import id.ruangaman.conversation.engine.TypedYesNo;
import id.ruangaman.intake.ChatInterceptor;

/**
 * The referral part of the chat, ahead of the conversation engine: the consent buttons ({@code _ref<id>:yes|no}),
 * the withdrawal choice ({@code _refw:<id>|keep}), the commands {@code /cabut} and {@code /withdraw} (also with an
 * {@code @botname} suffix, any case), and a typed yes or no while a consent question is open. Everything else is left to the engine. Runs inside
 * {@code ConversationService.receive}, so the inbound message is already in the transcript.
 */
@ApplicationScoped
class ReferralChat implements ChatInterceptor {

    private static final java.util.regex.Pattern NOT_WORD = java.util.regex.Pattern.compile("[^\\p{L}\\p{N}]+");

    private static final Pattern INVISIBLE = Pattern.compile("[\\p{Cf}]");
    private static final Pattern WITHDRAW = Pattern.compile("/(cabut|withdraw)(@[A-Za-z0-9_]{1,64})?", Pattern.CASE_INSENSITIVE);
    private static final Pattern CONSENT_NODE = Pattern.compile(ChatTexts.CONSENT_NODE_PREFIX + "([0-9]{1,19})");
    private static final Pattern CONFIRM_NODE = Pattern.compile(ChatTexts.WITHDRAW_CONFIRM_PREFIX + "([0-9]{1,19})");

    private final ReferralService referrals;
    private final ChatTexts texts;
    private final ChatMessageRepository messages;
    private final AnswerWords words;

    ReferralChat(ReferralService referrals, ChatTexts texts, ChatMessageRepository messages, AnswerWords words) {
        this.referrals = referrals;
        this.words = words;
        this.texts = texts;
        this.messages = messages;
    }

    /** Whether a typed text is the withdrawal command ({@code /cabut}, {@code /withdraw}, with or without {@code @botname}). */
    static boolean isWithdrawCommand(String text) {
        // a keyboard's invisible characters (a zero-width space after the command) ignored, as the engine's commands do
        return text != null && WITHDRAW.matcher(INVISIBLE.matcher(text).replaceAll("").strip()).matches();
    }

    /**
     * Whether a typed line quotes a question of the intake (WhatsApp
     * context, Telegram reply_to_message; {@link Input.Text#repliesTo()}): a "ya" quoted to "Kamu setuju dan mau lanjut?"
     * is no consent to share anything with a service provider, nor a withdrawal. Such a line is the person writing in
     * the case's thread.
     */
    private static boolean quotesOtherThanReferral(Input.Text text) {
        // a flow's question: its node id never begins with an underscore; the service's own messages' do (the thread's
        // "pesanmu sudah sampai" is _thread, a referral's question _ref...), and a quote of one of those is read as usual
        return text.repliesTo() != null && !text.repliesTo().startsWith("_");
    }

    /**
     * {@inheritDoc} A typed text is looked at only in a chat that has {@code reported}: a referral belongs to a case, and
     * before the person's first report none can exist, so the text goes to the engine without a query (most typed answers
     * are an intake's). The command and the buttons are answered either way.
     */
    @Override
    public Optional<List<Output.Message>> intercept(Contact contact, Input input, boolean reported) {
        // Null until the chat has chosen a language: then every answer says it in Bahasa Indonesia, then in English,
        // as the conversation's own answers do before the language question (a /cabut as a chat's first message).
        String language = contact.language == null ? null : ReferralTexts.language(contact.language);
        if (input instanceof Input.Text text && !text.forwarded() && isWithdrawCommand(text.text())) {
            return Optional.of(List.of(startWithdrawal(contact, language)));
        }
        if (input instanceof Input.Text text && reported && text.forwarded()) {
            return forwardedAtConsent(contact, language);
        }
        if (input instanceof Input.Text text && reported && !text.text().strip().startsWith("/") && !quotesOtherThanReferral(text)) {
            List<Referral> withdrawable = referrals.withdrawable(contact);
            if (withdrawable.size() > 1) {
                Optional<Output.Message> asked = openWithdrawalQuestion(contact);
                if (asked.isPresent()) {
                    return typedWithdrawal(contact, text.text(), asked.get(), withdrawable, language);
                }
            }
            Optional<Long> confirming = openWithdrawConfirm(contact);
            if (confirming.isPresent()) {
                return typedWithdrawConfirm(contact, text.text(), confirming.get(), language);
            }
            List<Referral> open = awaitingConsent(withdrawable);
            if (!open.isEmpty()) {
                return typedConsent(contact, text.text(), open, language);
            }
            return TypedConsent.changedMind(text.text(), words) ? askToWithdraw(contact, withdrawable, language) : Optional.empty();
        }
        if (!(input instanceof Input.ButtonPress press) || press.nodeId() == null
                || !press.nodeId().startsWith(ChatTexts.CONSENT_NODE_PREFIX)) {
            return Optional.empty();
        }
        if (ChatTexts.WITHDRAW_NODE.equals(press.nodeId()) || ChatTexts.WITHDRAW_AGAIN_NODE.equals(press.nodeId())) {
            if (ChatTexts.KEEP.equals(press.optionId())) {
                return reply(texts.plain("withdraw_kept", language, Map.of()));
            }
            Optional<Long> id = number(press.optionId());
            return reply(id.isEmpty() ? closed(language) : say(referrals.withdraw(contact, id.get()), language));
        }
        var confirm = CONFIRM_NODE.matcher(press.nodeId());
        if (confirm.matches()) {
            Optional<Long> id = number(confirm.group(1));
            if (id.isEmpty() || !"yes".equals(press.optionId())) {
                return reply(texts.plain("withdraw_kept", language, Map.of()));
            }
            return reply(say(referrals.withdraw(contact, id.get()), language));
        }
        var consent = CONSENT_NODE.matcher(press.nodeId());
        boolean yes = "yes".equals(press.optionId());
        Optional<Long> id = consent.matches() ? number(consent.group(1)) : Optional.empty();
        if (id.isEmpty() || !(yes || "no".equals(press.optionId()))) {
            return reply(closed(language));
        }
        return reply(say(referrals.answer(contact, id.get(), yes, inbound(contact)), language));
    }

    /** Of {@code referrals}, those whose consent question is open. */
    private static List<Referral> awaitingConsent(List<Referral> referrals) {
        return referrals.stream().filter(r -> r.state() == ReferralStatus.AWAITING_CONSENT).toList();
    }

    /**
     * The consent questions still open, after the conversation answered danger said while they were (the emergency
     * numbers first): each as "no hurry, the question stays open" with its buttons, since the person first needs to be
     * safe. Before, the question was left behind the numbers with nothing saying it was still open.
     */
    @Override
    public List<Output.Message> stillAsked(Contact contact) {
        List<Referral> open = awaitingConsent(referrals.withdrawable(contact));
        if (open.isEmpty()) {
            return List.of();
        }
        String language = contact.language == null ? null : ReferralTexts.language(contact.language);
        Map<Long, Provider> providers = referrals.providersOf(open);
        return open.stream().map(r -> texts.consentLater(r, providers.get(r.providerId), language)).toList();
    }

    /**
     * A typed answer while a consent question is open (walkthrough 9, finding 12: "iya boleh" was lost). A clear yes or
     * no answers the question like its button ({@link TypedConsent}: a thank-you or a bare "ok" is not consent);
     * "later" ({@link TypedConsent#later}) gets a kind "no hurry" with the buttons, anything else one kind re-prompt
     * naming the buttons. After either
     * re-prompt, further unclear text is the person writing in the thread and goes on to the engine (it is in the
     * transcript either way). With two questions open a typed yes cannot tell which one, so it is re-prompted too.
     */
    private Optional<List<Output.Message>> typedConsent(Contact contact, String typed, List<Referral> open, String language) {
        Optional<Boolean> yes = TypedConsent.read(typed, words, texts.buttonLabel("button_yes"), texts.buttonLabel("button_no"));
        ChatMessage inbound = inbound(contact);
        if (yes.isPresent() && open.size() == 1) {
            return reply(say(referrals.answer(contact, open.get(0).id, yes.get(), inbound), language));
        }
        if (repromptedAlready(contact, open, inbound)) {
            return Optional.empty();
        }
        Map<Long, Provider> providers = referrals.providersOf(open);
        if (yes.isEmpty() && TypedConsent.later(typed, words)) {
            return Optional.of(open.stream().map(r -> texts.consentLater(r, providers.get(r.providerId), language)).toList());
        }
        return Optional.of(open.stream().map(r -> texts.consentUnclear(r, providers.get(r.providerId), language)).toList());
    }

    /**
     * Words forwarded from another chat are never the person's consent or withdrawal. With a consent question open, the
     * person is told so, with its buttons (a forwarded "iya boleh" met silence in the thread's quiet period, and the
     * person could believe they had agreed), once for a run of forwarded messages; otherwise the line is a message in the
     * case's thread.
     */
    private Optional<List<Output.Message>> forwardedAtConsent(Contact contact, String language) {
        List<Referral> open = awaitingConsent(referrals.withdrawable(contact));
        if (open.isEmpty()) {
            return Optional.empty();
        }
        Map<Long, Provider> providers = referrals.providersOf(open);
        List<Output.Message> notes = open.stream().map(r -> texts.consentForwarded(r, providers.get(r.providerId), language)).toList();
        // once: not again while the last thing the bot sent is this note (several messages forwarded at once)
        Optional<String> last = messages.find("contactId = ?1 and direction = ?2 order by id desc", contact.id, ChatMessage.Direction.OUT)
                .firstResultOptional().flatMap(TranscriptBody::message).map(Output.Message::text);
        return last.filter(text -> notes.stream().anyMatch(note -> note.text().equals(text))).isPresent() ? Optional.empty()
                : Optional.of(notes);
    }

    /**
     * A typed change of mind after consenting ("tidak jadi", "aku berubah pikiran", "batalkan", "I changed my mind":
     * {@link TypedConsent#changedMind}). Before, it went into the case thread and withdrew nothing; only /cabut or the
     * button did. Now it is asked about once: with one consent in force, "Mau membatalkan persetujuanmu?" with "Ya,
     * batalkan" / "Tidak"; with several, /cabut's "which one?". The line stays in the transcript, so the counsellor
     * sees it either way. Nothing to withdraw: the message is the person writing in the thread.
     */
    private Optional<List<Output.Message>> askToWithdraw(Contact contact, List<Referral> withdrawable, String language) {
        if (withdrawable.isEmpty()) {
            return Optional.empty();
        }
        Map<Long, Provider> providers = referrals.providersOf(withdrawable);
        if (withdrawable.size() > 1) {
            return reply(texts.whichToWithdraw(withdrawable, providers, language));
        }
        Referral referral = withdrawable.get(0);
        return reply(texts.withdrawConfirm(referral, providers.get(referral.providerId), language));
    }

    /** The referral whose "withdraw your consent?" is the last thing the bot sent this chat, if it is. */
    private Optional<Long> openWithdrawConfirm(Contact contact) {
        return messages.find("contactId = ?1 and direction = ?2 order by id desc", contact.id, ChatMessage.Direction.OUT)
                .firstResultOptional().flatMap(TranscriptBody::message).map(Output.Message::nodeId)
                .map(CONFIRM_NODE::matcher).filter(java.util.regex.Matcher::matches).flatMap(m -> number(m.group(1)));
    }

    /**
     * A typed answer to "withdraw your consent?": a yes ("iya", "ya batalkan") withdraws it as /cabut does, a no keeps
     * it ("Baik, tidak ada yang berubah"); the change of mind said again in words that are no plain no ("batalkan",
     * "aku berubah pikiran") withdraws it too. Anything else is the person writing in the thread: no second question.
     */
    private Optional<List<Output.Message>> typedWithdrawConfirm(Contact contact, String typed, long referralId, String language) {
        Optional<Boolean> yes = TypedYesNo.read(typed, words, texts.buttonLabel("withdraw_confirm_yes"),
                texts.buttonLabel("withdraw_confirm_no"));
        boolean changed = TypedConsent.changedMind(typed, words);
        if (yes.isPresent() && yes.get() || yes.isEmpty() && changed) {
            return reply(say(referrals.withdraw(contact, referralId), language));
        }
        if (yes.isPresent() && !changed) {
            return reply(texts.plain("withdraw_kept", language, Map.of()));
        }
        return Optional.empty();
    }

    /** Whether the person already wrote since the newest open consent question was asked (so was re-prompted once). */
    private boolean repromptedAlready(Contact contact, List<Referral> open, ChatMessage inbound) {
        Instant asked = open.stream().map(r -> r.consentAskedAt).filter(Objects::nonNull).max(Instant::compareTo).orElse(Instant.EPOCH);
        long current = inbound == null ? Long.MAX_VALUE : inbound.id;
        return messages.count("contactId = ?1 and direction = ?2 and id < ?3 and createdAt >= ?4",
                contact.id, ChatMessage.Direction.IN, current, asked) > 0;
    }

    /**
     * /cabut's "which one?" is open when it (or its re-prompt) is the last thing the bot sent this chat: the rows of
     * the transcript are the record, so nothing else needs to remember the question.
     */
    private Optional<Output.Message> openWithdrawalQuestion(Contact contact) {
        return messages.find("contactId = ?1 and direction = ?2 order by id desc", contact.id, ChatMessage.Direction.OUT)
                .firstResultOptional().flatMap(TranscriptBody::message)
                .filter(m -> ChatTexts.WITHDRAW_NODE.equals(m.nodeId()) || ChatTexts.WITHDRAW_AGAIN_NODE.equals(m.nodeId()));
    }

    /**
     * A typed answer to "which one?": its number in the list ("2", "no. 2", "yang 2") or words of one provider's name
     * ("psikologi"), or "batal" / the cancel button's label. Anything else gets the question once more, with how to
     * answer; after that, unclear text is the person writing in the thread (it is in the transcript either way).
     */
    private Optional<List<Output.Message>> typedWithdrawal(Contact contact, String typed, Output.Message asked, List<Referral> withdrawable,
            String language) {
        List<Choice> choices = asked.choices().stream().filter(c -> !ChatTexts.KEEP.equals(c.id())).toList();
        String words = normalize(typed);
        if (CANCEL.contains(words) || words.equals(normalize(texts.plain("withdraw_keep", language, Map.of()).text()))) {
            return reply(texts.plain("withdraw_kept", language, Map.of()));
        }
        Optional<Long> chosen = WithdrawalAnswer.byNumber(words, choices)
                .or(() -> WithdrawalAnswer.byName(words, choices, id -> withdrawable.stream().filter(r -> r.id == id).findFirst()
                        .map(r -> referrals.providersOf(List.of(r)).get(r.providerId).name)));
        if (chosen.isPresent()) {
            return reply(say(referrals.withdraw(contact, chosen.get()), language));
        }
        if (ChatTexts.WITHDRAW_AGAIN_NODE.equals(asked.nodeId())) {
            return Optional.empty();
        }
        return reply(texts.whichToWithdrawAgain(withdrawable, referrals.providersOf(withdrawable), language));
    }

    private static final java.util.Set<String> CANCEL = java.util.Set.of("batal", "cancel", "tidak jadi", "gak jadi", "nggak jadi",
            "ga jadi", "enggak jadi", "never mind", "nevermind");

    static String normalize(String text) {
        return NOT_WORD.matcher(id.ruangaman.conversation.text.AnswerText.normalize(text)).replaceAll(" ").strip();
    }

    private Output.Message startWithdrawal(Contact contact, String language) {
        List<Referral> open = referrals.withdrawable(contact);
        if (open.isEmpty()) {
            return texts.plain("withdraw_none", language, Map.of());
        }
        if (open.size() == 1) {
            return say(referrals.withdraw(contact, open.get(0).id), language);
        }
        return texts.whichToWithdraw(open, referrals.providersOf(open), language);
    }

    private Output.Message say(ReferralService.ChatTextKey answer, String language) {
        if (answer.referral() == null) {
            return texts.plain(answer.key(), language, Map.of());
        }
        return texts.about(answer.key(), answer.referral(), answer.provider(), language);
    }

    private Output.Message closed(String language) {
        return texts.plain("question_closed", language, Map.of());
    }

    /** The inbound row just recorded for this input (the contact's row is locked, so it is the latest). */
    private ChatMessage inbound(Contact contact) {
        return messages.find("contactId = ?1 and direction = ?2 order by id desc", contact.id, ChatMessage.Direction.IN)
                .firstResult();
    }

    private static Optional<List<Output.Message>> reply(Output.Message message) {
        return Optional.of(List.of(message));
    }

    private static Optional<Long> number(String value) {
        try {
            return Optional.of(Long.valueOf(value));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
