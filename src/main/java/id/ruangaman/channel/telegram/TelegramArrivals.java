package id.ruangaman.channel.telegram;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import org.telegram.telegrambots.meta.api.objects.Update;

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
    InboundStore.Arrival of(Update update, byte[] body) {
        TelegramUpdates.Classified classified = TelegramUpdates.classify(update);
        byte[] sender = classified.chatId() == null ? null : contacts.hash(Channel.TELEGRAM, String.valueOf(classified.chatId()));
        // An album arrives as one update per file: hold each briefly so all are stored before the first is answered.
        boolean album = update.hasMessage() && update.getMessage().getMediaGroupId() != null;
        return new InboundStore.Arrival(Channel.TELEGRAM, config.botId() + ":" + update.getUpdateId(), update.getUpdateId(),
                sender, classified.kind(), body, album ? channels.burstSettle() : Duration.ZERO);
    }
}
