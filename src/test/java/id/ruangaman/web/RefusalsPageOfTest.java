package id.ruangaman.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** A refused form is shown again on the page it is on: an SOP form on the SOP page, a case form on the case page. */
class RefusalsPageOfTest {

    @Test
    void shouldSendARefusedSopFormBackToTheSopPage() {
        assertEquals("/inbox/cases/RA-SINT1/sop", Refusals.pageOf("/inbox/cases/RA-SINT1/sop/findings"));
        assertEquals("/inbox/cases/RA-SINT1/sop", Refusals.pageOf("/inbox/cases/RA-SINT1/sop/interviews/12"));
        assertEquals("/inbox/cases/RA-SINT1", Refusals.pageOf("/inbox/cases/RA-SINT1/notes"));
        assertEquals("/inbox/cases/RA-SINT1/referrals", Refusals.pageOf("/inbox/cases/RA-SINT1/referrals"));
    }
}
