package ai.foresight.datasets.store;

/**
 * How episode files are written.
 *
 * @param compressionLevel 0 stores npz entries uncompressed (fastest; like {@code numpy.savez}),
 *     1..9 deflates them (like {@code numpy.savez_compressed}); part of a dataset's identity, since
 *     it changes the bytes and checksums
 * @param fsync whether each file is forced to the device before its atomic rename (durability
 *     across power loss; the rename is atomic either way)
 */
public record StoreConfig(int compressionLevel, boolean fsync) {
    public StoreConfig {
        if (compressionLevel < 0 || compressionLevel > 9) {
            throw new IllegalArgumentException("compressionLevel: expected 0..9, got " + compressionLevel);
        }
    }

    /** Fast deflate (level 1) with fsync: small files for the mostly flat frames of the built-in worlds. */
    public static StoreConfig defaults() {
        return new StoreConfig(1, true);
    }

    /** Stored entries, no fsync: for tests. */
    public static StoreConfig tiny() {
        return new StoreConfig(0, false);
    }
}
