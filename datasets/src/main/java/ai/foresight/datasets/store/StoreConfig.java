package ai.foresight.datasets.store;

/**
 * How episode files are written.
 *
 * @param compressionLevel 0 stores npz entries uncompressed (like {@code numpy.savez}), 1..9
 *     deflates them (like {@code numpy.savez_compressed}); part of a dataset's identity, since it
 *     changes the bytes and checksums
 * @param durability when written files are forced to the device; every write is atomic (temporary
 *     file, then rename) whatever this says
 */
public record StoreConfig(int compressionLevel, Durability durability) {

    /** When files reach the device, as opposed to the page cache. */
    public enum Durability {
        /** Never forced: fastest; a power cut may lose recent files (a resume regenerates them). */
        NONE,
        /**
         * Episode files are forced in one batch, then the directory, before {@code dataset.json} is
         * written and forced: a dataset whose manifest exists is on the device. An episode renamed
         * but not yet flushed when the power fails can read back damaged; a resumed run decodes
         * every existing file (zip CRC-32 and npy checks) and regenerates those, so nothing damaged
         * reaches a finished dataset.
         */
        AT_FINISH,
        /** Every file is forced before its rename (one device flush per episode: slow on busy disks). */
        EACH_FILE
    }

    public StoreConfig {
        if (compressionLevel < 0 || compressionLevel > 9) {
            throw new IllegalArgumentException("compressionLevel: expected 0..9, got " + compressionLevel);
        }
        if (durability == null) {
            throw new IllegalArgumentException("durability: expected NONE, AT_FINISH or EACH_FILE, got null");
        }
    }

    /**
     * Fast deflate (level 1: about 100x smaller files for the mostly flat frames of the built-in
     * worlds, for about 1 ms more CPU per 50-frame episode at 64 px) and {@link Durability#AT_FINISH}.
     */
    public static StoreConfig defaults() {
        return new StoreConfig(1, Durability.AT_FINISH);
    }

    /** Stored entries, no fsync: for tests. */
    public static StoreConfig tiny() {
        return new StoreConfig(0, Durability.NONE);
    }

    /** Whether each file is forced before its rename. */
    public boolean fsyncEachFile() {
        return durability == Durability.EACH_FILE;
    }

    /** Whether the dataset is forced to the device before and with its manifest. */
    public boolean fsyncAtFinish() {
        return durability != Durability.NONE;
    }
}
