package ai.foresight.encoders.cache;

import java.util.Arrays;

/**
 * {@code cache.json}: what a feature cache holds and what it was built from. The cache is valid for
 * an encoder and a dataset exactly when {@code encoderId} and {@code datasetChecksum} match theirs.
 *
 * @param format layout version of the cache folder
 * @param encoderId {@code PatchEncoder.id()} of the encoder that made the features
 * @param datasetChecksum {@code FrameSource.checksum()} of the frames
 * @param precision storage precision of the episode files
 * @param gridHeight patch grid rows
 * @param gridWidth patch grid columns
 * @param dim feature width D
 * @param lengths frames per episode; episode e is {@code episode-NNNNNN.npy} with shape (T_e, N, D)
 * @param secondsToBuild wall time of the build
 */
public record CacheMetadata(
        int format, String encoderId, String datasetChecksum, FeaturePrecision precision,
        int gridHeight, int gridWidth, int dim, int[] lengths, double secondsToBuild) {

    /** The current {@link #format}. */
    public static final int FORMAT = 1;

    public int episodes() {
        return lengths.length;
    }

    /** Tokens per frame N. */
    public int tokens() {
        return gridHeight * gridWidth;
    }

    @Override
    public int[] lengths() {
        return lengths.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CacheMetadata m && m.format == format && m.encoderId.equals(encoderId)
                && m.datasetChecksum.equals(datasetChecksum) && m.precision == precision && m.gridHeight == gridHeight
                && m.gridWidth == gridWidth && m.dim == dim && Arrays.equals(m.lengths, lengths);
    }

    @Override
    public int hashCode() {
        return encoderId.hashCode() * 31 + datasetChecksum.hashCode();
    }

    @Override
    public String toString() {
        return "CacheMetadata[encoder " + encoderId + ", data " + datasetChecksum + ", " + lengths.length + " episodes, "
                + gridHeight + "x" + gridWidth + "x" + dim + " " + precision + "]";
    }
}
