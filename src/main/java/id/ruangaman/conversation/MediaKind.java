package id.ruangaman.conversation;

/** Kinds of uploads a person can send. Written lower-case in flow files ({@code accept: [photo, voice]}). */
public enum MediaKind { PHOTO, DOCUMENT, VOICE, AUDIO, VIDEO }
