package org.frameproof.evidence.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.frameproof.domain.UserFacingException;
import org.junit.jupiter.api.Test;

class AuditRecordTest {

    @Test
    void theVersionComesFirstAndFieldsKeepTheirOrder() {
        AuditRecord record = AuditRecord.builder().text("z", "last name first").number("a", 3L).decimal("d", 0.5)
                .flag("f", false).texts("t", List.of()).numbers("n", List.of(1L, 2L)).text("none", null)
                .record("inner", AuditRecord.builder().number("x", 1).build()).record("absent", null).build();
        assertEquals("{\"v\":" + AuditRecord.VERSION + ",\"z\":\"last name first\",\"a\":3,\"d\":0.5,\"f\":false,\"t\":[],\"n\":[1,2],\"none\":null,"
                + "\"inner\":{\"x\":1},\"absent\":null}", record.encoded());
    }

    @Test
    void aRecordReadsBackWithoutItsVersion() throws Exception {
        AuditRecord record = AuditRecord.builder().text("title", "Case 1").number("id", 4).build();
        assertEquals("{\"title\":\"Case 1\",\"id\":4}", AuditRecord.fields(record.encoded()).toString());
        assertEquals(record.fields(), AuditRecord.fields(record.encoded()));
    }

    @Test
    void anEntryWrittenBeforeTheVersionReadsAsVersionOne() throws Exception {
        assertEquals("{\"id\":4,\"title\":\"Case 1\"}", AuditRecord.fields("{\"id\":4,\"title\":\"Case 1\"}").toString());
    }

    @Test
    void aLaterVersionOrSomethingNotAnObjectIsRefused() throws Exception {
        int later = AuditRecord.VERSION + 1;
        UserFacingException refused = assertThrows(UserFacingException.class,
                () -> AuditRecord.fields("{\"v\":" + later + ",\"id\":4}"));
        assertTrue(refused.getMessage().contains("encoding version " + later), refused.getMessage());
        assertEquals("{\"id\":4}", AuditRecord.fields("{\"v\":" + AuditRecord.VERSION + ",\"id\":4}").toString(),
                "the current version reads");
        assertThrows(UserFacingException.class, () -> AuditRecord.fields("[1]"));
        assertThrows(UserFacingException.class, () -> AuditRecord.fields("{not json"));
    }

    @Test
    void aNumberWithAFractionIsNotAWholeNumber() {
        assertThrows(IllegalArgumentException.class, () -> AuditRecord.builder().number("count", (Number) 1.5));
    }
}
