#pragma once

// Search folding: the form of text that searches compare, so that a query matches whatever
// the case and the accents.
//
// Folding lower-cases (full Unicode case folding) and drops accents from Latin and Greek
// letters (é → e, ü → u, ß → ss), but keeps the letters that Cyrillic alphabets count as
// letters of their own: й is not и, ї is not і, ў is not у. The one Cyrillic letter folded is
// ё → е, because Russian writes ё as е in most printed text. "Зеленский" then matches
// "зелЕнский", "Kallas" matches "KALLAS", "Zelenskyy" does not match "Zelenskyi".

#include <QString>
#include <QStringView>

#include <string>
#include <string_view>

namespace claimline {

// Folds text for searching (composed to NFC first).
QString foldForSearch(QStringView text);
// Folds UTF-8 text straight into UTF-8 (appending to out), for search indexes over large
// projects: no QString per item. Expects composed (NFC) text, as files and keyboards give.
void foldForSearchUtf8(std::string_view text, std::string &out);

// True when the folded needle occurs in the folded haystack.
bool containsFolded(QStringView haystack, QStringView foldedNeedle);

} // namespace claimline
