package dev.fulfillment.local.sfn.query.intrinsic;

/** How many arguments an intrinsic function takes: {@code min..max} inclusive. */
public record Arity(int min, int max) {
    public Arity {
        if (min < 0 || max < min) {
            throw new IllegalArgumentException("bad arity " + min + ".." + max);
        }
    }

    public static Arity exactly(int count) {
        return new Arity(count, count);
    }

    public static Arity between(int min, int max) {
        return new Arity(min, max);
    }

    public static Arity atLeast(int min) {
        return new Arity(min, Integer.MAX_VALUE);
    }

    public boolean accepts(int count) {
        return count >= min && count <= max;
    }

    /** For messages: "exactly 2", "1 to 3", "at least 1". */
    public String describe() {
        if (min == max) {
            return "exactly " + min;
        }
        return max == Integer.MAX_VALUE ? "at least " + min : min + " to " + max;
    }
}
