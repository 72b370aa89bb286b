package ai.foresight.experiments.pipeline;

import ai.foresight.datasets.image.Frame;
import ai.foresight.datasets.store.Dataset;
import ai.foresight.datasets.store.EpisodeFile;
import ai.foresight.encoders.FrameSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The observed frames of a stored dataset for the feature cache, read one episode at a time. The checksum
 * hashes the manifest's per-file SHA-256 list, which the store already computed, so it is free and changes
 * whenever any episode does.
 */
final class DatasetFrames implements FrameSource {
    private final Dataset dataset;
    private final String checksum;

    DatasetFrames(Dataset dataset) {
        this.dataset = dataset;
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(("frames " + dataset.manifest().steps() + " " + dataset.manifest().height() + "x"
                    + dataset.manifest().width() + "\n").getBytes(StandardCharsets.UTF_8));
            for (EpisodeFile f : dataset.manifest().files()) {
                sha.update((f.path() + " " + f.bytes() + " " + f.sha256() + "\n").getBytes(StandardCharsets.UTF_8));
            }
            this.checksum = HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    @Override
    public String checksum() {
        return checksum;
    }

    @Override
    public int episodes() {
        return dataset.size();
    }

    @Override
    public int length(int episode) {
        return dataset.manifest().steps();
    }

    @Override
    public Frame frame(int episode, int t) {
        return frames(episode).get(t);
    }

    @Override
    public List<Frame> frames(int episode) {
        try {
            var ep = dataset.episode(episode);
            List<Frame> out = new ArrayList<>(ep.length());
            for (int t = 0; t < ep.length(); t++) {
                out.add(ep.frame(t));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
