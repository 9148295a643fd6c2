package org.finbridge.risk.sanctions.internal;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Turns the bytes of a text list file into text, refusing what is not text in the expected encoding
 * instead of importing mojibake.
 *
 * <p>OFAC's legacy files are Latin-1 and end with a single Ctrl-Z byte (0x1A, the old DOS end-of-file
 * mark): the trailer is dropped. A Ctrl-Z with data after it means two files were joined or the file
 * is damaged, and is refused.
 */
final class ListText {

    private static final byte CTRL_Z = 0x1A;

    private ListText() {
    }

    /** Text in Latin-1, or in UTF-8 when the file says so with a byte-order mark or is valid UTF-8 beyond ASCII. */
    static String latin1(byte[] bytes, String file) throws ListFormatException {
        int length = contentLength(bytes, file);
        if (hasUtf8Bom(bytes)) {
            return strictUtf8(bytes, 3, length - 3, file);
        }
        if (!isAscii(bytes, length)) {
            try {
                return strictUtf8(bytes, 0, length, file);
            } catch (ListFormatException notUtf8) {
                // the expected case: Latin-1 accented letters
            }
        }
        return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
    }

    /** Text in UTF-8 (a byte-order mark is skipped); any invalid byte sequence is refused with its offset. */
    static String utf8(byte[] bytes, String file) throws ListFormatException {
        int length = contentLength(bytes, file);
        int start = hasUtf8Bom(bytes) ? 3 : 0;
        return strictUtf8(bytes, start, length - start, file);
    }

    /** The length without a Ctrl-Z trailer; refuses empty files, NUL bytes and a Ctrl-Z followed by data. */
    private static int contentLength(byte[] bytes, String file) throws ListFormatException {
        if (bytes == null || bytes.length == 0) {
            throw new ListFormatException(file + " is empty");
        }
        if (bytes.length >= 2 && ((bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE)
                || (bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF))) {
            throw new ListFormatException(file + " is UTF-16 (byte-order mark " + String.format("%02X%02X",
                    bytes[0], bytes[1]) + "); save it as UTF-8 or in the list's own encoding");
        }
        int length = bytes.length;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                throw new ListFormatException(file + " is not text in a single-byte or UTF-8 encoding: NUL byte at offset "
                        + i + " (UTF-16?)");
            }
            if (bytes[i] == CTRL_Z) {
                for (int j = i + 1; j < bytes.length; j++) {
                    if (!Character.isWhitespace(bytes[j])) {
                        throw new ListFormatException(file + ": an end-of-file mark (Ctrl-Z) at offset " + i
                                + " is followed by more data; the file is damaged or two files were joined");
                    }
                }
                length = i;
                break;
            }
        }
        if (length == 0 || new String(bytes, 0, length, StandardCharsets.ISO_8859_1).isBlank()) {
            throw new ListFormatException(file + " is empty");
        }
        return length;
    }

    private static boolean hasUtf8Bom(byte[] b) {
        return b.length >= 3 && b[0] == (byte) 0xEF && b[1] == (byte) 0xBB && b[2] == (byte) 0xBF;
    }

    private static boolean isAscii(byte[] b, int length) {
        for (int i = 0; i < length; i++) {
            if (b[i] < 0) {
                return false;
            }
        }
        return true;
    }

    private static String strictUtf8(byte[] bytes, int offset, int length, String file) throws ListFormatException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, offset, length);
        try {
            return decoder.decode(in).toString();
        } catch (CharacterCodingException e) {
            throw new ListFormatException(file + " is not valid UTF-8 near byte offset " + in.position()
                    + " (saved in another encoding?)", e);
        }
    }
}
