package ai.foresight.datasets.store;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes a file so that readers see either the old content or the complete new content, never a
 * part: the bytes go to a hidden temporary file in the same directory
 * ({@code .name.<pid>.<n>.tmp}), which is flushed, optionally fsynced, closed and then renamed over
 * the target with {@link StandardCopyOption#ATOMIC_MOVE}. If the body throws, the temporary file is
 * deleted and the target is untouched. The SHA-256 and size of what was written come back, computed
 * on the way out. Parent folders are created; the temporary file gets the process's ordinary
 * permissions (umask), unlike {@code Files.createTempFile}'s owner-only ones, so results stay readable
 * to others. The one atomic writer of the project: datasets, encoder weights, caches, checkpoints'
 * files, reports and pictures all go through it.
 */
public final class AtomicFileWriter {
    /** Suffix of temporary files, which a resumed run may delete. */
    public static final String TEMP_SUFFIX = ".tmp";

    private static final AtomicLong TEMP_COUNTER = new AtomicLong();

    private AtomicFileWriter() {}

    /** What a body writes into the stream it is given. */
    @FunctionalInterface
    public interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    /** What writes a whole file at the path it is given (image and chart libraries that take a file). */
    @FunctionalInterface
    public interface FileBody {
        void writeTo(Path file) throws IOException;
    }

    /** The checksum and length of a written file. */
    public record Written(String sha256, long bytes) {}

    /**
     * Atomically replaces {@code target} with what {@code body} writes.
     *
     * @param fsync whether to force the bytes to the device before the rename
     */
    public static Written write(Path target, boolean fsync, Body body) throws IOException {
        Path temp = temporarySibling(target);
        boolean moved = false;
        try {
            MessageDigest sha = sha256();
            long[] count = new long[1];
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.CREATE_NEW)) {
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
            move(temp, target);
            moved = true;
            return new Written(HexFormat.of().formatHex(sha.digest()), count[0]);
        } finally {
            if (!moved) {
                Files.deleteIfExists(temp);
            }
        }
    }

    /** Atomically replaces {@code target} with what {@code body} writes, without fsync. */
    public static Written write(Path target, Body body) throws IOException {
        return write(target, false, body);
    }

    /** Atomically replaces {@code target} with {@code text} in UTF-8. */
    public static Written writeString(Path target, String text) throws IOException {
        return write(target, false, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Atomically replaces {@code target} with the file {@code body} writes at the temporary path it is
     * given (for writers that only take a path); the temporary file is removed if the body fails.
     */
    public static void writeFile(Path target, FileBody body) throws IOException {
        Path temp = temporarySibling(target);
        boolean moved = false;
        try {
            body.writeTo(temp);
            move(temp, target);
            moved = true;
        } finally {
            if (!moved) {
                Files.deleteIfExists(temp);
            }
        }
    }

    /** Renames {@code source} to {@code target}, replacing it: atomically where the file system allows. */
    public static void move(Path source, Path target) throws IOException {
        try {
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(source, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** A fresh hidden sibling name of {@code target} (its folder created), unique in this process. */
    private static Path temporarySibling(Path target) throws IOException {
        Path absolute = target.toAbsolutePath();
        Files.createDirectories(absolute.getParent());
        Path temp = absolute.resolveSibling("." + absolute.getFileName() + "." + ProcessHandle.current().pid() + "."
                + TEMP_COUNTER.incrementAndGet() + TEMP_SUFFIX);
        Files.deleteIfExists(temp); // a leftover of an earlier process with the same pid
        return temp;
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
