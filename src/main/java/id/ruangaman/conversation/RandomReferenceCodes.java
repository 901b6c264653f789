package id.ruangaman.conversation;

import java.security.SecureRandom;

/** Reference codes like {@code RA-7K2QX}: no 0/O, 1/I/L so they can be read out on the phone. */
public final class RandomReferenceCodes implements IdGenerator {

    static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    private static final int LENGTH = 5;

    private final SecureRandom random;

    public RandomReferenceCodes() {
        this(new SecureRandom());
    }

    public RandomReferenceCodes(SecureRandom random) {
        this.random = random;
    }

    @Override
    public String referenceCode() {
        StringBuilder code = new StringBuilder("RA-");
        for (int i = 0; i < LENGTH; i++) {
            code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }
}
