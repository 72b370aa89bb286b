package ai.foresight.datasets.store;

/**
 * One episode file as listed in the manifest.
 *
 * @param path path relative to the dataset directory, e.g. {@code episodes/ep-000000.npz}
 * @param sha256 SHA-256 of the file's bytes, lower-case hex
 * @param bytes file size
 */
public record EpisodeFile(String path, String sha256, long bytes) {
    public EpisodeFile {
        if (path == null || path.isBlank()) {
            throw new IllegalArgumentException("path: expected a relative file path");
        }
        if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("sha256: expected 64 lower-case hex digits, got " + sha256);
        }
        if (bytes <= 0) {
            throw new IllegalArgumentException("bytes: expected a positive size, got " + bytes);
        }
    }
}
