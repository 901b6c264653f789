package id.ruangaman.conversation;

/**
 * What a person can share that is neither typed text nor a file: a place ({@link Input.Location}) or a contact card
 * ({@link Input.SharedContact}). Written lower-case in flow files ({@code shared: [contact, location]}) on the questions
 * that ask for one (a witness's number, the evidence); any other question answers it with one kind re-prompt and keeps
 * nothing of it as an answer (a friend's number is never a name).
 */
public enum SharedKind { LOCATION, CONTACT }
