package id.ruangaman.intake;

import id.ruangaman.conversation.ChoiceOrder;
import id.ruangaman.transcript.Channel;

/**
 * A messenger's own {@link ChoiceOrder}: whether a question's message, as that messenger shows it, lets the person see
 * the choices in order. Implemented by a channel whose messages can hide them (WhatsApp lists); a channel without one
 * shows every choice in order.
 */
public interface ChannelChoiceOrder extends ChoiceOrder {

    Channel channel();
}
