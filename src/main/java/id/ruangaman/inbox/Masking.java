package id.ruangaman.inbox;

/** Masks platform ids, phone numbers and names: only the last three characters of an id show. */
final class Masking {

    private Masking() {
    }

    public static String id(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        return value.length() <= 4 ? "\u2022\u2022\u2022\u2022" : "\u2022\u2022\u2022\u2022" + value.substring(value.length() - 3);
    }

    public static String name(String value) {
        return value == null || value.isEmpty() ? "" : value.charAt(0) + "\u2022\u2022\u2022";
    }
}
