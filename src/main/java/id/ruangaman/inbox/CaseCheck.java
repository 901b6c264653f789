package id.ruangaman.inbox;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import id.ruangaman.security.crypto.EncryptedStringConverter;

/** One ticked component of the verification checklist: who ticked it and when. */
@Entity
@Table(name = "case_check")
@IdClass(CaseCheck.Key.class)
public class CaseCheck {

    @Id
    @Column(name = "intake_id")
    public Long intakeId;

    @Id
    public String component;

    /** The account that ticked the item, by id (V187); null for a system actor or a username that named no account. */
    @Column(name = "checked_by_account_id")
    public Long checkedById;

    /** The readable fallback: the username as stored before V187 when it named no account, or a system actor; else null. */
    @Column(name = "checked_by")
    public String checkedBy;

    /**
     * The name written for that account when the part was ticked (V253), so a print says who ticked it as they were named then, not after
     * a later rename; null when no name was written then, or for a row from before V253 (printed as the account is named now).
     */
    @Convert(converter = EncryptedStringConverter.class)
    @Column(name = "checked_name")
    public String checkedName;

    @Column(name = "checked_at", nullable = false)
    public Instant checkedAt;

    public static class Key implements Serializable {
        public Long intakeId;
        public String component;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(intakeId, k.intakeId) && Objects.equals(component, k.component);
        }

        @Override
        public int hashCode() {
            return Objects.hash(intakeId, component);
        }
    }
}
