package id.ruangaman.conversation;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.RepeatedTest;

class RandomReferenceCodesTest {

    private final RandomReferenceCodes codes = new RandomReferenceCodes();

    @RepeatedTest(20)
    void shouldMakeCodesThatAreEasyToReadOut() {
        String code = codes.referenceCode();
        assertTrue(code.matches("RA-[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{5}"), code);
    }
}
