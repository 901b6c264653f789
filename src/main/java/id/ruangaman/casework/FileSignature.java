package id.ruangaman.casework;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Whether a kept interview file's first bytes are those of the type the browser declared for it. The declared type
 * comes from the file's name on the counsellor's computer, so a renamed file (an HTML page or a program saved as
 * {@code .png}) would otherwise be kept, and later downloaded, as a photo. Signatures from the formats' own
 * specifications: PNG, JPEG (SOI marker), RIFF/WEBP and RIFF/WAVE, ISO base media ({@code ftyp} box) for MP4 audio
 * and video, Ogg ({@code OggS}), MP3 (ID3 tag or an MPEG frame sync), EBML for WebM, {@code %PDF-}.
 */
final class FileSignature {

    private FileSignature() {
    }

    /** True when {@code content} starts as a file of {@code mime} (one of the types interviews accept) does. */
    static boolean matches(String mime, byte[] content) {
        return switch (mime) {
            case "image/png" -> starts(content, 0, new byte[] { (byte) 0x89, 'P', 'N', 'G' });
            case "image/jpeg" -> starts(content, 0, new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF });
            case "image/webp" -> starts(content, 0, ascii("RIFF")) && starts(content, 8, ascii("WEBP"));
            case "audio/wav" -> starts(content, 0, ascii("RIFF")) && starts(content, 8, ascii("WAVE"));
            case "audio/mp4", "video/mp4" -> starts(content, 4, ascii("ftyp"));
            case "audio/ogg" -> starts(content, 0, ascii("OggS"));
            case "audio/mpeg" -> starts(content, 0, ascii("ID3"))
                    || content.length > 1 && (content[0] & 0xFF) == 0xFF && (content[1] & 0xE0) == 0xE0;
            case "video/webm" -> starts(content, 0, new byte[] { 0x1A, 0x45, (byte) 0xDF, (byte) 0xA3 });
            case "application/pdf" -> starts(content, 0, ascii("%PDF-"));
            default -> false;
        };
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static boolean starts(byte[] content, int offset, byte[] signature) {
        return content.length >= offset + signature.length
                && Arrays.equals(content, offset, offset + signature.length, signature, 0, signature.length);
    }
}
