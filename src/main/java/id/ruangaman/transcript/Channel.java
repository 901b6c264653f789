package id.ruangaman.transcript;

/** The messengers a person can reach Ruang Aman through. {@code DEV} is the local test chat. */
public enum Channel {
    TELEGRAM, WHATSAPP, DEV
}
