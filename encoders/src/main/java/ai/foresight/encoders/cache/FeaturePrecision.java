package ai.foresight.encoders.cache;

/** How cached features are stored on disk; they are always read back as float32. */
public enum FeaturePrecision {
    /** Exact: 4 bytes per value, numpy {@code <f4}. */
    FLOAT32("<f4", 4),
    /** Half the disk and I/O, about 3 significant digits: 2 bytes per value, numpy {@code <f2}. */
    FLOAT16("<f2", 2);

    private final String numpyDescr;
    private final int bytes;

    FeaturePrecision(String numpyDescr, int bytes) {
        this.numpyDescr = numpyDescr;
        this.bytes = bytes;
    }

    /** The numpy dtype string of the stored arrays. */
    public String numpyDescr() {
        return numpyDescr;
    }

    /** Bytes per stored value. */
    public int bytes() {
        return bytes;
    }
}
