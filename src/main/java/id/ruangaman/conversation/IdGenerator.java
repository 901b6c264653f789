package id.ruangaman.conversation;

/** Makes the reference code a person receives when their intake is submitted. */
public interface IdGenerator {
    String referenceCode();
}
