package org.frameproof.store;

import java.nio.file.attribute.AclEntry;
import java.nio.file.attribute.AclEntryFlag;
import java.nio.file.attribute.AclEntryPermission;
import java.nio.file.attribute.AclEntryType;
import java.nio.file.attribute.UserPrincipal;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Windows' counterpart of the modes 0700, 0600 and 0400: an access control list with one entry,
 * which allows the owner alone. It replaces the whole list, so nothing inherited from the user's
 * profile folder (administrators, backup operators) stays; a folder's entry is inherited by what is
 * created in it.
 */
final class OwnerOnlyAcl {
    /** Reading a file and its attributes: what 0400 leaves the owner. */
    static final Set<AclEntryPermission> READ = EnumSet.of(AclEntryPermission.READ_DATA,
            AclEntryPermission.READ_ATTRIBUTES, AclEntryPermission.READ_NAMED_ATTRS, AclEntryPermission.READ_ACL,
            AclEntryPermission.SYNCHRONIZE);

    private OwnerOnlyAcl() {
    }

    /** A folder of the store: everything for the owner, inherited by the files and folders made in it. */
    static List<AclEntry> folder(UserPrincipal owner) {
        return List.of(entry(owner, EnumSet.allOf(AclEntryPermission.class),
                EnumSet.of(AclEntryFlag.FILE_INHERIT, AclEntryFlag.DIRECTORY_INHERIT)));
    }

    /** A file the store writes: read and write for the owner. */
    static List<AclEntry> file(UserPrincipal owner) {
        return List.of(entry(owner, EnumSet.allOf(AclEntryPermission.class), Set.of()));
    }

    /** A vault file: read for the owner, and write for no one. */
    static List<AclEntry> readOnly(UserPrincipal owner) {
        return List.of(entry(owner, READ, Set.of()));
    }

    /** Whether a list lets its owner write the file's content, as the mode's owner-write bit does. */
    static boolean ownerMayWrite(List<AclEntry> acl, UserPrincipal owner) {
        return acl.stream().anyMatch(entry -> entry.type() == AclEntryType.ALLOW && entry.principal().equals(owner)
                && entry.permissions().contains(AclEntryPermission.WRITE_DATA));
    }

    private static AclEntry entry(UserPrincipal owner, Set<AclEntryPermission> permissions, Set<AclEntryFlag> flags) {
        return AclEntry.newBuilder().setType(AclEntryType.ALLOW).setPrincipal(owner)
                .setPermissions(permissions).setFlags(flags).build();
    }
}
