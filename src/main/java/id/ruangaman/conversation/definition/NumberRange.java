package id.ruangaman.conversation.definition;

/**
 * A whole-number range of an option, both ends included, either end open: {@code {min: 18, max: 24}},
 * {@code {max: 17}}, {@code {min: 45}}. Used by an option's {@code number} (a typed number such as an age) and
 * {@code days_ago} (a typed time ago, in days).
 */
public record NumberRange(Integer min, Integer max) {

    public boolean contains(long value) {
        return (min == null || value >= min) && (max == null || value <= max);
    }

    /** At least one end, no negative end, and min not above max. */
    public boolean isValid() {
        return (min != null || max != null) && (min == null || min >= 0) && (max == null || max >= 0)
                && (min == null || max == null || min <= max);
    }

    /** Whether a number lies in both ranges (both valid). */
    public boolean overlaps(NumberRange other) {
        long low = Math.max(min == null ? Long.MIN_VALUE : min, other.min == null ? Long.MIN_VALUE : other.min);
        long high = Math.min(max == null ? Long.MAX_VALUE : max, other.max == null ? Long.MAX_VALUE : other.max);
        return low <= high;
    }
}
