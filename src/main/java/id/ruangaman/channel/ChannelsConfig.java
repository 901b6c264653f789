package id.ruangaman.channel;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How inbound updates are processed and outbound messages delivered, for every channel. */
@ConfigMapping(prefix = "ruangaman.channels")
public interface ChannelsConfig {

    /** Process stored updates in this instance (RUANGAMAN_CHANNELS_PROCESS_INBOUND). */
    @WithDefault("true")
    boolean processInbound();

    /** Deliver the outbox from this instance (RUANGAMAN_CHANNELS_DELIVER_OUTBOUND). */
    @WithDefault("true")
    boolean deliverOutbound();

    /** Threads applying inbound updates; different contacts run in parallel, one contact never does. */
    @WithDefault("4")
    int inboundWorkers();

    /**
     * Contacts one inbound worker claims from the work queue at a time; their steps are applied together, one
     * transaction per round, with the round's contacts and sessions read in three statements up front and its writes
     * sent as JDBC batches at the commit (RUANGAMAN_CHANNELS_INBOUND_CLAIM_CONTACTS). More saves statements and
     * commits per step; the workers give way to the webhooks between the contacts of a round. On 2 cores
     * (ProcessingStepsMeasure, 3,000 steps, before the session-state cache) the inbound workers' CPU per step was
     * 3.0 ms with 2 contacts a claim, 2.0 ms with 8 and 1.9 ms with 16.
     */
    @WithDefault("8")
    int inboundClaimContacts();

    /**
     * Consecutive due updates of one claimed contact applied in one round's transaction
     * (RUANGAMAN_CHANNELS_INBOUND_ROUND_STEPS): the round's fixed work (locking the updates, reading the contacts and
     * sessions, marking, the commit) is then shared by up to this many steps of each contact. After the first, only
     * updates that fetch no file join a round. 1: one step per contact per round.
     */
    @WithDefault("8")
    int inboundRoundSteps();

    /** Waiting updates of one claimed contact read with the claim; more are taken at the next claim. */
    @WithDefault("20")
    int inboundClaimUpdates();

    /**
     * How long a claimed contact is kept from other workers and instances. A worker stops taking new steps at half of
     * it; a crashed worker's contacts are claimed again once it has run out.
     */
    @WithDefault("30S")
    Duration inboundClaimLease();

    /**
     * The fewest sends each channel has in flight at once, each on its own thread (per channel, so one slow platform
     * never delays another); more when the channel's limit needs them (see {@link #outboundSendTime()}).
     */
    @WithDefault("8")
    int outboundWorkers();

    /**
     * How long a sender is busy with one send, as first assumed (RUANGAMAN_CHANNELS_OUTBOUND_SEND_TIME): the
     * platform's answer and the recording of its outcome. Each channel then follows the mean of its real sends. A channel
     * reaches its limit only with limit × that time sends in flight (Little's law), so each channel keeps that many (and
     * a quarter more), at least
     * {@link #outboundWorkers()} and at most {@link #outboundMaxWorkers()}: 32 for 100 messages/s at 250 ms, 8 for a
     * platform that answers in 20 ms. Threads are started only when there is that much to send, and end after a minute
     * idle: idle ones would compete with the webhook for the CPU.
     */
    @WithDefault("250ms")
    Duration outboundSendTime();

    /**
     * The most sends one channel has in flight at once, whatever its limit (RUANGAMAN_CHANNELS_OUTBOUND_MAX_WORKERS): at
     * answers of 250 ms, enough for about 200 messages a second; each sender also takes a database connection for its
     * short transactions, from the same pool as everything else.
     */
    @WithDefault("64")
    int outboundMaxWorkers();

    /** How often the database is polled when no wake-up came (other instances, retries, restarts). */
    @WithDefault("500ms")
    Duration pollInterval();

    /**
     * How long a file that may be one of several sent together (a Telegram album, WhatsApp media) waits before it is
     * handled, so the rest arrive first and the person gets one answer for all of them.
     */
    @WithDefault("1500ms")
    Duration burstSettle();

    /** Failed processing attempts of one update before it is marked FAILED. */
    @WithDefault("10")
    int inboundMaxAttempts();

    /** How long an outbound message is retried before it is marked FAILED. */
    @WithDefault("24H")
    Duration deliveryGiveUpAfter();

    /** Longest wait between two delivery attempts (exponential backoff is capped here). */
    @WithDefault("5M")
    Duration backoffCap();

    /** How long a message being sent is reserved; a crashed sender's message is retried after this. */
    @WithDefault("60S")
    Duration sendLease();

    /**
     * How long the raw payload of a processed update is kept (for diagnosing a failed step) before a
     * scheduled job empties it, with the hashes of the ids of the people it was from or about (RawPayloadPurge). A
     * Telegram row (update id, status) stays so a redelivery is still recognised (Telegram retries for 24 hours); a
     * WhatsApp row, left with nothing but its hashed id, is deleted then: Meta retries a webhook for up to 7 days.
     */
    @WithDefault("7D")
    Duration rawPayloadRetention();

    /** How often the raw-payload purge runs. */
    @WithDefault("1H")
    Duration rawPayloadPurgeEvery();
}
