package switchboard.audience.importing;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Checks, chunk by chunk as an upload streams in, whether all of a file's bytes are valid UTF-8
 * (a character may be split across chunks). One wrong byte anywhere means the file was written
 * in another encoding, so the answer has to cover the whole file, not a sample of its start.
 */
final class Utf8Check {

    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    private final CharBuffer sink = CharBuffer.allocate(64 * 1024);
    private ByteBuffer carry = ByteBuffer.allocate(0);
    private boolean valid = true;

    void update(byte[] bytes, int length) {
        if (!valid) {
            return;
        }
        ByteBuffer in = ByteBuffer.allocate(carry.remaining() + length);
        in.put(carry).put(bytes, 0, length).flip();
        decode(in, false);
        carry = in.slice();
    }

    boolean finish() {
        if (valid) {
            decode(carry, true);
        }
        return valid;
    }

    private void decode(ByteBuffer in, boolean last) {
        while (true) {
            sink.clear();
            CoderResult result = decoder.decode(in, sink, last);
            if (result.isError()) {
                valid = false;
                return;
            }
            if (result.isUnderflow()) {
                if (last && in.hasRemaining()) {
                    valid = false;
                }
                return;
            }
        }
    }
}
