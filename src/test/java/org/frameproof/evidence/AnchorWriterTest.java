package org.frameproof.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.frameproof.domain.ChainHead;
import org.frameproof.store.StoreException;
import org.junit.jupiter.api.Test;

class AnchorWriterTest {
    private static ChainHead head(long count) {
        return new ChainHead(count, "seal" + count);
    }

    @Test
    void headsHandedInDuringAWriteAreCoalescedToTheNewest() throws Exception {
        List<Long> written = new CopyOnWriteArrayList<>();
        CountDownLatch writing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AnchorWriter writer = new AnchorWriter(head -> {
            writing.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            written.add(head.count());
        });
        writer.hand(head(1));
        assertTrue(writing.await(10, TimeUnit.SECONDS));
        for (long count = 2; count <= 5; count++) {
            writer.hand(head(count));
        }
        release.countDown();
        writer.close();
        assertEquals(List.of(1L, 5L), written, "only the newest waiting head is written, never an older one after it");
    }

    @Test
    void aFailedWriteIsReportedUntilALaterWriteSucceeds() throws Exception {
        AtomicBoolean diskFull = new AtomicBoolean(true);
        AnchorWriter writer = new AnchorWriter(head -> {
            if (diskFull.get()) {
                throw new StoreException("Could not write the key file: disk full");
            }
        });
        writer.hand(head(1));
        StoreException failed = assertThrows(StoreException.class, writer::flush);
        assertEquals("Could not write the key file: disk full", failed.getMessage());
        assertThrows(StoreException.class, writer::flush, "the key file's head is still behind");
        diskFull.set(false);
        writer.hand(head(2));
        writer.flush();
        writer.close();
        writer.close();
    }
}
