package ai.foresight.datasets.store;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDateTime;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes an npz archive (a ZIP of {@code name.npy} entries, what {@code numpy.savez} makes) to a
 * stream. Level 0 stores entries uncompressed ({@code ZIP_STORED}, the fastest, and what
 * {@code numpy.savez} does); levels 1..9 deflate them ({@code numpy.savez_compressed} uses deflate).
 *
 * <p>Entry timestamps are fixed (1980-01-01 00:00, local-time fields, no extra fields) so that the
 * same arrays always give the same bytes and checksum, whatever the clock or time zone.
 */
public final class NpzWriter implements AutoCloseable {
    private static final LocalDateTime FIXED_TIME = LocalDateTime.of(1980, 1, 1, 0, 0);

    private final ZipOutputStream zip;
    private final boolean stored;
    private final CRC32 crc = new CRC32();

    /**
     * @param out destination; closed when this writer is closed
     * @param compressionLevel 0 (stored) to 9 (best deflate)
     */
    public NpzWriter(OutputStream out, int compressionLevel) {
        if (compressionLevel < 0 || compressionLevel > 9) {
            throw new IllegalArgumentException("compressionLevel: expected 0..9, got " + compressionLevel);
        }
        this.zip = new ZipOutputStream(out);
        this.stored = compressionLevel == 0;
        if (stored) {
            zip.setMethod(ZipOutputStream.STORED);
        } else {
            zip.setMethod(ZipOutputStream.DEFLATED);
            zip.setLevel(compressionLevel);
        }
    }

    /** Adds entry {@code name + ".npy"} holding {@code npy} (bytes from {@link NpyCodec}). */
    public void add(String name, byte[] npy) throws IOException {
        ZipEntry e = new ZipEntry(name + ".npy");
        e.setTimeLocal(FIXED_TIME);
        if (stored) {
            crc.reset();
            crc.update(npy);
            e.setSize(npy.length);
            e.setCompressedSize(npy.length);
            e.setCrc(crc.getValue());
        }
        zip.putNextEntry(e);
        zip.write(npy);
        zip.closeEntry();
    }

    /** Writes the central directory without closing the underlying stream. */
    public void finish() throws IOException {
        zip.finish();
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }
}
