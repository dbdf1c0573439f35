package store.traffictacos.capacity.simulations.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.sun.management.UnixOperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("DescriptorReserve")
class DescriptorReserveTest {
    private static long open() {
        return ((UnixOperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getOpenFileDescriptorCount();
    }

    @Test
    @DisplayName("holds its descriptors open until closed, then gives every one back")
    void holdsUntilClosed() {
        assumeThat(ManagementFactory.getOperatingSystemMXBean()).isInstanceOf(UnixOperatingSystemMXBean.class);
        // Given
        long before = open();

        // When
        DescriptorReserve reserve = DescriptorReserve.hold(16);
        long held = open();
        reserve.close();

        // Then
        assertThat(reserve.held()).isZero();
        assertThat(held - before).isGreaterThanOrEqualTo(16);
        assertThat(open()).isLessThanOrEqualTo(held - 16);
    }
}
