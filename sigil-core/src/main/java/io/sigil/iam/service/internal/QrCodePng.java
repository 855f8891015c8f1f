package io.sigil.iam.service.internal;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * The QR code of an {@code otpauth://} URI as a PNG image, what CreateVirtualMFADevice returns as {@code QRCodePNG}
 * ("A QR code PNG image that encodes otpauth://totp/$virtualMFADeviceName@$AccountName?secret=$Base32String",
 * API Reference, "VirtualMFADevice"). ZXing makes the symbol at one pixel per module (error correction M, a
 * four-module quiet zone as ISO/IEC 18004 asks); each module is drawn as a square of {@value #MODULE_PIXELS} pixels
 * and the JDK's ImageIO writes a one-bit PNG.
 */
public final class QrCodePng {

    /** Pixels per module: every module is a whole square of pixels, so scanners see crisp edges. */
    public static final int MODULE_PIXELS = 6;

    private QrCodePng() {
    }

    public static byte[] of(String text) {
        BitMatrix m;
        try {
            m = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0, Map.of(
                    EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
                    EncodeHintType.MARGIN, 4,
                    EncodeHintType.CHARACTER_SET, StandardCharsets.UTF_8.name()));
        } catch (WriterException e) {
            throw new IllegalArgumentException("cannot encode a QR code of " + text.length() + " characters", e);
        }
        int px = MODULE_PIXELS;
        BufferedImage image = new BufferedImage(m.getWidth() * px, m.getHeight() * px,
                BufferedImage.TYPE_BYTE_BINARY);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                image.setRGB(x, y, m.get(x / px, y / px) ? 0xFF000000 : 0xFFFFFFFF);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
