package de.studienlotse.advisor;

/** Where the advisor pages show a case or a passage; every citation chip links here. */
public final class AdvisorLinks {

    private AdvisorLinks() {
    }

    /** The case page, e.g. {@code /berater/faelle/B4}. */
    public static String caseLink(String caseId) {
        return "/berater/faelle/" + caseId;
    }

    /**
     * The passage on its case page ({@code /berater/faelle/B4#B4.erfolgsfaktoren.2}); study-level passages live on
     * the study page ({@code /berater/studie#tabelle-1.7}).
     */
    public static String passageLink(String passageId, String caseId) {
        return caseId == null ? "/berater/studie#" + passageId : caseLink(caseId) + "#" + passageId;
    }
}
