package io.sigil.store.internal;

import io.sigil.iam.store.ChangeEvent;
import io.sigil.iam.store.Subscription;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** The subscribers of one store; a failing subscriber is logged and does not stop the others. */
public final class ChangeBus {

    // See JdbcStore.log().
    private static System.Logger log() {
        return System.getLogger(ChangeBus.class.getName());
    }

    private final List<Consumer<ChangeEvent>> listeners = new CopyOnWriteArrayList<>();

    public Subscription subscribe(Consumer<ChangeEvent> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    public void publish(Collection<ChangeEvent> events) {
        for (ChangeEvent e : events) {
            publish(e);
        }
    }

    public void publish(ChangeEvent event) {
        for (Consumer<ChangeEvent> l : listeners) {
            try {
                l.accept(event);
            } catch (RuntimeException ex) {
                log().log(System.Logger.Level.WARNING, "change listener failed on " + event.payload(), ex);
            }
        }
    }
}
