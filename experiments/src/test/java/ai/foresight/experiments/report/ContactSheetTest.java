package ai.foresight.experiments.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContactSheetTest {
    @TempDir
    Path tmp;

    private static List<BufferedImage> tiles(int n, int w, int h, int rgb) {
        List<BufferedImage> tiles = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            BufferedImage tile = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    tile.setRGB(x, y, rgb);
                }
            }
            tiles.add(tile);
        }
        return tiles;
    }

    @Test
    void sheetSizeFollowsTheGrid() {
        ContactSheet sheet = new ContactSheet(new ContactSheet.Layout(4, 2, 10));
        // 10 tiles of 20x16 in rows of 4: 3 rows.
        BufferedImage image = sheet.render(tiles(10, 20, 16, 0xFF0000), Collections.nCopies(10, "t=0"));
        assertEquals(2 + 4 * (20 + 2), image.getWidth());
        assertEquals(2 + 3 * (16 + 10 + 2), image.getHeight());
        // Fewer tiles than columns: the sheet is only as wide as the tiles.
        BufferedImage narrow = sheet.render(tiles(3, 20, 16, 0xFF0000), List.of("a", "b", "c"));
        assertEquals(2 + 3 * (20 + 2), narrow.getWidth());
        assertEquals(2 + (16 + 10 + 2), narrow.getHeight());
    }

    @Test
    void tilesLandInTheirCells() throws IOException {
        ContactSheet sheet = new ContactSheet(new ContactSheet.Layout(2, 3, 0));
        List<BufferedImage> tiles = new ArrayList<>(tiles(1, 5, 4, 0x00FF00));
        tiles.addAll(tiles(1, 5, 4, 0x0000FF));
        tiles.addAll(tiles(1, 5, 4, 0xFF0000));
        Path file = tmp.resolve("sheet.png");
        sheet.write(tiles, List.of("", "", ""), file);
        BufferedImage image = ImageIO.read(file.toFile());
        assertEquals(3 + 2 * 8, image.getWidth());
        assertEquals(3 + 2 * 7, image.getHeight());
        assertEquals(0x00FF00, image.getRGB(3, 3) & 0xFFFFFF);
        assertEquals(0x0000FF, image.getRGB(3 + 8 + 4, 3 + 3) & 0xFFFFFF);
        assertEquals(0xFF0000, image.getRGB(3, 3 + 7) & 0xFFFFFF);
        assertEquals(0x202020, image.getRGB(1, 1) & 0xFFFFFF, "padding is background");
    }

    @Test
    void picksEveryKthStep() {
        assertEquals(List.of(0, 3, 6, 9), ContactSheet.everyKth(10, 3));
        assertEquals(List.of(0, 1, 2), ContactSheet.everyKth(3, 1));
        assertEquals(3, ContactSheet.strideFor(50, 24), "50 frames in at most 24 tiles: every 3rd (17 tiles)");
        assertEquals(1, ContactSheet.strideFor(10, 24));
        assertEquals(17, ContactSheet.everyKth(50, ContactSheet.strideFor(50, 24)).size());
    }

    @Test
    void rejectsMismatchedInput() {
        ContactSheet sheet = new ContactSheet(ContactSheet.Layout.defaults());
        assertThrows(IllegalArgumentException.class, () -> sheet.render(List.of(), List.of()));
        assertThrows(IllegalArgumentException.class, () -> sheet.render(tiles(2, 4, 4, 0), List.of("one")));
        List<BufferedImage> mixed = new ArrayList<>(tiles(1, 4, 4, 0));
        mixed.addAll(tiles(1, 5, 4, 0));
        assertThrows(IllegalArgumentException.class, () -> sheet.render(mixed, List.of("a", "b")));
        assertThrows(IllegalArgumentException.class, () -> new ContactSheet.Layout(0, 1, 1));
    }
}
