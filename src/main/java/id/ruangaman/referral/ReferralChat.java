package id.ruangaman.referral;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import id.ruangaman.transcript.ChatMessage;
import id.ruangaman.transcript.ChatMessageRepository;
import id.ruangaman.transcript.Contact;
import id.ruangaman.conversation.Input;
import id.ruangaman.conversation.Output;
import id.ruangaman.intake.ChatInterceptor;

/**
 * The referral part of the chat, ahead of the conversation engine: the consent buttons ({@code _ref<id>:yes|no}),
 * the withdrawal choice ({@code _refw:<id>|keep}) and the commands {@code /cabut} and {@code /withdraw} (also with an
 * {@code @botname} suffix, any case). Everything else is left to the engine. Runs inside
 * {@code ConversationService.receive}, so the inbound message is already in the transcript.
 */
@ApplicationScoped
class ReferralChat implements ChatInterceptor {

    private static final Pattern WITHDRAW = Pattern.compile("/(cabut|withdraw)(@[A-Za-z0-9_]{1,64})?", Pattern.CASE_INSENSITIVE);
    private static final Pattern CONSENT_NODE = Pattern.compile(ChatTexts.CONSENT_NODE_PREFIX + "([0-9]{1,19})");

    private final ReferralService referrals;
    private final ChatTexts texts;
    private final ChatMessageRepository messages;

    ReferralChat(ReferralService referrals, ChatTexts texts, ChatMessageRepository messages) {
        this.referrals = referrals;
        this.texts = texts;
        this.messages = messages;
    }

    /** Whether a typed text is the withdrawal command ({@code /cabut}, {@code /withdraw}, with or without {@code @botname}). */
    static boolean isWithdrawCommand(String text) {
        return text != null && WITHDRAW.matcher(text.strip()).matches();
    }

    @Override
    public Optional<List<Output.Message>> intercept(Contact contact, Input input) {
        String language = ReferralTexts.language(contact.language);
        if (input instanceof Input.Text text && isWithdrawCommand(text.text())) {
            return Optional.of(List.of(startWithdrawal(contact, language)));
        }
        if (!(input instanceof Input.ButtonPress press) || press.nodeId() == null
                || !press.nodeId().startsWith(ChatTexts.CONSENT_NODE_PREFIX)) {
            return Optional.empty();
        }
        if (ChatTexts.WITHDRAW_NODE.equals(press.nodeId())) {
            if (ChatTexts.KEEP.equals(press.optionId())) {
                return reply(texts.plain("withdraw_kept", language, Map.of()));
            }
            Optional<Long> id = number(press.optionId());
            return reply(id.isEmpty() ? closed(language) : say(referrals.withdraw(contact, id.get()), language));
        }
        var consent = CONSENT_NODE.matcher(press.nodeId());
        boolean yes = "yes".equals(press.optionId());
        Optional<Long> id = consent.matches() ? number(consent.group(1)) : Optional.empty();
        if (id.isEmpty() || !(yes || "no".equals(press.optionId()))) {
            return reply(closed(language));
        }
        return reply(say(referrals.answer(contact, id.get(), yes, inbound(contact)), language));
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
