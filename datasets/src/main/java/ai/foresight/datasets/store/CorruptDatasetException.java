package ai.foresight.datasets.store;

import java.io.IOException;

/**
 * A dataset file that cannot be trusted: missing, truncated, tampered with (checksum mismatch), or
 * holding an array whose shape, dtype or values disagree with the manifest. Every read-side
 * validation failure of the store is one of these, so callers catch one {@link IOException} family.
 * The message always starts with the file and the field, e.g.
 * {@code "episodes/ep-000003.npz: state: expected dtype <f8, got <f4"}.
 */
public class CorruptDatasetException extends IOException {
    private final String file;
    private final String field;

    public CorruptDatasetException(String file, String field, String problem) {
        super(file + ": " + field + ": " + problem);
        this.file = file;
        this.field = field;
    }

    public CorruptDatasetException(String file, String field, String problem, Throwable cause) {
        this(file, field, problem);
        initCause(cause);
    }

    /** The file, relative to the dataset directory where it lies inside it. */
    public String file() {
        return file;
    }

    /** The array, manifest entry or file property that failed, e.g. {@code obs} or {@code sha256}. */
    public String field() {
        return field;
    }
}
