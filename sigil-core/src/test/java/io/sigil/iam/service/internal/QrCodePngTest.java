package io.sigil.iam.service.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import io.sigil.iam.crypto.Base32;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Map;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The QR code PNG decodes back to the exact URI, for many seeds. */
class QrCodePngTest {

    @Test
    void everyCode_decodesToItsOtpauthUri_andIsAOneBitPngOfWholeModules() throws Exception {
        Random random = new Random(6238);
        for (int i = 0; i < 40; i++) {
            byte[] seed = new byte[40];
            random.nextBytes(seed);
            String uri = "otpauth://totp/device-" + i + "@123456789012?secret=" + Base32.encode(seed);
            byte[] png = QrCodePng.of(uri);

            BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
            assertThat(img.getWidth()).isEqualTo(img.getHeight());
            assertThat(img.getWidth() % QrCodePng.MODULE_PIXELS).isZero();
            assertThat(decode(img)).isEqualTo(uri);
            assertThat(decodeAsACameraWould(img)).as("without the pure-barcode shortcut").isEqualTo(uri);
        }
    }

    static String decodeAsACameraWould(BufferedImage img) throws Exception {
        int[] pixels = img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                new RGBLuminanceSource(img.getWidth(), img.getHeight(), pixels))),
                Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
    }

    static String decode(BufferedImage img) throws Exception {
        int[] pixels = img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                new RGBLuminanceSource(img.getWidth(), img.getHeight(), pixels))),
                Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE)).getText();
    }
}
