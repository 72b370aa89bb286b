package ai.foresight.datasets.store;

/** The parsed {@code dataset.json} (contract pinned; fields are being written in the store work). */
public record DatasetManifest(String world, int episodes, int steps, int height, int width) {}
