package id.ruangaman.channel.whatsapp;

import jakarta.enterprise.context.ApplicationScoped;

import id.ruangaman.conversation.Output;
import id.ruangaman.intake.ChannelChoiceOrder;
import id.ruangaman.transcript.Channel;

/**
 * On WhatsApp a question with reply buttons or numbered text shows its choices in order; one sent as a list shows only
 * the list's button until it is opened ({@link WhatsAppMessageFormat#isList}), so a typed number there names no place.
 * Only numbered text shows the numbers themselves ({@link #numbered}).
 */
@ApplicationScoped
class WhatsAppChoiceOrder implements ChannelChoiceOrder {

    @Override
    public Channel channel() {
        return Channel.WHATSAPP;
    }

    @Override
    public boolean shown(Output.Message question) {
        return !WhatsAppMessageFormat.isList(question);
    }

    /** Only numbered text shows the numbers; reply buttons and lists do not. */
    @Override
    public boolean numbered(Output.Message question) {
        return WhatsAppMessageFormat.isNumberedText(question);
    }
}
