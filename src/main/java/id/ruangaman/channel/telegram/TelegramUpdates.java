package id.ruangaman.channel.telegram;

import java.util.Comparator;
import java.util.Optional;
import java.util.Set;

import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.message.MaybeInaccessibleMessage;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.photo.PhotoSize;

import id.ruangaman.conversation.MediaKind;

/** Reads what kind of update arrived and from which chat, without looking at its content. */
final class TelegramUpdates {

    /** {@code chatId} is null for updates that belong to no chat. */
    record Classified(String kind, Long chatId, boolean privateChat) {
    }

    /** A file in a message: the Bot API file id, its declared size (may be null) and type. */
    record Upload(String fileId, Long declaredSize, MediaKind kind, String mimeType) {
    }

    private TelegramUpdates() {
    }

    static Classified classify(Update update) {
        if (update.hasMessage()) {
            Message message = update.getMessage();
            return new Classified(kindOf(message), chatId(message), privateChat(message));
        }
        if (update.hasEditedMessage()) {
            Message message = update.getEditedMessage();
            return new Classified("edited_message", chatId(message), privateChat(message));
        }
        if (update.hasCallbackQuery()) {
            CallbackQuery query = update.getCallbackQuery();
            MaybeInaccessibleMessage message = query.getMessage();
            Long chatId = message != null ? chatId(message) : query.getFrom() == null ? null : query.getFrom().getId();
            return new Classified("callback_query", chatId, message == null || privateChat(message));
        }
        if (update.hasChannelPost()) {
            return new Classified("channel_post", chatId(update.getChannelPost()), false);
        }
        if (update.hasMyChatMember()) {
            var chat = update.getMyChatMember().getChat();
            return new Classified("my_chat_member", chat == null ? null : chat.getId(), false);
        }
        if (update.hasEditedChannelPost()) {
            return new Classified("edited_channel_post", chatId(update.getEditedChannelPost()), false);
        }
        if (update.hasChatMember()) {
            return new Classified("chat_member", null, false);
        }
        if (update.hasMessageReaction() || update.hasMessageReactionCount()) {
            return new Classified("message_reaction", null, false);
        }
        return new Classified("unknown", null, false);
    }

    /** The chat of a message; null when a malformed update has none (the library's getChatId would throw). */
    private static Long chatId(MaybeInaccessibleMessage message) {
        return message.getChat() == null ? null : message.getChat().getId();
    }

    private static boolean privateChat(MaybeInaccessibleMessage message) {
        return message.getChat() != null && message.getChat().isUserChat();
    }

    static String kindOf(Message message) {
        if (message.hasText()) {
            return message.getText().startsWith("/") ? "command" : "text";
        }
        if (message.hasPhoto()) {
            return "photo";
        }
        if (message.hasDocument()) {
            return "document";
        }
        if (message.hasVoice()) {
            return "voice";
        }
        if (message.hasAudio()) {
            return "audio";
        }
        if (message.hasVideo()) {
            return "video";
        }
        if (message.hasVideoNote()) {
            return "video_note";
        }
        if (message.hasLocation()) {
            return "location";
        }
        if (message.hasContact()) {
            return "contact";
        }
        if (message.hasSticker()) {
            return "sticker";
        }
        return serviceMessage(message) ? "service" : "other_message";
    }

    /**
     * The kind of a message whose content the service cannot read [Bot API: Message]: {@code poll}, {@code dice},
     * {@code game}, {@code story} (a forwarded story), {@code paid_media}, {@code giveaway}, {@code giveaway_winners},
     * {@code checklist}, {@code invoice}, {@code animation} (normally sent with a {@code document}, read as one); else
     * {@link #kindOf} ({@code other_message} for content newer than this library). Only the kind, never the content.
     */
    static String unreadableKind(Message message) {
        if (message.hasPoll()) {
            return "poll";
        } else if (message.hasDice()) {
            return "dice";
        } else if (message.hasGame()) {
            return "game";
        } else if (message.hasStory()) {
            return "story";
        } else if (message.hasPaidMedia()) {
            return "paid_media";
        } else if (message.getGiveaway() != null) {
            return "giveaway";
        } else if (message.getGiveawayWinners() != null) {
            return "giveaway_winners";
        } else if (message.hasChecklist()) {
            return "checklist";
        } else if (message.hasInvoice()) {
            return "invoice";
        } else if (message.hasAnimation()) {
            return "animation";
        }
        return kindOf(message);
    }

    /**
     * A service message: something that happened in the chat (a pin, the auto-delete timer, the chat photo, a video
     * chat, members joining or leaving, a new title ...), not something the person said. [Bot API: Message]
     */
    static boolean serviceMessage(Message message) {
        return message.getPinnedMessage() != null || message.hasMessageAutoDeleteTimerChanged()
                || message.getNewChatPhoto() != null && !message.getNewChatPhoto().isEmpty()
                || Boolean.TRUE.equals(message.getDeleteChatPhoto())
                || message.hasVideoChatStarted() || message.hasVideoChatEnded() || message.hasVideoChatScheduled()
                || message.hasVideoChatParticipantsInvited()
                || message.getNewChatMembers() != null && !message.getNewChatMembers().isEmpty()
                || message.getLeftChatMember() != null || message.getNewChatTitle() != null
                || Boolean.TRUE.equals(message.getGroupchatCreated()) || Boolean.TRUE.equals(message.getSuperGroupCreated())
                || Boolean.TRUE.equals(message.getChannelChatCreated())
                || message.getMigrateToChatId() != null || message.getMigrateFromChatId() != null
                || message.hasForumTopicCreated() || message.hasForumTopicClosed() || message.hasForumTopicReopened()
                || message.getForumTopicEdited() != null || message.hasWriteAccessAllowed() || message.hasBoostAdded()
                || message.getChatBackgroundSet() != null || message.getProximityAlertTriggered() != null
                || message.getConnectedWebsite() != null || message.hasSuccessfulPayment() || message.getRefundedPayment() != null
                || message.hasGift() || message.hasUniqueGift() || message.hasChatOwnerChanged() || message.hasChatOwnerLeft()
                || message.getGiveawayCreated() != null || message.getGiveawayCompleted() != null;
    }

    /** Kinds that carry a file, for telling whether more of a burst (an album) is still waiting. */
    static final Set<String> FILE_KINDS = Set.of("photo", "document", "voice", "audio", "video", "video_note");

    /** The file of a media message; for a photo, its largest size. */
    static Optional<Upload> upload(Message message) {
        if (message.hasPhoto()) {
            return message.getPhoto().stream()
                    .max(Comparator.comparingLong(TelegramUpdates::pixels))
                    .map(photo -> new Upload(photo.getFileId(), photo.getFileSize() == null ? null : photo.getFileSize().longValue(),
                            MediaKind.PHOTO, "image/jpeg"));
        }
        if (message.hasDocument()) {
            return Optional.of(new Upload(message.getDocument().getFileId(), message.getDocument().getFileSize(),
                    MediaKind.DOCUMENT, message.getDocument().getMimeType()));
        }
        if (message.hasVoice()) {
            return Optional.of(new Upload(message.getVoice().getFileId(), message.getVoice().getFileSize(),
                    MediaKind.VOICE, message.getVoice().getMimeType()));
        }
        if (message.hasAudio()) {
            return Optional.of(new Upload(message.getAudio().getFileId(), message.getAudio().getFileSize(),
                    MediaKind.AUDIO, message.getAudio().getMimeType()));
        }
        if (message.hasVideo()) {
            return Optional.of(new Upload(message.getVideo().getFileId(), message.getVideo().getFileSize(),
                    MediaKind.VIDEO, message.getVideo().getMimeType()));
        }
        if (message.hasVideoNote()) {
            return Optional.of(new Upload(message.getVideoNote().getFileId(),
                    message.getVideoNote().getFileSize() == null ? null : message.getVideoNote().getFileSize().longValue(),
                    MediaKind.VIDEO, "video/mp4"));
        }
        return Optional.empty();
    }

    private static long pixels(PhotoSize photo) {
        long area = (long) (photo.getWidth() == null ? 0 : photo.getWidth()) * (photo.getHeight() == null ? 0 : photo.getHeight());
        return area > 0 ? area : photo.getFileSize() == null ? 0 : photo.getFileSize();
    }
}
