package io.sigil.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import org.eclipse.jetty.util.MemoryUtils;
import org.junit.jupiter.api.Test;

/** The value Sigil presets for Jetty's queue padding is the one Jetty would have read through JMX. */
class JettyPresetTest {

    @Test
    void referencesPerCacheLine_isWhatJettyLearnsFromJmx() {
        SigilHttpServer.presetReferencesPerCacheLine();
        boolean compressedOops = Boolean.parseBoolean(ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
                .getVMOption("UseCompressedOops").getValue());
        int jettyFromJmx = compressedOops ? MemoryUtils.getIntegersPerCacheLine() : MemoryUtils.getLongsPerCacheLine();

        assertThat(System.getProperty(SigilHttpServer.REFERENCES_PER_CACHE_LINE)).isEqualTo(String.valueOf(jettyFromJmx));
        assertThat(MemoryUtils.getReferencesPerCacheLine()).isEqualTo(jettyFromJmx);
    }
}
