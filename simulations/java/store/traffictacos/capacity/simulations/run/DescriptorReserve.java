package store.traffictacos.capacity.simulations.run;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.util.ArrayList;
import java.util.List;

/**
 * A few file descriptors held from before the load until the results are written. A runner offered more than
 * its platform answers opens connections until the JVM has no descriptor left; the results files are opened
 * after the last request, while Gatling still holds its connections, and would then fail with "Too many open
 * files", losing every measurement of the run. Released just before the results are written, these are
 * theirs.
 */
final class DescriptorReserve implements AutoCloseable {
    /** Enough for the results and report files, which are written one after another. */
    static final int HELD = 32;

    private static final String NOTHING = "/dev/null";

    private final List<RandomAccessFile> held = new ArrayList<>();

    /** Holds {@code count} descriptors; fewer where the machine has no {@value #NOTHING} or none to spare. */
    static DescriptorReserve hold(int count) {
        DescriptorReserve reserve = new DescriptorReserve();
        for (int i = 0; i < count; i++) {
            try {
                reserve.held.add(new RandomAccessFile(NOTHING, "r"));
            } catch (IOException unavailable) {
                break;
            }
        }
        return reserve;
    }

    int held() {
        return held.size();
    }

    /** Gives the descriptors back. */
    @Override
    public void close() {
        for (RandomAccessFile file : held) {
            try {
                file.close();
            } catch (IOException alreadyGone) {
                // closing /dev/null does not fail; a descriptor that is gone is free anyway
            }
        }
        held.clear();
    }
}
