package id.ruangaman.conversation;

import java.util.List;

/** Hands out the given codes in order, then repeats the last. */
final class FixedReferenceCodes implements IdGenerator {

    private final List<String> codes;
    private int next;

    FixedReferenceCodes(String... codes) {
        this.codes = List.of(codes);
    }

    @Override
    public String referenceCode() {
        return codes.get(Math.min(next++, codes.size() - 1));
    }
}
