-- One API convention (English camelCase field names): briefs saved before it carry the German keys of their JSON.
-- Jackson writes keys compactly as "key": and escapes quotes inside values (\"), so "key": matches keys only.
UPDATE advisor_brief SET body =
    REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(
    REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(body,
        '"erstellt":', '"createdAt":'),
        '"geaendert":', '"updatedAt":'),
        '"profil":', '"profile":'),
        '"zusammenfassung":', '"summary":'),
        '"abschnitte":', '"sections":'),
        '"notizen":', '"notes":'),
        '"quellen":', '"citations":'),
        '"lizenz":', '"license":'),
        '"eintraege":', '"items":'),
        '"art":', '"kind":'),
        '"fallId":', '"caseId":'),
        '"quelle":', '"citation":'),
        '"bezug":', '"respondsTo":'),
        '"titel":', '"title":'),
        '"groesse":', '"size":'),
        '"anliegen":', '"concerns":');
