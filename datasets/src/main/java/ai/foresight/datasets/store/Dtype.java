package ai.foresight.datasets.store;

/**
 * The numpy element types an episode file uses, with the {@code descr} strings numpy writes in an
 * npy header (little-endian; single bytes carry the "not applicable" order mark {@code |}).
 */
public enum Dtype {
    UINT8("|u1", 1),
    FLOAT32("<f4", 4),
    FLOAT64("<f8", 8);

    private final String descr;
    private final int itemSize;

    Dtype(String descr, int itemSize) {
        this.descr = descr;
        this.itemSize = itemSize;
    }

    /** The npy {@code descr} string, e.g. {@code <f4}. */
    public String descr() {
        return descr;
    }

    /** Bytes per element. */
    public int itemSize() {
        return itemSize;
    }

    /**
     * The dtype an npy {@code descr} names; byte-order marks of one-byte types are equivalent
     * ({@code |u1}, {@code <u1}, {@code >u1}).
     *
     * @return the dtype, or {@code null} if {@code descr} names none of the three
     */
    public static Dtype fromDescr(String descr) {
        if (descr == null) {
            return null;
        }
        if (descr.length() == 3 && descr.endsWith("u1") && "|<>=".indexOf(descr.charAt(0)) >= 0) {
            return UINT8;
        }
        for (Dtype d : values()) {
            if (d.descr.equals(descr)) {
                return d;
            }
        }
        return null;
    }
}
