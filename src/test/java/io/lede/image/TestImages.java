package io.lede.image;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;

import javax.imageio.ImageIO;

/** Real image files, made in memory for the tests. */
public final class TestImages {

    private TestImages() {
    }

    /** Left half red, right half blue: where a crop came from shows in its colours. */
    public static BufferedImage halves(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        graphics.setColor(Color.RED);
        graphics.fillRect(0, 0, width / 2, height);
        graphics.setColor(Color.BLUE);
        graphics.fillRect(width / 2, 0, width - width / 2, height);
        graphics.dispose();
        return image;
    }

    public static byte[] encode(BufferedImage image, String format) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            if (!ImageIO.write(image, format, bytes)) {
                throw new IllegalStateException("No ImageIO writer for " + format);
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static byte[] png(int width, int height) {
        return encode(halves(width, height), "png");
    }

    public static BufferedImage decode(byte[] bytes) {
        try {
            ImageIO.scanForPlugins();
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
            if (image == null) {
                throw new IllegalStateException("Not an image ImageIO can read");
            }
            return image;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A JPEG with an EXIF segment right after its start marker: an orientation tag and an
     * image description standing in for personal metadata such as a GPS position.
     */
    public static byte[] jpegWithExif(BufferedImage image, int orientation, String secret) {
        byte[] jpeg = encode(image, "jpeg");
        byte[] description = (secret + "\0").getBytes(StandardCharsets.US_ASCII);
        ByteBuffer tiff = ByteBuffer.allocate(8 + 2 + 2 * 12 + 4 + description.length);
        tiff.put(new byte[] { 'M', 'M', 0, 42 }).putInt(8);
        tiff.putShort((short) 2);
        // 0x010E ImageDescription, ASCII, stored after the IFD.
        tiff.putShort((short) 0x010E).putShort((short) 2).putInt(description.length).putInt(8 + 2 + 2 * 12 + 4);
        // 0x0112 Orientation, SHORT, value inline.
        tiff.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0);
        tiff.putInt(0);
        tiff.put(description);
        byte[] exif = ByteBuffer.allocate(6 + tiff.capacity()).put("Exif\0\0".getBytes(StandardCharsets.US_ASCII))
                .put(tiff.array()).array();
        ByteBuffer out = ByteBuffer.allocate(jpeg.length + 4 + exif.length);
        out.put(jpeg, 0, 2);
        out.put((byte) 0xFF).put((byte) 0xE1).putShort((short) (exif.length + 2)).put(exif);
        out.put(jpeg, 2, jpeg.length - 2);
        return out.array();
    }

    /** A valid PNG signature and IHDR claiming a size, with no image data: a decompression bomb's header. */
    public static byte[] pngHeader(int width, int height) {
        ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(width).putInt(height)
                .put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
        ByteBuffer chunk = ByteBuffer.allocate(4 + 13);
        chunk.put("IHDR".getBytes(StandardCharsets.US_ASCII)).put(ihdr.array());
        CRC32 crc = new CRC32();
        crc.update(chunk.array());
        ByteBuffer file = ByteBuffer.allocate(8 + 4 + 17 + 4);
        file.put(new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' });
        file.putInt(13).put(chunk.array()).putInt((int) crc.getValue());
        return file.array();
    }

    /** A gray ramp, dark at the left, light at the right: 8 bits a pixel (16 with {@code deep}). */
    public static BufferedImage gray(int width, int height, boolean deep) {
        BufferedImage image = new BufferedImage(width, height, deep ? BufferedImage.TYPE_USHORT_GRAY : BufferedImage.TYPE_BYTE_GRAY);
        int max = deep ? 65535 : 255;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.getRaster().setSample(x, y, 0, x * max / Math.max(1, width - 1));
            }
        }
        return image;
    }

    /** 16 bits a channel RGB, as a high-bit-depth PNG decodes (a custom type no writer takes as it is). */
    public static BufferedImage rgb16(int width, int height) {
        java.awt.image.ComponentColorModel model = new java.awt.image.ComponentColorModel(
                java.awt.color.ColorSpace.getInstance(java.awt.color.ColorSpace.CS_sRGB), new int[] { 16, 16, 16 }, false, false,
                java.awt.Transparency.OPAQUE, java.awt.image.DataBuffer.TYPE_USHORT);
        BufferedImage image = new BufferedImage(model, model.createCompatibleWritableRaster(width, height), false, null);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.getRaster().setPixel(x, y, new int[] { x * 65535 / Math.max(1, width - 1), 20000, 40000 });
            }
        }
        return image;
    }

    /** Red and blue halves in a 16-colour palette. */
    public static BufferedImage palette(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_INDEXED);
        Graphics2D graphics = image.createGraphics();
        graphics.drawImage(halves(width, height), 0, 0, null);
        graphics.dispose();
        return image;
    }

    /** Red and blue halves, the lower half see-through. */
    public static BufferedImage alpha(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D graphics = image.createGraphics();
        graphics.drawImage(halves(width, height), 0, 0, null);
        graphics.setComposite(java.awt.AlphaComposite.Clear);
        graphics.fillRect(0, height / 2, width, height - height / 2);
        graphics.dispose();
        return image;
    }

    /** Gradients and noise, compressing like a photograph: a real JPEG of some size. */
    public static byte[] photoJpeg(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        java.util.Random noise = new java.util.Random(7);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int n = noise.nextInt(64);
                image.setRGB(x, y, ((x * 191 / width + n) << 16) | ((y * 191 / height + n) << 8) | (128 + n));
            }
        }
        return encode(image, "jpeg");
    }

    /** A JPEG cut right after its start-of-scan header: every table, no pixel data. */
    public static byte[] jpegHeaderOnly(byte[] jpeg) {
        for (int i = 2; i + 3 < jpeg.length; i++) {
            if ((jpeg[i] & 0xff) == 0xff && (jpeg[i + 1] & 0xff) == 0xda) {
                int length = ((jpeg[i + 2] & 0xff) << 8) | (jpeg[i + 3] & 0xff);
                return Arrays.copyOf(jpeg, i + 2 + length);
            }
        }
        throw new IllegalArgumentException("No start of scan");
    }

    /** A lossy WebP whose frame header declares the size, followed by only {@code dataBytes} of data. */
    public static byte[] webpHeader(int width, int height, int dataBytes) {
        int chunk = 10 + dataBytes;
        ByteBuffer file = ByteBuffer.allocate(20 + chunk + (chunk & 1)).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        file.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(file.capacity() - 8).put("WEBPVP8 ".getBytes(StandardCharsets.US_ASCII))
                .putInt(chunk);
        // Frame tag: key frame, version 0, shown, first partition as long as the data that follows.
        int tag = (1 << 4) | (dataBytes << 5);
        file.put((byte) tag).put((byte) (tag >> 8)).put((byte) (tag >> 16));
        file.put((byte) 0x9d).put((byte) 0x01).put((byte) 0x2a).putShort((short) width).putShort((short) height);
        byte[] data = new byte[dataBytes];
        new java.util.Random(1).nextBytes(data);
        return file.put(data).array();
    }

    /** A 35-byte GIF declaring a large frame, with a few LZW codes and a proper ending. */
    public static byte[] gifHeader(int width, int height) {
        ByteBuffer file = ByteBuffer.allocate(35).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        file.put("GIF89a".getBytes(StandardCharsets.US_ASCII)).putShort((short) width).putShort((short) height)
                .put((byte) 0).put((byte) 0).put((byte) 0);
        file.put((byte) 0x2c).putShort((short) 0).putShort((short) 0).putShort((short) width).putShort((short) height).put((byte) 0);
        file.put((byte) 2).put((byte) 8).put(new byte[] { (byte) 0x84, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77 });
        file.put((byte) 0).put((byte) 0x3b);
        return file.array();
    }

    public static byte[] truncated(byte[] bytes) {
        return Arrays.copyOf(bytes, bytes.length / 2);
    }

    public static boolean contains(byte[] haystack, String needle) {
        return new String(haystack, StandardCharsets.ISO_8859_1).contains(needle);
    }
}
