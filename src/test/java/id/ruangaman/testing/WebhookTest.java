package id.ruangaman.testing;

import jakarta.inject.Inject;

/**
 * The common frame of the tests that talk to the service through its real webhooks, as Telegram and WhatsApp do: the
 * fake Telegram Bot API and the fake WhatsApp Graph API that receive what the service sends (one of each for the whole
 * run, {@link FakePlatforms}; a test tells its own chats apart by their new ids), and {@link TelegramChats} to post
 * updates and wait until they are processed and answered. A subclass is a {@code @QuarkusTest}.
 */
public abstract class WebhookTest {

    /** What the service sent to Telegram. */
    protected final FakeTelegram telegram = FakePlatforms.telegram();
    /** What the service sent to WhatsApp. */
    protected final FakeGraph graph = FakePlatforms.graph();
    /** Posts updates to the webhooks and reads what the service stored for a chat. */
    @Inject
    protected TelegramChats chats;
}
