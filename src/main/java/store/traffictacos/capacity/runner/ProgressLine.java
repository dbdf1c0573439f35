package store.traffictacos.capacity.runner;

import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.Optional;
import java.util.zip.DataFormatException;
import org.HdrHistogram.Histogram;

/**
 * One runner's live progress for an interval, as the line a controlled runner prints every few
 * seconds and the controller reads from its output, so the controller can merge every runner's
 * interval exactly (the latency histograms are added, not their percentiles):
 * {@code tacos-progress <runner> <elapsedSecond> <answered> <errors> <base64 compressed histogram, µs>}.
 *
 * @param elapsedSecond the interval's end, in whole seconds since the start instant; runners share
 *     the start instant and the period, so intervals of different runners line up by this number
 */
public record ProgressLine(int runner, long elapsedSecond, long answered, long errors, Histogram latencyMicros) {
    static final String PREFIX = "tacos-progress ";

    public String format() {
        ByteBuffer buffer = ByteBuffer.allocate(latencyMicros.getNeededByteBufferCapacity());
        int length = latencyMicros.encodeIntoCompressedByteBuffer(buffer);
        byte[] bytes = new byte[length];
        buffer.flip();
        buffer.get(bytes);
        return PREFIX + runner + " " + elapsedSecond + " " + answered + " " + errors + " "
                + Base64.getEncoder().encodeToString(bytes);
    }

    /** The progress a line carries; empty for any other line (and for a damaged progress line). */
    public static Optional<ProgressLine> parse(String line) {
        if (!line.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String[] fields = line.substring(PREFIX.length()).strip().split(" ");
        if (fields.length != 5) {
            return Optional.empty();
        }
        try {
            Histogram histogram = Histogram.decodeFromCompressedByteBuffer(
                    ByteBuffer.wrap(Base64.getDecoder().decode(fields[4])), 0);
            return Optional.of(new ProgressLine(
                    Integer.parseInt(fields[0]),
                    Long.parseLong(fields[1]),
                    Long.parseLong(fields[2]),
                    Long.parseLong(fields[3]),
                    histogram));
        } catch (IllegalArgumentException | DataFormatException | java.nio.BufferUnderflowException e) {
            // A line cut by a dying runner is not progress; the run's results still are.
            return Optional.empty();
        }
    }
}
