#pragma once

// The words the app shows for a status, a stance and a source's reliability grade, in one
// place so that every view, dialog and export spells them the same way. Qt Core only; the
// words that are not the file's own are translated (context "claimline::Labels").

#include "model/model.h"

#include <QString>

#include <string_view>

namespace claimline {

// The file's own word for a value of one of its enumerations (a stance, a relation or party
// kind: nameOf() in model.h), as shown: the words are the file's, so they are not translated.
QString fileWord(std::string_view word);
// "unverified", "disputed", "corroborated", "refuted", "retracted": the file's words.
QString statusLabel(Status status);
// "affirms", "denies", "disputes", "qualifies", or "no position" (Stance::None).
QString stanceLabel(Stance stance);
// What an Admiralty reliability grade means, without its letter: "completely reliable" (A) …
// "reliability cannot be judged" (F); empty for any other grade (not graded). Callers put the
// letter before it in their own way ("A (completely reliable)" in details, "A, completely
// reliable" in a card's sources).
QString reliabilityMeaning(char grade);

class Project;

// A claim as one line on its party's lane: the statement, led by its claimant ("Sergei
// Lavrov: …") only when that adds something. A party speaking is already named by its lane,
// and a statement that names its speaker ("Lavrov said …") needs no "Sergei Lavrov: " before
// it. Visible text (controls and bidi overrides shown, see visibletext.h).
QString claimLabel(const Project &project, std::uint32_t claim);

} // namespace claimline
