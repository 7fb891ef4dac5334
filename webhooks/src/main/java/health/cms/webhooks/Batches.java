package health.cms.webhooks;

import java.util.function.IntSupplier;

import io.quarkus.narayana.jta.QuarkusTransaction;

/** Work that runs in batches, each in a short transaction of its own, so no run holds locks or a snapshot for long. */
final class Batches {

    private Batches() {
    }

    /** Runs {@code batch} in a new transaction until it handles fewer than {@code size} rows; returns how many in all. */
    static int inShortTransactions(int size, IntSupplier batch) {
        int total = 0;
        int handled;
        do {
            handled = QuarkusTransaction.requiringNew().call(batch::getAsInt);
            total += handled;
        } while (handled == size);
        return total;
    }
}
