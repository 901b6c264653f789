package id.ruangaman.channel;

import jakarta.enterprise.context.ApplicationScoped;

import id.ruangaman.channel.telegram.TelegramConfig;
import id.ruangaman.channel.whatsapp.WhatsAppConfig;
import id.ruangaman.transcript.Channel;
import id.ruangaman.transcript.ChannelAvailability;

/** Answers {@link ChannelAvailability} from each platform's settings. The dev chat is always there. */
@ApplicationScoped
class EnabledChannels implements ChannelAvailability {

    private final TelegramConfig telegram;
    private final WhatsAppConfig whatsApp;

    EnabledChannels(TelegramConfig telegram, WhatsAppConfig whatsApp) {
        this.telegram = telegram;
        this.whatsApp = whatsApp;
    }

    @Override
    public boolean enabled(Channel channel) {
        return switch (channel) {
            case TELEGRAM -> telegram.enabled();
            case WHATSAPP -> whatsApp.enabled();
            default -> true;
        };
    }
}
