package id.ruangaman.transcript;

/**
 * Whether a messenger is configured in this deployment, so a feature that queues a message (a team notification,
 * a referral text) can tell before it writes to the outbox. The {@code channel} package provides the bean from the
 * platforms' own settings; this interface keeps that knowledge behind the transcript so features need not import
 * the channel adapters.
 */
public interface ChannelAvailability {

    /** True when the channel's credentials are all set (see {@code TelegramConfig.enabled()}). */
    boolean enabled(Channel channel);
}
