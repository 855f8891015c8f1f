package io.sigil.store.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.sigil.iam.store.ChangeEvent;
import io.sigil.iam.store.EntityKind;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * A failing subscriber does not stop the others, and its failure reaches the JDK's platform logging, which the server
 * prints (the SLF4J binding the server ships for its libraries is the no-op one).
 */
class ChangeBusTest {

    @Test
    void aFailingListener_isLoggedAsAWarning_andTheOthersStillHearTheEvent() {
        ChangeBus bus = new ChangeBus();
        List<ChangeEvent> heard = new ArrayList<>();
        bus.subscribe(e -> {
            throw new IllegalStateException("cache broke");
        });
        bus.subscribe(heard::add);
        List<LogRecord> records = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord r) {
                records.add(r);
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        Logger jul = Logger.getLogger(ChangeBus.class.getName());
        jul.addHandler(capture);
        ChangeEvent event = new ChangeEvent(EntityKind.USER, "123456789012", "AIDAEXAMPLE");
        try {
            bus.publish(event);
        } finally {
            jul.removeHandler(capture);
        }

        assertThat(heard).containsExactly(event);
        assertThat(records).hasSize(1);
        assertThat(records.get(0).getLevel()).isEqualTo(Level.WARNING);
        assertThat(records.get(0).getMessage()).isEqualTo("change listener failed on user:123456789012:AIDAEXAMPLE");
        assertThat(records.get(0).getThrown()).hasMessage("cache broke");
    }
}
