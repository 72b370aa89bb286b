package ai.foresight.datasets.store;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Writes a file so that readers see either the old content or the complete new content, never a
 * part: the bytes go to a hidden temporary file in the same directory ({@code .name.<random>.tmp}),
 * which is flushed, optionally fsynced, closed and then renamed over the target with
 * {@link StandardCopyOption#ATOMIC_MOVE}. If the body throws, the temporary file is deleted and the
 * target is untouched. The SHA-256 and size of what was written come back, computed on the way out.
 */
public final class AtomicFileWriter {
    /** Suffix of temporary files, which a resumed run may delete. */
    public static final String TEMP_SUFFIX = ".tmp";

    private AtomicFileWriter() {}

    /** What a body writes into the stream it is given. */
    @FunctionalInterface
    public interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    /** The checksum and length of a written file. */
    public record Written(String sha256, long bytes) {}

    /**
     * Atomically replaces {@code target} with what {@code body} writes.
     *
     * @param fsync whether to force the bytes to the device before the rename
     */
    public static Written write(Path target, boolean fsync, Body body) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Path temp = Files.createTempFile(dir, "." + target.getFileName() + ".", TEMP_SUFFIX);
        boolean moved = false;
        try {
            MessageDigest sha = sha256();
            long[] count = new long[1];
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                OutputStream counting = new FilterOutputStream(
                        new DigestOutputStream(Channels.newOutputStream(channel), sha)) {
                    @Override
                    public void write(byte[] b, int off, int len) throws IOException {
                        out.write(b, off, len);
                        count[0] += len;
                    }

                    @Override
                    public void write(int b) throws IOException {
                        out.write(b);
                        count[0]++;
                    }

                    @Override
                    public void close() {
                        // the channel is closed by the enclosing try; closing here would hide fsync
                    }
                };
                try (OutputStream out = new BufferedOutputStream(counting, 1 << 16)) {
                    body.writeTo(out);
                }
                if (fsync) {
                    channel.force(true);
                }
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            moved = true;
            return new Written(HexFormat.of().formatHex(sha.digest()), count[0]);
        } finally {
            if (!moved) {
                Files.deleteIfExists(temp);
            }
        }
    }

    /** SHA-256 of a byte array as lower-case hex. */
    public static String sha256Hex(byte[] bytes) {
        return HexFormat.of().formatHex(sha256().digest(bytes));
    }

    /** Forces an existing file's content to the device. */
    public static void syncFile(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ch.force(true);
        }
    }

    /** Forces a directory's entries (renames) to the device; a no-op where the platform refuses. */
    public static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException ignored) {
            // some file systems cannot open a directory as a channel; the rename is still atomic
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
