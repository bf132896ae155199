package org.frameproof.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RoleAndKindTest {
    @Test
    void rolesAreReadAsPeopleTypeThem() throws Exception {
        assertEquals(Role.MEDICAL_EXPERT, Role.parse("medical expert"));
        assertEquals(Role.MEDICAL_EXPERT, Role.parse("Medical_Expert"));
        assertEquals(Role.FIELD_STAFF, Role.parse(" field-staff "));
        assertTrue(assertThrows(UserFacingException.class, () -> Role.parse("surgeon")).getMessage()
                .contains("use researcher, medical expert or field staff"));
    }

    @Test
    void kindsUseTheirCommandLineNames() throws Exception {
        assertEquals(AnnotationKind.UNIFORM, AnnotationKind.parse("uniform"));
        assertEquals("injury", AnnotationKind.INJURY.code());
        assertThrows(UserFacingException.class, () -> AnnotationKind.parse("weapon"));
    }
}
