package io.sigil.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import org.eclipse.jetty.util.MemoryUtils;
import org.junit.jupiter.api.Test;

/**
 * What Sigil presets for Jetty: the queue padding is the one Jetty would have read through JMX, and the classes it
 * initialises ahead of the first connection are Jetty's (a name that a Jetty upgrade dropped would be skipped
 * silently at run time, so it fails here).
 */
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

    @Test
    void firstConnectionClasses_areAllInTheJettyOnTheClasspath() {
        ClassLoader loader = SigilHttpServer.class.getClassLoader();

        assertThat(SigilHttpServer.FIRST_CONNECTION_CLASSES).isNotEmpty().allSatisfy(name -> {
            assertThat(name).startsWith("org.eclipse.jetty.");
            assertThatCode(() -> Class.forName(name, false, loader)).doesNotThrowAnyException();
        });
    }
}
