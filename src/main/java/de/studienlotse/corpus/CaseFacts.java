package de.studienlotse.corpus;

import java.util.List;

/**
 * The facts printed beside a case's process: duration and check marks. A {@code null} Boolean means the case does not say.
 *
 * @param duration            "Dauer der Einführung" as printed, e.g. "9 Monate"; {@code null} if missing
 * @param externalSupport     whether external support (Externe Unterstützung) was used
 * @param worksCouncil        whether a Betriebsrat or Mitarbeitendenvertretung was involved
 * @param documentation       whether the introduction was documented
 * @param guideline           whether a Leitfaden existed
 * @param furtherApplications further AI applications as printed ("5 KI-Anwendungen implementiert"), or {@code null}
 * @param printed             every fact line as printed, check marks included
 */
public record CaseFacts(String duration, Boolean externalSupport, Boolean worksCouncil, Boolean documentation,
                        Boolean guideline, String furtherApplications, List<String> printed) {

    public CaseFacts {
        printed = List.copyOf(printed);
    }
}
