package de.studienlotse.answer;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a question asks about, recognised from cue words in German and English. Topics map to the sections of a case
 * ({@code herausforderungen}, {@code tipps}, ...) or to the structured facts (duration, works council, external help).
 */
public enum Topic {
    HERAUSFORDERUNGEN("herausforderungen", List.of("tabelle-1", "zusammenfassung", "fazit"), "herausforder|schwierig|problem|huerde|hemmnis|hindernis|stolper|risik|"
            + "schiefgel|schief |bedenken|sorge|aengst|angst|widerstand|challeng|difficult|obstacle|barrier|hurdle|"
            + "issue|pitfall|problem|concern|fear|resist"),
    ERFOLGSFAKTOREN("erfolgsfaktoren", List.of("tabelle-2", "zusammenfassung", "fazit"), "erfolg|gelungen|gelingen|gelang|geholfen|hilfreich|geklappt|funktioniert hat|"
            + "worauf.*achten|succe|worked|helped|key factor|what made"),
    TIPPS("tipps", List.of("fazit"), "tipp|ratschlae|ratschlag|rat |raten|empfehl|empfiehl|lessons|learnings|advice|advise|recommend|tip"),
    PROZESS("prozess", "schritt|vorgehen|vorgegangen|ablauf|ablaeuf|phase|eingefuehrt|einfuehrungsprozess|umgesetzt|"
            + "implementier|angefangen|anfangen|gestartet|step|process|approach|roadmap|introduced|rolled out|implement"),
    DAUER("eckdaten", "dauer|dauert|gedauert|wie lange|zeitraum|zeitrahmen|how long|duration|took (about|around|only|\\d|long|months|weeks|years)|timeline|"
            + "wie schnell|abgeschlossen|fertig|am schnellsten|am laengsten|am kuerzesten|how fast|how quickly|fastest|quickest|longest|shortest"),
    BETRIEBSRAT("eckdaten", "betriebsrat|betriebsraet|mitarbeitendenvertretung|mitarbeitervertretung|personalrat|"
            + "arbeitnehmervertret|works council|employee representati|union"),
    EXTERN("eckdaten", "extern|dienstleister|berater|beraten lassen|it-partner|partner|hilfe von aussen|von aussen|"
            + "fremde hilfe|consultant|external|outside help|help from outside|service provider|vendor"),
    ZIEL("ziel", List.of("ergebnisse", "zielstellung"), "ziel|motivation|motiviert|erreichen wollte|goal|aim|objective|purpose"),
    INTERAKTION("interaktion", "wer |interagier|nutzer|anwender|who |interact|users"),
    BESCHREIBUNG("beschreibung", "was macht|was kann|was tut|beschreib|wie funktioniert|was genau|what does|"
            + "describe|how does .* work"),
    ZITAT("zitat", "zitat|zitiert|gesagt|sagte|aussage|o-ton|quote|said"),
    ZUSAMMENARBEIT("zusammenarbeit", "zusammenarbeit|zusammengearbeitet|team|projektteam|abstimmung|collaborat|teamwork"),
    ANZAHL("methodik", "wie viele|wieviele|anzahl|how many|number of"),
    /** Asks about the study as a whole: what was named most often, across all cases. */
    UEBERBLICK(null, "am haeufigsten|haeufigste|am meisten genannt|meistgenannt|insgesamt|generell|allgemein|ueber alle|"
            + "alle faelle|alle unternehmen|typisch|wiederkehrend|nennungen|gesamtbild|fazit|zusammenfassung|studie 1|"
            + "most (often|frequent)|frequently|overall|across all|in general|common|recurring|conclusion|summary"),
    /** Asks for an amount of money: the study names no prices or budgets. */
    GELDBETRAG(null, "verdien|gehalt|gehaelter|lohn |loehne|salary|salaries|earn|wage|wie ?viel .*(kost|gekostet|bezahlt|investiert)|was (hat|haben|hatte|kostet|kosten).*(kost|gekostet)|"
            + "euro|€|\\beur\\b|preis|how much .*(cost|spend|pay|invest)|what did .* cost|price"),
    /** Asks for a company's or person's name: the study is anonymised. */
    NAME(null, "wie hei(ss|ß)t|name (des|der|von)|namen (des|der|von)|welche firma genau|which company exactly|"
            + "company name|name of the company|what is the name");

    private final String sectionId;
    private final List<String> studySections;
    private final Pattern cues;

    Topic(String sectionId, String cues) {
        this(sectionId, List.of(), cues);
    }

    Topic(String sectionId, List<String> studySections, String cues) {
        this.sectionId = sectionId;
        this.studySections = studySections;
        // a cue starts a word: "Dienstleister" is a cue, "Web-Dienstleister" (a Branche) is not
        this.cues = Pattern.compile("(^|[\\s\"„(/])(" + cues + ")");
    }

    /** The case section this topic is answered from; {@code null} for topics the study never answers. */
    public String sectionId() {
        return sectionId;
    }

    /** Study-level sections that speak about this topic across all cases (Tabelle 1 for challenges, ...). */
    public List<String> studySections() {
        return studySections;
    }

    public static Set<Topic> of(String question) {
        String folded = fold(question);
        Set<Topic> topics = EnumSet.noneOf(Topic.class);
        for (Topic topic : values()) {
            if (topic.cues.matcher(folded).find()) {
                topics.add(topic);
            }
        }
        return topics;
    }

    /** Topics answered from structured facts rather than from retrieved prose. */
    public static final List<Topic> FACTS = List.of(DAUER, BETRIEBSRAT, EXTERN);

    static String fold(String text) {
        return " " + text.toLowerCase(Locale.GERMAN).replace("ä", "ae").replace("ö", "oe").replace("ü", "ue")
                .replace("ß", "ss") + " ";
    }
}
