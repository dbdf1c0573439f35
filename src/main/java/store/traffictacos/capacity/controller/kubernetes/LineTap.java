package store.traffictacos.capacity.controller.kubernetes;

import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/** Writes through and hands every complete line to a listener: the runners' live progress on the way to the capture. */
final class LineTap extends FilterOutputStream {
    private final Consumer<String> lines;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    LineTap(OutputStream out, Consumer<String> lines) {
        super(out);
        this.lines = lines;
    }

    @Override
    public void write(int b) throws IOException {
        out.write(b);
        if (b == '\n') {
            lines.accept(line.toString(StandardCharsets.UTF_8));
            line.reset();
        } else {
            line.write(b);
        }
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        out.write(bytes, offset, length);
        int start = offset;
        for (int i = offset; i < offset + length; i++) {
            if (bytes[i] == '\n') {
                line.write(bytes, start, i - start);
                lines.accept(line.toString(StandardCharsets.UTF_8));
                line.reset();
                start = i + 1;
            }
        }
        line.write(bytes, start, offset + length - start);
    }
}
