package ai.foresight.experiments.report;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A grid of equally sized tiles, each with a caption strip underneath (e.g. {@code t=12}), on a dark
 * background: a whole episode at a glance. Sizes are exact: a sheet of n tiles of w x h in c columns
 * is {@code pad + c'(w + pad)} wide and {@code pad + r(h + label + pad)} tall, where
 * c' = min(c, n) and r = ceil(n / c').
 */
public final class ContactSheet {
    private static final Color BACKGROUND = new Color(0x20, 0x20, 0x20);
    private static final Color CAPTION = new Color(0xE0, 0xE0, 0xE0);

    /**
     * @param columns tiles per row, at least 1
     * @param padding pixels around and between tiles
     * @param labelHeight height of the caption strip under each tile (0 for none)
     */
    public record Layout(int columns, int padding, int labelHeight) {
        public Layout {
            if (columns < 1) {
                throw new IllegalArgumentException("columns: expected at least 1, got " + columns);
            }
            if (padding < 0 || labelHeight < 0) {
                throw new IllegalArgumentException("padding/labelHeight: expected at least 0, got " + padding + "/" + labelHeight);
            }
        }

        public static Layout defaults() {
            return new Layout(8, 4, 14);
        }
    }

    private final Layout layout;

    public ContactSheet(Layout layout) {
        this.layout = layout;
    }

    /** Steps 0, k, 2k, ... below {@code length}. */
    public static List<Integer> everyKth(int length, int k) {
        if (k < 1) {
            throw new IllegalArgumentException("every: expected at least 1, got " + k);
        }
        List<Integer> steps = new ArrayList<>();
        for (int t = 0; t < length; t += k) {
            steps.add(t);
        }
        return steps;
    }

    /** The smallest k for which {@link #everyKth} keeps at most {@code maxTiles} of {@code length} frames. */
    public static int strideFor(int length, int maxTiles) {
        if (maxTiles < 1) {
            throw new IllegalArgumentException("maxTiles: expected at least 1, got " + maxTiles);
        }
        return Math.max(1, (length + maxTiles - 1) / maxTiles);
    }

    /**
     * Lays out {@code tiles} (all the same size) row by row with {@code captions} under them.
     *
     * @throws IllegalArgumentException if there are no tiles, sizes differ or the caption count does not match
     */
    public BufferedImage render(List<BufferedImage> tiles, List<String> captions) {
        if (tiles.isEmpty()) {
            throw new IllegalArgumentException("tiles: expected at least one tile");
        }
        if (captions.size() != tiles.size()) {
            throw new IllegalArgumentException("captions: expected " + tiles.size() + ", got " + captions.size());
        }
        int w = tiles.get(0).getWidth();
        int h = tiles.get(0).getHeight();
        int pad = layout.padding();
        int cols = Math.min(layout.columns(), tiles.size());
        int rows = (tiles.size() + cols - 1) / cols;
        int cellHeight = h + layout.labelHeight() + pad;
        BufferedImage sheet = new BufferedImage(pad + cols * (w + pad), pad + rows * cellHeight, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = sheet.createGraphics();
        try {
            g.setColor(BACKGROUND);
            g.fillRect(0, 0, sheet.getWidth(), sheet.getHeight());
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setFont(new Font(Font.MONOSPACED, Font.PLAIN, Math.max(8, layout.labelHeight() - 3)));
            FontMetrics metrics = g.getFontMetrics();
            for (int i = 0; i < tiles.size(); i++) {
                BufferedImage tile = tiles.get(i);
                if (tile.getWidth() != w || tile.getHeight() != h) {
                    throw new IllegalArgumentException("tiles[" + i + "]: expected " + w + "x" + h + ", got "
                            + tile.getWidth() + "x" + tile.getHeight());
                }
                int x = pad + (i % cols) * (w + pad);
                int y = pad + (i / cols) * cellHeight;
                g.drawImage(tile, x, y, null);
                if (layout.labelHeight() > 0) {
                    String caption = captions.get(i);
                    g.setColor(CAPTION);
                    g.drawString(caption, x + Math.max(0, (w - metrics.stringWidth(caption)) / 2),
                            y + h + layout.labelHeight() - metrics.getDescent());
                }
            }
        } finally {
            g.dispose();
        }
        return sheet;
    }

    /** Renders the sheet and writes it as PNG to {@code file}. */
    public BufferedImage write(List<BufferedImage> tiles, List<String> captions, Path file) throws IOException {
        BufferedImage sheet = render(tiles, captions);
        PngFile.write(sheet, file);
        return sheet;
    }
}
