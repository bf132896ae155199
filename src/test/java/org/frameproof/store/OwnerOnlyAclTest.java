package org.frameproof.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.attribute.AclEntry;
import java.nio.file.attribute.AclEntryFlag;
import java.nio.file.attribute.AclEntryPermission;
import java.nio.file.attribute.AclEntryType;
import java.nio.file.attribute.UserPrincipal;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.frameproof.domain.platform.OperatingSystem;
import org.frameproof.domain.platform.OperatingSystem.FileProtection;
import org.junit.jupiter.api.Test;

/** The Windows access control lists, built on any system (only Windows applies them). */
class OwnerOnlyAclTest {
    /** An account as any system's lookup service would name it. */
    private record Account(String name) implements UserPrincipal {
        @Override
        public String getName() {
            return name;
        }
    }

    private final UserPrincipal owner = new Account("reviewer");

    @Test
    void aFolderAllowsItsOwnerEverythingAndPassesThatOn() {
        List<AclEntry> acl = OwnerOnlyAcl.folder(owner);

        assertEquals(1, acl.size());
        assertEquals(owner, acl.get(0).principal());
        assertEquals(AclEntryType.ALLOW, acl.get(0).type());
        assertEquals(Set.of(AclEntryPermission.values()), acl.get(0).permissions());
        assertEquals(Set.of(AclEntryFlag.FILE_INHERIT, AclEntryFlag.DIRECTORY_INHERIT), acl.get(0).flags());
    }

    @Test
    void aVaultFileMayBeReadButNotWritten() {
        List<AclEntry> acl = OwnerOnlyAcl.readOnly(owner);

        assertTrue(acl.get(0).permissions().contains(AclEntryPermission.READ_DATA));
        assertFalse(acl.get(0).permissions().contains(AclEntryPermission.WRITE_DATA));
        assertFalse(acl.get(0).permissions().contains(AclEntryPermission.APPEND_DATA));
        assertFalse(OwnerOnlyAcl.ownerMayWrite(acl, owner));
        assertTrue(OwnerOnlyAcl.ownerMayWrite(OwnerOnlyAcl.file(owner), owner));
    }

    @Test
    void writingGrantedToSomeoneElseIsNotTheOwners() {
        UserPrincipal other = new Account("administrator");

        assertFalse(OwnerOnlyAcl.ownerMayWrite(OwnerOnlyAcl.file(other), owner));
    }

    @Test
    void eachSystemGetsItsProtectionWhereTheFileSystemOffersIt() {
        assertEquals(Optional.of(FileProtection.POSIX_MODES),
                PrivateFiles.protection(OperatingSystem.LINUX, Set.of("basic", "posix", "unix")));
        assertEquals(Optional.of(FileProtection.POSIX_MODES),
                PrivateFiles.protection(OperatingSystem.MACOS, Set.of("basic", "posix", "unix")));
        assertEquals(Optional.of(FileProtection.OWNER_ACL),
                PrivateFiles.protection(OperatingSystem.WINDOWS, Set.of("basic", "acl", "dos", "owner", "user")));
        assertEquals(Optional.empty(), PrivateFiles.protection(OperatingSystem.WINDOWS, Set.of("basic", "dos")));
    }
}
