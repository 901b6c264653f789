package id.ruangaman.channel.telegram;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import id.ruangaman.transcript.Channel;
import id.ruangaman.channel.ChannelsConfig;
import id.ruangaman.transcript.ContactRepository;
import id.ruangaman.channel.inbound.InboundStore;

/** A Telegram update as the row the inbound store keeps, whether it came by webhook or by polling. */
@ApplicationScoped
class TelegramArrivals {

    private final TelegramConfig config;
    private final ContactRepository contacts;
    private final ChannelsConfig channels;

    TelegramArrivals(TelegramConfig config, ContactRepository contacts, ChannelsConfig channels) {
        this.config = config;
        this.contacts = contacts;
        this.channels = channels;
    }

    /** Unique per bot and update id ({@code <bot id>:<update_id>}); {@code body} is stored as received. */
    InboundStore.Arrival of(TelegramUpdateTree.Read update, byte[] body) {
        byte[] sender = update.chatId() == null ? null : contacts.hash(Channel.TELEGRAM, String.valueOf(update.chatId()));
        // An album arrives as one update per file: hold each briefly so all are stored before the first is answered.
        // The person it is from: the chat's own id in a private chat, the user's in a group (erasure finds it by either).
        byte[] subject = update.fromId() == null || update.fromId().equals(update.chatId()) ? sender
                : contacts.hash(Channel.TELEGRAM, String.valueOf(update.fromId()));
        return new InboundStore.Arrival(Channel.TELEGRAM, config.botId() + ":" + update.updateId(), update.updateId(),
                sender, update.kind(), body, update.album() ? channels.burstSettle() : Duration.ZERO, subject);
    }
}
