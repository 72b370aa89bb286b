package ai.foresight.datasets.store;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/** Reads the entries of an npz archive held in memory, keyed by array name (without {@code .npy}). */
public final class NpzReader {
    private NpzReader() {}

    /**
     * Splits {@code npz} into its npy entries.
     *
     * @param file file name for error messages
     * @throws CorruptDatasetException (field {@code npz}) if the archive is malformed or an entry
     *     is not an {@code .npy} file or appears twice
     */
    public static Map<String, byte[]> read(byte[] npz, String file) throws CorruptDatasetException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (ZipInputStream zin = new ZipInputStream(new ByteArrayInputStream(npz))) {
            ZipEntry e;
            while ((e = zin.getNextEntry()) != null) {
                String entry = e.getName();
                if (!entry.endsWith(".npy")) {
                    throw new CorruptDatasetException(file, "npz", "unexpected entry '" + entry + "', expected *.npy");
                }
                String name = entry.substring(0, entry.length() - 4);
                if (out.put(name, zin.readAllBytes()) != null) {
                    throw new CorruptDatasetException(file, "npz", "entry '" + entry + "' appears twice");
                }
            }
        } catch (CorruptDatasetException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new CorruptDatasetException(file, "npz", "not a readable zip archive: " + e.getMessage(), e);
        }
        if (out.isEmpty()) {
            throw new CorruptDatasetException(file, "npz", "no npy entries (not a zip archive, or empty)");
        }
        return out;
    }
}
