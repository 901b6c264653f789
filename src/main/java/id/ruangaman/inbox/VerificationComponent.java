package id.ruangaman.inbox;

import java.util.List;

/** The six components of the SOP's verified report, as checklist keys. */
public final class VerificationComponent {

    public static final List<String> ALL = List.of("identification", "chronology", "evidence", "witnesses", "needs",
            "rights_information");

    private VerificationComponent() {
    }
}
